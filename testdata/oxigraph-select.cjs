// Loads an N-Triples file into an in-memory Oxigraph store (npm package
// oxigraph) and runs a SPARQL SELECT query, printing the rows as a JSON
// array of objects {variable: value} (IRIs and literals by their value).
//
//   node oxigraph-select.cjs MODULES_DIR FILE QUERY_FILE
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [modulesDir, file, queryFile] = process.argv.slice(2);
if (!modulesDir || !file || !queryFile) {
  console.error('usage: node oxigraph-select.cjs MODULES_DIR FILE QUERY_FILE');
  process.exit(2);
}
const oxigraph = createRequire(path.join(path.resolve(modulesDir), 'package.json'))('oxigraph');
const store = new oxigraph.Store();
store.load(fs.readFileSync(file, 'utf8'), { format: 'application/n-triples' });
const rows = store.query(fs.readFileSync(queryFile, 'utf8'));
console.log(JSON.stringify(rows.map((b) => {
  const row = {};
  for (const [k, v] of b) row[k] = v.value;
  return row;
})));
