package main

import (
	"bytes"
	"os"

	"github.com/civicnet/civicnet/model/recordfile"
)

const schemaUsage = `Usage: civicnet schema [-o FILE]

Prints the JSON Schema (draft-07) of the civicnet record format, so that
editors with the YAML language server complete and check records as you
type. The schema of civicnet.yaml is its definition "dataset".

Options:
  -o, --output FILE   write the schema to FILE instead of standard output
  -h, --help          show this help

Examples:
  civicnet schema -o records.schema.json

  Then point the YAML language server at it, in a record file:
    # yaml-language-server: $schema=records.schema.json
  or for every record file of a folder, in .vscode/settings.json:
    "yaml.schemas": {"./records.schema.json": "records/**/*.yaml"}
`

func runSchema(e *env) int {
	fs := newFlagSet("schema", e)
	out := fs.StringP("output", "o", "", "write the schema to FILE")
	if code, done := parseFlags(fs, e, schemaUsage); done {
		return code
	}
	if fs.NArg() > 0 {
		e.errorf("schema takes no arguments, got %q", fs.Arg(0))
		e.hintf("write the schema to a file with -o FILE")
		return exitUsage
	}
	if fs.Changed("output") && *out == "" {
		e.errorf("-o needs a file name")
		return exitUsage
	}
	var buf bytes.Buffer
	if err := recordfile.WriteSchema(&buf); err != nil {
		e.errorf("cannot generate the schema: %v", err)
		return exitFailure
	}
	if *out == "" || *out == "-" {
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			e.errorf("writing the schema: %v", err)
			return exitFailure
		}
		return exitOK
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		e.errorf("cannot write the schema: %v", err)
		e.hintf("check that the directory of %s exists and is writable", *out)
		return exitFailure
	}
	return exitOK
}
