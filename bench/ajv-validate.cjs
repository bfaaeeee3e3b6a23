// Validates every *.json record file of a directory against the record
// format's JSON Schema (draft-07) with ajv 8, the peer of "civicnet
// validate" on JSON in bench/run. Structure only: ajv knows nothing of
// references between records, which civicnet also checks.
//
//   node ajv-validate.cjs MODULES_DIR SCHEMA DIR
//
// MODULES_DIR holds node_modules with ajv and ajv-formats (bench/run
// installs them under bench/out/npm). Prints the files, records and
// invalid files as JSON; exits 1 when a file is invalid.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [modulesDir, schemaFile, dir] = process.argv.slice(2);
if (!modulesDir || !schemaFile || !dir) {
  console.error('usage: node ajv-validate.cjs MODULES_DIR SCHEMA DIR');
  process.exit(2);
}
const req = createRequire(path.join(path.resolve(modulesDir), 'package.json'));
const Ajv = req('ajv');
const addFormats = req('ajv-formats');

// The schema's "format": "email" and "uri" need ajv-formats. Strict mode
// stays on, so an unknown keyword in the schema fails here, but union
// types ("type": ["string", "number"]), which draft-07 allows, are let
// through rather than warned about.
const ajv = new Ajv({ allErrors: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

let files = 0;
let records = 0;
const invalid = [];
for (const name of fs.readdirSync(dir).sort()) {
  if (!name.endsWith('.json')) continue;
  const data = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  files++;
  records += Array.isArray(data) ? data.length : 1;
  if (!validate(data)) {
    invalid.push({ file: name, error: ajv.errorsText(validate.errors) });
  }
}
console.log(JSON.stringify({ files, records, invalid }));
process.exit(invalid.length > 0 ? 1 : 0);
