// Applies a SPARQL Update to N-Triples in Oxigraph and prints the
// resulting default graph as N-Triples.
// Usage: node oxigraph-update.mjs NODE_MODULES DATA.nt UPDATE.ru
import { createRequire } from 'module';
import fs from 'fs';

const [modules, data, update] = process.argv.slice(2);
const ox = createRequire(modules + '/')('oxigraph');
const store = new ox.Store();
store.load(fs.readFileSync(data, 'utf8'), { format: 'nt' });
store.update(fs.readFileSync(update, 'utf8'));
process.stdout.write(store.dump({ format: 'nt', from_graph_name: ox.defaultGraph() }));
