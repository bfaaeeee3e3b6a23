package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/site"
)

// formatFiles are the top-level names of a dump that each format writes
// (docs/dump.md). A test checks them against a dump that export writes.
var formatFiles = map[export.Format][]string{
	export.FormatTurtle:   {"dataset.ttl", "dataset.ttl.gz"},
	export.FormatNTriples: {"dataset.nt", "dataset.nt.gz"},
	export.FormatJSONLD:   {"dataset.jsonld", "context.jsonld"},
	export.FormatCSV:      {"csv"},
	export.FormatCatalog:  {"catalog.ttl"},
	export.FormatShapes:   {"shapes.ttl"},
	export.FormatSchema:   {"records.schema.json"},
	export.FormatVocab:    {"vocabulary.ttl"},
	export.FormatSite:     siteTopNames(),
}

// siteTopNames are the top-level names the site's pages take.
func siteTopNames() []string {
	var names []string
	for _, n := range site.Names() {
		top, _, _ := strings.Cut(n, "/")
		if !slices.Contains(names, top) {
			names = append(names, top)
		}
	}
	return names
}

// droppedFiles returns the files of a dump in dir that an export of
// formats would not write again. An export replaces the whole directory,
// so "--formats jsonld" into a full dump would silently delete the
// Turtle, the CSV and the rest; export refuses instead (docs/dump.md).
// The files are not carried over into the new dump, because its
// catalogue describes the files of one export only, and would then
// disagree with the directory. nil formats means every format.
func droppedFiles(dir string, formats []export.Format) []string {
	if formats == nil {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil // no dump there; WriteDump reports what else is wrong
	}
	written := map[string]bool{}
	for _, f := range formats {
		for _, name := range formatFiles[f] {
			written[name] = true
		}
	}
	var lost []string
	for _, f := range export.AllFormats {
		for _, name := range formatFiles[f] {
			if written[name] {
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				lost = append(lost, name)
			}
		}
	}
	slices.Sort(lost)
	return lost
}
