// Package validate checks a civicnet record set and reports every problem
// found, each pointing at the offending key or value and saying how to fix
// it. Most users need one call, after loading:
//
//	ds, problems := recordfile.LoadFiles(paths, recordfile.Options{})
//	diags := validate.Validate(ds, problems)
//	if diags.HasErrors() {
//		return diags.Err()
//	}
//
// [Validate] turns the loader's decoding problems into diagnostics and runs
// every rule over the [model.Dataset]. A [Diagnostic] has a [Severity]
// ([Error] or [Warning]), a stable kebab-case code ("dangling-ref"), a
// one-line summary, a detail with the fix (and a did-you-mean where a name
// was mistyped), a position and related positions, and names its record
// and the key path of the value ([Diagnostic.Record], [Diagnostic.Field]),
// which the text format prints in place of a position for records built
// in code: "organization efus: memberships[2].during: error[…]". [Codes]
// lists every code; docs/diagnostics.md shows each with a bad example and
// its exact message.
//
// Validate checks a dataset the same way whatever built it: the value
// rules are model's ([model.CheckRecord]), run on every record, so
// records built in code with struct literals get every check that
// records read from files get.
//
// Rules are plain functions, one per concern: most look at one record and
// run together in a single pass over the records, the others (loops,
// type spellings, the dataset description) look at what that pass
// gathered. A test keeps the code list, the documentation and the
// bad-input corpus under testdata/bad in step. Rules are built for size:
// one million records validate in seconds, with no per-record allocation
// on the success path.
//
// Renderers write [Diagnostics] for people and tools, in four formats
// named by [Format]: [WriteText] (path:line:col: error[code]: summary),
// [WriteJSON] (a stable documented shape), [WriteGitHub] (GitHub Actions
// workflow commands) and [WriteSARIF] (SARIF 2.1.0). [Render] picks one
// by format.
//
// Language tags are checked with golang.org/x/text/language, the one
// dependency this package adds to those of model.
package validate
