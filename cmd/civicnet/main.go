// Command civicnet validates the records of networks of cities and regions
// and exports them as linked open data.
//
// Usage:
//
//	civicnet validate [--format text|json|github|sarif] [--strict] [--quiet] [PATH...]
//	civicnet export   [-o DIR] [--formats LIST] [--base IRI] [--csv-bom] [--quiet] [PATH...]
//	civicnet schema   [-o FILE]
//	civicnet version
//
// Run "civicnet help" or "civicnet COMMAND -h" for details.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes (SPEC section 5).
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
	exitFailure = 3
)

func main() {
	setGC()
	stop := startProfiles()
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// env is what a subcommand may touch: its arguments and the three
// standard streams. Nothing below run reads globals or calls os.Exit.
type env struct {
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// errorf prints a message with the civicnet: prefix on stderr.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "civicnet: "+format+"\n", args...)
}

// hintf prints a hint line on stderr.
func (e *env) hintf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "civicnet: hint: "+format+"\n", args...)
}

type command struct {
	name    string
	summary string
	run     func(e *env) int
}

var commands = []command{
	{"validate", "check records and report every problem with its position", runValidate},
	{"export", "validate records and write an open-data dump", runExport},
	{"site", "validate records and write a linked-data site", runSite}, {"serve", "serve a site with content negotiation", runServe},
	{"schema", "print the JSON Schema of the record format", runSchema},
	{"version", "print the version", runVersion},
}

const usage = `civicnet publishes the records of networks of cities and regions as linked open data.

Usage:
  civicnet COMMAND [options] [PATH...]

Commands:
%s
Run "civicnet COMMAND -h" for the options of a command.
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		printUsage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(&env{args: args[1:], stdin: stdin, stdout: stdout, stderr: stderr})
		}
	}
	fmt.Fprintf(stderr, "civicnet: unknown command %q\n", args[0])
	fmt.Fprintf(stderr, "civicnet: hint: run \"civicnet help\" to list the commands\n")
	return exitUsage
}

func printUsage(w io.Writer) {
	var list string
	for _, c := range commands {
		list += fmt.Sprintf("  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, usage, list)
}
