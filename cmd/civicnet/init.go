package main

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/civicnet/civicnet/model/recordfile"
)

const initUsage = `Usage: civicnet init [DIR]

Starts a record set in DIR (default "."), to be edited into your own:

  civicnet.yaml                  the dataset description, with comments
  regions/, organizations/, people/, projects/, events/, places/,
  memberships/                   one example record of each kind
  .civicnet/records.schema.json  the JSON Schema of records; each example
                                 names it in a first line
                                 "# yaml-language-server: $schema=…", so
                                 that editors complete and check records
  .github/workflows/civicnet.yml a GitHub Actions workflow that checks the
                                 records on every push and pull request

"civicnet validate DIR" passes right after. Existing files are never
overwritten: if any of these is already there, nothing is written.

Options:
  -h, --help   show this help

Examples:
  civicnet init my-network && cd my-network && civicnet validate
  civicnet init
`

// scaffold is the record set init writes. Its records are in canonical
// form (civicnet fmt) and validate without a warning; init_test.txtar
// checks both on what init writes.
//
//go:embed all:scaffold
var scaffold embed.FS

// schemaFile is where init writes the JSON Schema: in a hidden directory,
// which validate does not read records from.
const schemaFile = ".civicnet/records.schema.json"

func runInit(e *env) int {
	flags := newFlagSet("init", e)
	if code, done := parseFlags(flags, e, initUsage); done {
		return code
	}
	if flags.NArg() > 1 {
		e.errorf("init takes one directory, got %d arguments", flags.NArg())
		return exitUsage
	}
	dir := "."
	if flags.NArg() == 1 {
		dir = flags.Arg(0)
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		e.errorf("%s exists and is not a directory", dir)
		return exitUsage
	}

	files := map[string][]byte{}
	err := fs.WalkDir(scaffold, "scaffold", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := scaffold.ReadFile(p)
		files[strings.TrimPrefix(p, "scaffold/")] = data
		return err
	})
	if err != nil {
		e.errorf("reading the scaffold: %v", err)
		return exitFailure
	}
	var schema bytes.Buffer
	if err := recordfile.WriteSchema(&schema); err != nil {
		e.errorf("cannot generate the schema: %v", err)
		return exitFailure
	}
	files[schemaFile] = schema.Bytes()
	workflow := ".github/workflows/civicnet.yml"
	files[workflow] = bytes.ReplaceAll(files[workflow], []byte("{{VERSION}}"), []byte(actionRef()))

	var names, existing []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); !errors.Is(err, fs.ErrNotExist) {
			existing = append(existing, name)
		}
	}
	if len(existing) > 0 {
		e.errorf("%s already holds %s; nothing written", dir, strings.Join(existing, ", "))
		e.hintf("run civicnet init in a new directory: civicnet init DIR")
		return exitUsage
	}
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			e.errorf("%v", err)
			return exitFailure
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			e.errorf("%v", err)
			return exitFailure
		}
	}
	e.errorf("wrote a record set in %s: civicnet.yaml, one example record of each kind, %s and %s",
		dir, schemaFile, workflow)
	e.hintf("edit the examples into your records, then run \"civicnet validate %s\"", dir)
	return exitOK
}

// actionRef is the ref of the civicnet action the workflow uses: the
// version of this civicnet when it is a release, else main.
func actionRef() string {
	if bi, ok := debug.ReadBuildInfo(); ok && releaseVersion.MatchString(bi.Main.Version) {
		return bi.Main.Version
	}
	return "main"
}

var releaseVersion = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)
