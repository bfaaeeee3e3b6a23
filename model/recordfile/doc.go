// Package recordfile is civicnet's record file format as a whole: the
// JSON Schema (draft-07) of YAML and JSON record files, made from the
// same field table that decoding uses, for editors and CI checks.
//
//	err := recordfile.WriteSchema(os.Stdout)
package recordfile
