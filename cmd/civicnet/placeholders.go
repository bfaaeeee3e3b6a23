package main

// Placeholders for the subcommands being built; each is replaced by its own
// file (validate.go, export.go, schema.go), which deletes its line here.

func runExport(e *env) int { e.errorf("export is not built yet"); return exitFailure }
