// Package recordfile reads civicnet's record files and describes their
// format as a whole.
//
// A record set is a directory of YAML or JSON files, each holding one
// record or a list of records, with an optional civicnet.yaml
// ([DatasetFile]) describing the dataset. Most users need one call:
//
//	ds, problems := recordfile.LoadFiles([]string{"records/"}, recordfile.Options{})
//
// which returns a [model.Dataset] holding every record that could be
// decoded, indexed by id, and every [model.Problem] met on the way
// (syntax errors, unknown fields, values of the wrong type, duplicate
// keys), each with the file:line:col of the offending key or value.
// Decoding never stops at the first problem, and it reads syntax only:
// a value that reads but is not valid (2011/2008) is stored, for
// validate to report with [model.CheckRecord]. [LoadFS] reads a file
// system and [Decode] one stream; [MaxFileSize], [MaxScalarLen],
// [MaxDepth] and [MaxProblemsPerFile] bound what hostile input costs.
//
// Files are decoded concurrently, by YAML and JSON parsers of this
// package into one node arena per worker (go.yaml.in/yaml/v3 reads the
// rare YAML forms the fast parser leaves, and words the errors). Each
// YAML document, and each item of a JSON array, becomes a record as soon
// as it is parsed, and its nodes are reused for the next, so a worker
// reads a file of any size through a few kilobytes of nodes. Every key's
// position goes into its record's [model.Origin] through model's packed
// fast path ([model.AppendFieldPos]).
//
// [WriteSchema] writes the JSON Schema (draft-07) of record files, made
// from the same field lists that decoding uses, for editors and CI
// checks:
//
//	err := recordfile.WriteSchema(os.Stdout)
package recordfile
