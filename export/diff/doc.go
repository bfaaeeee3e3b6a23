// Package diff compares two record sets and says what changed in the
// data, for people reviewing a pull request of records and for triple
// stores that take the change instead of reloading the dump.
//
// Most users need one call:
//
//	report := diff.Compare(old, new, diff.Options{Today: time.Now()})
//
// which returns a [Report]: the records added, removed, changed and
// renamed, by kind, with each changed field in words ("end set to
// 2019", "organizer anci removed"), and the memberships that became or
// stopped being active on [Options.Today]. [WriteText], [WriteMarkdown]
// and [WriteJSON] render it for a terminal, a pull-request comment and
// programs.
//
// For triple stores, [Triples] compares the N-Triples of the two record
// sets as sets of triples; [TripleChanges.WriteSPARQL] writes the change as a
// SPARQL 1.1 Update and [TripleChanges.WriteRDFPatch] as an RDF Patch.
//
// docs/diff.md documents the formats and the JSON shape.
package diff
