package civicnet_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/export"
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
