package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"
)

const versionUsage = `Usage: civicnet version
       civicnet --version

Prints the version of civicnet and of the Go toolchain that built it.
`

func runVersion(e *env) int {
	fs := newFlagSet("version", e)
	if code, done := parseFlags(fs, e, versionUsage); done {
		return code
	}
	if fs.NArg() > 0 {
		e.errorf("version takes no arguments")
		return exitUsage
	}
	v, goVersion := "(devel)", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "civicnet %s (%s)\n", v, goVersion)
	return exitOK
}

// newFlagSet returns a flag set for a subcommand; its errors go to stderr
// through parseFlags, never printed by pflag itself.
func newFlagSet(name string, e *env) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses e.args; done is true when the command should stop
// with code: after -h (usage on stdout), or on a usage error (message and
// hint on stderr). With e.inspect set it hands over the flag set and
// stops.
func parseFlags(fs *pflag.FlagSet, e *env, usageText string) (code int, done bool) {
	fs.BoolP("help", "h", false, "show help")
	if e.inspect != nil {
		e.inspect(fs)
		return exitOK, true
	}
	if err := fs.Parse(e.args); err != nil {
		if err == pflag.ErrHelp {
			return exitOK, true
		}
		e.errorf("%v", err)
		if s := suggestFlag(fs, err); s != "" {
			e.hintf("did you mean %s?", s)
		}
		e.hintf("run \"civicnet %s -h\" for the options", fs.Name())
		return exitUsage, true
	}
	if h, _ := fs.GetBool("help"); h {
		fmt.Fprint(e.stdout, usageText)
		return exitOK, true
	}
	return 0, false
}

// suggestFlag returns the flag an "unknown flag: --strcit" error most
// likely meant ("--strict"), or "".
func suggestFlag(fs *pflag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	var names []string
	fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	if s := closest(name, names); s != "" {
		return "--" + s
	}
	return ""
}
