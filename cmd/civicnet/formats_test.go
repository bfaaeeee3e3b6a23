package main

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/model/recordfile"
)

// TestFormatFiles: the names formatFiles gives each format are what
// WriteDump writes at the top of a dump for it.
func TestFormatFiles(t *testing.T) {
	src := "kind: organization\nid: efus\nname: Efus\nsources: [{title: test}]\n"
	ds, problems := recordfile.Decode(strings.NewReader(src), "efus.yaml", recordfile.Options{Base: "https://data.example.org/net/"})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, f := range export.AllFormats {
		dir := t.TempDir() + "/dump"
		if err := export.WriteDump(context.Background(), dir, ds, export.DumpOptions{Formats: []export.Format{f}}); err != nil {
			t.Fatalf("WriteDump(--formats %v): %v", f, err)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		// formatFiles names what the format may write (dataset.nt, or
		// dataset.nt.gz with --gzip): every name written is there.
		for _, name := range got {
			if !slices.Contains(formatFiles[f], name) {
				t.Errorf("WriteDump(--formats %v) wrote %s, formatFiles says %v", f, name, formatFiles[f])
			}
		}
		if len(got) == 0 {
			t.Errorf("WriteDump(--formats %v) wrote nothing", f)
		}
	}
}
