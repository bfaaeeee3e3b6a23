package civicnet_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

// Load a record set, validate it, and write the open-data dump: what
// "civicnet export" does.
func Example() {
	ds, problems := recordfile.LoadFS(examples.FS(), recordfile.Options{})
	diags := validate.Validate(ds, problems) // sorted by file, line, column
	errs, warnings := diags.Counts()
	fmt.Println(errs, "errors,", warnings, "warnings")
	if diags.HasErrors() {
		fmt.Println(diags.Err())
		return
	}

	dir, err := os.MkdirTemp("", "civicnet-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "dump")
	if err := export.WriteDump(context.Background(), out, ds, export.DumpOptions{}); err != nil {
		fmt.Println(err)
		return
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	// Output:
	// 0 errors, 17 warnings
	// catalog.ttl
	// context.jsonld
	// csv
	// dataset.jsonld
	// dataset.nt
	// dataset.ttl
	// records.schema.json
	// shapes.ttl
	// vocabulary.ttl
}

// Map the records to RDF while they are validated, on another core, and
// hand both results to the dump: what "civicnet export" does, since the
// mapping runs on one goroutine.
func Example_mappingWhileValidating() {
	ds, problems := recordfile.LoadFS(examples.FS(), recordfile.Options{})
	mapped := make(chan *rdf.Mapper, 1)
	go func() {
		m, _ := rdf.NewMapper(ds) // nil on error: WriteDump makes it again and reports why
		mapped <- m
	}()
	diags := validate.Validate(ds, problems)
	if diags.HasErrors() {
		fmt.Println(diags.Err())
		return
	}

	dir, err := os.MkdirTemp("", "civicnet-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	opts := export.DumpOptions{Formats: []export.Format{export.FormatNTriples}, Validation: &diags, Mapping: <-mapped}
	fmt.Println("needs the mapping:", export.NeedsMapping(opts.Formats))
	if err := export.WriteDump(context.Background(), filepath.Join(dir, "dump"), ds, opts); err != nil {
		fmt.Println(err)
		return
	}
	nt, _ := os.ReadFile(filepath.Join(dir, "dump", export.NTriplesFile))
	fmt.Println(bytes.Count(nt, []byte("\n")), "triples")
	// Output:
	// needs the mapping: true
	// 1640 triples
}
