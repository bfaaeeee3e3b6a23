// Package csvw writes the records of a dataset as CSV tables with CSV on
// the Web metadata (SPEC 4.3): one table per kind plus memberships and
// participations, RFC 4180 with CRLF line endings, and a CSVW table group
// whose templates give the same IRIs and core triples as the RDF dump.
//
//	w := csvw.NewWriter(f, "memberships")
//	if err := w.Write(ds); err != nil { … }
//	if err := w.Close(); err != nil { … }
//
// The columns of every table come from one description, from which the
// CSV writer, [WriteMetadata] and the column list of docs/dump.md are all
// made, so that a column cannot be added to one and forgotten in the
// others.
package csvw
