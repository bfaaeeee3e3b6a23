// Loads an N-Triples file (plain or gzip-compressed, by its .gz suffix)
// into an in-memory Oxigraph store through the npm package's JS bindings,
// then prints the store's size and a SPARQL count of its triples as JSON.
//
//   node oxigraph-load.cjs MODULES_DIR FILE
//
// MODULES_DIR is a directory whose node_modules holds oxigraph (the
// opendata-check harness); the script lives in the repository, so it
// cannot resolve the package from its own location. The file is fed to
// the parser in chunks, so it is never held whole as one string; only
// the store itself grows with the data.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { createRequire } = require('module');

const [modulesDir, file] = process.argv.slice(2);
if (!modulesDir || !file) {
  console.error('usage: node oxigraph-load.cjs MODULES_DIR FILE');
  process.exit(2);
}
const oxigraph = createRequire(path.join(path.resolve(modulesDir), 'package.json'))('oxigraph');

// chunks yields the file's bytes; a compressed file is inflated as a
// whole first, as zlib has no synchronous streaming API and Store.load
// takes a synchronous iterable.
function* chunks(name) {
  if (name.endsWith('.gz')) {
    yield zlib.gunzipSync(fs.readFileSync(name));
    return;
  }
  const fd = fs.openSync(name, 'r');
  try {
    const buf = Buffer.alloc(1 << 22);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return;
      yield Uint8Array.from(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}

const started = process.hrtime.bigint();
const store = new oxigraph.Store();
// no_transaction is Oxigraph's bulk mode: a syntax error may leave a
// partial load, which does not matter for a store that is thrown away.
store.load(chunks(file), { format: 'application/n-triples', no_transaction: true });
const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const rows = store.query('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }');
const count = Number(rows[0].get('n').value);
console.log(JSON.stringify({ size: store.size, count, load_seconds: loadSeconds }));
