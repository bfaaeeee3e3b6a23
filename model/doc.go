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
// and gives records without an id a deterministic one (SPEC 2.6). Dates
// and intervals are built with [Year], [YearMonth], [Day], [Between],
// [Since], [Until] and [During], or from literals with [MustParseDate]
// and [MustParseInterval]:
//
//	ds.Add(&model.Organization{
//		Common:      model.Common{ID: "regione-toscana", Name: model.Plain("Regione Toscana")},
//		Memberships: []*model.Membership{{Organization: "efus", During: model.Since(model.Year(2001))}},
//	})
//
// The value types keep exported fields, so a struct literal can hold a
// value no record file could: a reversed interval, month 13, a quantity
// "abc". Each value type has a Check method that says what is wrong
// ([Date.Check], [Interval.Check], [Quantity.Check], [Role.Check],
// [Funding.Check], [Source.Check], [CheckBase]), and [CheckRecord] runs
// them all on a record, with the key path of each value
// ("funding[1].share"). They are the one place these rules live: the
// decoder reads syntax only and stores what it read, ParseDate and
// ParseInterval are the syntax then Check, and validate runs CheckRecord
// on every record whatever built it. docs/library.md shows the whole
// path.
//
// Dates follow a subset of EDTF: see [ParseDate] and [ParseInterval].
// Quantities are numbers with an optional unit, qualifier and date: see
// [Quantity].
package model
