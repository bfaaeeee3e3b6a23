// Command civicnet validates the records of networks of cities and regions
// and exports them as linked open data.
//
// Usage:
//
//	civicnet validate [--format FORMAT] [--report FORMAT=FILE]... [--changed-files FILE] [--strict] [--quiet] [PATH...]
//	civicnet export   [-o DIR] [--formats LIST] [--base IRI] [--csv-bom] [--quiet] [PATH...]
//	civicnet init     [DIR]
//	civicnet fmt      [-l | -d | -w] [PATH...]
//	civicnet schema   [-o FILE]
//	civicnet diff     [--format text|markdown|json|sparql|rdf-patch] [--today DATE] OLD NEW
//	civicnet completion bash|zsh|fish
//	civicnet version
//
// Run "civicnet help" or "civicnet help COMMAND" for details.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"
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
	// command is the name of the command run ("validate").
	command string
	args    []string
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	// inspect, when set, receives the command's flag set instead of the
	// command running: shell completion lists the flags this way, from
	// the flag sets themselves.
	inspect func(*pflag.FlagSet)
	// lookupEnv reads an environment variable (os.Getenv); nil reads
	// none.
	lookupEnv func(string) string
}

func (e *env) getenv(key string) string {
	if e.lookupEnv == nil {
		return ""
	}
	return e.lookupEnv(key)
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
	usage   string
	run     func(e *env) int
}

// commands is filled in init, as completion reads it.
var commands []command

func init() {
	commands = []command{
		{"validate", "check records and report every problem with its position", validateUsage, runValidate},
		{"export", "validate records and write an open-data dump", exportUsage, runExport},
		{"site", "validate records and write a linked-data site", siteUsage, runSite},
		{"serve", "serve a site with content negotiation", serveUsage, runServe},
		{"init", "start a record set: civicnet.yaml, examples, CI workflow", initUsage, runInit},
		{"fmt", "rewrite record files in the canonical form", fmtUsage, runFmt},
		{"schema", "print the JSON Schema of the record format", schemaUsage, runSchema},
		{"diff", "compare two record sets and say what changed in the data", diffUsage, runDiff},
		{"completion", "print a shell completion script (bash, zsh, fish)", completionUsage, runCompletion},
		{"version", "print the version", versionUsage, runVersion},
	}
}

func commandNames() []string {
	names := []string{"help"}
	for _, c := range commands {
		names = append(names, c.name)
	}
	return names
}

const usage = `civicnet publishes the records of networks of cities and regions as linked open data.

Usage:
  civicnet COMMAND [options] [PATH...]

Commands:
%s
Run "civicnet help COMMAND" (or "civicnet COMMAND -h") for the options of a command,
"civicnet --version" for the version.
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	e := &env{command: args[0], args: args[1:], stdin: stdin, stdout: stdout, stderr: stderr, lookupEnv: os.Getenv}
	switch args[0] {
	case "-h", "--help":
		printUsage(stdout)
		return exitOK
	case "help":
		return runHelp(e)
	case "--version":
		return runVersion(e)
	}
	if c, ok := lookupCommand(args[0]); ok {
		return c.run(e)
	}
	unknownCommand(e, args[0])
	return exitUsage
}

func lookupCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// unknownCommand reports a name that is no command, with the command it
// most likely is.
func unknownCommand(e *env, name string) {
	e.errorf("unknown command %q", name)
	if strings.HasPrefix(name, "-") {
		e.hintf("options go after the command: civicnet COMMAND [options]; run \"civicnet help\" to list the commands")
		return
	}
	if s := closest(strings.ToLower(name), commandNames()); s != "" {
		e.hintf("did you mean \"civicnet %s\"?", s)
		return
	}
	e.hintf("run \"civicnet help\" to list the commands")
}

const helpUsage = `Usage: civicnet help [COMMAND]

Prints the list of commands, or the usage of COMMAND (the same text as
"civicnet COMMAND -h").

Examples:
  civicnet help
  civicnet help export
`

// runHelp prints the top-level usage, or a command's.
func runHelp(e *env) int {
	switch {
	case len(e.args) == 0:
		printUsage(e.stdout)
		return exitOK
	case len(e.args) > 1:
		e.errorf("help takes one command, got %d arguments", len(e.args))
		e.hintf("run \"civicnet help COMMAND\"")
		return exitUsage
	case e.args[0] == "help" || e.args[0] == "-h" || e.args[0] == "--help":
		fmt.Fprint(e.stdout, helpUsage)
		return exitOK
	}
	c, ok := lookupCommand(e.args[0])
	if !ok {
		unknownCommand(e, e.args[0])
		return exitUsage
	}
	fmt.Fprint(e.stdout, c.usage)
	return exitOK
}

func printUsage(w io.Writer) {
	var list string
	for _, c := range commands {
		list += fmt.Sprintf("  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, usage, list)
}
