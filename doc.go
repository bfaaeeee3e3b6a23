// Package civicnet publishes the records of networks of cities and regions
// as linked open data.
//
// Networks of local and regional authorities keep records about their
// members: regions and other organisations, who is a member of what since
// when and in which role, which projects they coordinate or join and who
// funds them, which events they organise or attend. civicnet reads those
// records from YAML or JSON, checks them with precise diagnostics, and
// exports them as Turtle, N-Triples, JSON-LD, CSV with CSV on the Web
// metadata and a DCAT catalogue.
//
// The work is split into packages:
//
//   - [github.com/civicnet/civicnet/model]: record types, dates,
//     quantities, positions and the checks of values;
//   - [github.com/civicnet/civicnet/model/recordfile]: loading YAML and
//     JSON record files, with the position of every key and value;
//   - [github.com/civicnet/civicnet/validate]: the rules, diagnostics and
//     their renderers (text, JSON, GitHub Actions, SARIF);
//   - [github.com/civicnet/civicnet/export]: the RDF mapping and the
//     writers of every dump format;
//   - [github.com/civicnet/civicnet/examples]: record sets modelling the
//     seed texts;
//   - cmd/civicnet: the command line.
//
// A typical program loads, validates and exports:
//
//	ds, problems := recordfile.LoadFiles([]string{"records"}, recordfile.Options{})
//	diags := validate.Validate(ds, problems)
//	if diags.HasErrors() {
//		return diags.Err()
//	}
//	return export.WriteDump(ctx, "dump", ds, export.DumpOptions{})
package civicnet
