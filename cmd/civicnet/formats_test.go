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
		want := slices.Sorted(slices.Values(formatFiles[f]))
		if !slices.Equal(got, want) {
			t.Errorf("WriteDump(--formats %v) wrote %v, formatFiles says %v", f, got, want)
		}
	}
}
