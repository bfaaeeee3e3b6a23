// Package recordfmt rewrites civicnet record files in their canonical
// form, as gofmt does Go: the fields of every record, nested record and
// nested value in the order of docs/records.md ([model.FieldNames],
// unknown fields last, in their order), two-space indentation, and each
// string quoted only where YAML needs it, keeping every comment. Most
// users call [Source]:
//
//	out, err := recordfmt.Source("efus.yaml", data)
//
// What it keeps as written: the choice of flow ([a, b]) or block style
// for lists and mappings, literal (|) and folded (>) strings (a folded
// string keeps its line breaks; the library would join them), tags,
// anchors and the order of the keys of free-form maps (names by language,
// identifiers by scheme). A comment moves with the field below or beside
// it; one above the first field of a document stays on top. Formatting is idempotent and lossless: Source
// decodes the file before and after and returns an error rather than
// output whose records differ in anything but positions.
//
// JSON record files are not formatted: they are usually written by
// programs, and JSON has its own formatters.
package recordfmt
