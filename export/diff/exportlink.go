package diff

import (
	"io"

	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

// This file holds the package's only calls into the writers, so that a
// move of the writers between packages changes one file.

// writeNTriples writes the N-Triples of ds to w.
func writeNTriples(w io.Writer, ds *model.Dataset) error {
	nt := ntriples.NewWriter(w)
	if err := nt.Write(ds); err != nil {
		return err
	}
	return nt.Close()
}

// recordIRI returns the IRI of the record id in a dump with the given
// base, or "" when the base is unknown.
func recordIRI(base, id string) string {
	if base == "" {
		return ""
	}
	return rdf.RecordIRI(base, id)
}
