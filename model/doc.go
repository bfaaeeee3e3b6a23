// Package model holds civicnet's record types, their values and the
// checks of those values.
//
// A record set holds records of nine kinds: [Region], [Organization],
// [Person], [Project], [Event], [Place], [Membership], [Participation]
// and [Legislation], in a [Dataset] indexed by id. Package
// model/recordfile reads them from record files:
//
//	ds, problems := recordfile.LoadFiles([]string{"records/"}, recordfile.Options{})
//
// returns a Dataset holding every record that could be decoded and every
// [Problem] met on the way, each with the file:line:col ([Pos]) of the
// offending key or value; every record keeps where its keys were
// written in its [Origin]. The validate package turns problems into
// diagnostics and adds the rules that need the whole record set.
//
// A decoder other than recordfile's builds records the same way:
// [Dataset.Add] and [Dataset.Grow]; [Origin.SetKey], or for a decoder's
// hot path [InternKey], [AppendFieldPos] and [Origin.AddKeys]; the field
// lists [FieldNames], [ValueFieldNames] and [DatasetFieldNames]; and
// [ReadDate] and [ReadInterval], which read syntax only.
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
// ("funding[1].share"). They are the one place these rules live: a
// decoder reads syntax only and stores what it read, ParseDate and
// ParseInterval are the syntax then Check, and validate runs CheckRecord
// on every record whatever built it. docs/library.md shows the whole
// path.
//
// Dates follow a subset of EDTF: see [ParseDate] and [ParseInterval].
// Quantities are numbers with an optional unit, qualifier and date: see
// [Quantity].
package model
