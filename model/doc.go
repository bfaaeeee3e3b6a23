// Package model holds civicnet's record types and reads record files.
//
// A record set is a directory of YAML or JSON files, each holding records
// of eight kinds: [Region], [Organization], [Person], [Project], [Event],
// [Place], [Membership] and [Participation]. Most users need one call:
//
//	ds, problems := model.LoadFiles([]string{"records/"}, model.Options{})
//
// which returns a [Dataset] holding every record that could be decoded,
// indexed by id, and every [Problem] met on the way (syntax errors, unknown
// fields, values of the wrong type, duplicate keys), each with the
// file:line:col of the offending key or value. Decoding never stops at the
// first problem. The validate package turns problems into diagnostics and
// adds the rules that need the whole record set.
//
// Records can also be built in code and added with [Dataset.Add], which
// normalises nested memberships and participations into top-level records
// and gives records without an id a deterministic one (SPEC 2.6).
//
// Dates follow a subset of EDTF: see [ParseDate] and [ParseInterval].
// Quantities are numbers with an optional unit, qualifier and date: see
// [Quantity].
package model
