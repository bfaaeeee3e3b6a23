// Package export writes the open-data dump of a record set (SPEC 4): one
// call writes every format into a directory, atomically and byte for
// byte deterministically.
//
//	err := export.WriteDump(ctx, "dump", ds, export.DumpOptions{})
//
// The formats themselves live in packages of their own, each usable on
// its own with an io.Writer: [github.com/civicnet/civicnet/export/turtle],
// [github.com/civicnet/civicnet/export/ntriples],
// [github.com/civicnet/civicnet/export/jsonld],
// [github.com/civicnet/civicnet/export/csvw],
// [github.com/civicnet/civicnet/export/dcat] and
// [github.com/civicnet/civicnet/export/shacl], all fed by the one mapping
// of [github.com/civicnet/civicnet/export/rdf]. This package keeps only
// the dump: its layout (which file each [Format] writes and what the
// catalogue says of it), the selection of formats, and the atomic
// replacement of the previous dump.
package export
