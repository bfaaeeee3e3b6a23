package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/model/recordfmt"
)

const fmtUsage = `Usage: civicnet fmt [-l | -d | -w] [PATH...]

Rewrites YAML record files in the canonical form: the fields of every
record in the order of docs/records.md, two-space indentation, strings
quoted only where YAML needs it, comments kept. The records do not
change: a file whose formatted form would decode differently is left
alone with an error. PATH is a record file or a directory walked for
*.yaml and *.yml (hidden files and directories skipped); it defaults to
".". "-" formats standard input to standard output. JSON files are left
as they are.

Without -l, -d or -w the formatted files are printed on standard output.

Options:
  -l, --list    list the files whose formatting differs, one per line
  -d, --diff    print the changes as a unified diff
  -w, --write   write the formatted form back to the files
  -h, --help    show this help

Exit status: 0 done (also when -l lists files, as with gofmt -l), 1 a
file is not valid YAML (it is reported and left alone), 2 usage error,
3 a file could not be read or written.

In CI, fail when a file is not formatted, as with gofmt:
  test -z "$(civicnet fmt -l records/)"

Examples:
  civicnet fmt -w records/
  civicnet fmt -d records/regions/toscana.yaml
  civicnet fmt - < record.yaml
`

func runFmt(e *env) int {
	flags := newFlagSet("fmt", e)
	list := flags.BoolP("list", "l", false, "list files whose formatting differs")
	diff := flags.BoolP("diff", "d", false, "print a unified diff")
	write := flags.BoolP("write", "w", false, "write the formatted form back")
	if code, done := parseFlags(flags, e, fmtUsage); done {
		return code
	}
	paths, stdinUsed, ok := recordPaths(e, flags.Args())
	if !ok {
		return exitUsage
	}
	if stdinUsed && (len(paths) > 1 || *write || *list) {
		e.errorf("\"-\" formats standard input to standard output, alone and without -l or -w")
		return exitUsage
	}

	code := exitOK
	fail := func(c int) {
		if c > code {
			code = c
		}
	}
	handle := func(name string, src []byte) {
		out, err := recordfmt.Source(name, src)
		if err != nil {
			e.errorf("%v", err)
			if errors.Is(err, recordfmt.ErrNotLossless) {
				e.hintf("the file is left as it was; please report this with the file")
			} else {
				e.hintf("run \"civicnet validate %s\" for the position of the problem", name)
			}
			fail(exitInvalid)
			return
		}
		same := bytes.Equal(src, out)
		if *list && !same {
			io.WriteString(e.stdout, name+"\n")
		}
		if *diff && !same {
			io.WriteString(e.stdout, unifiedDiff(name+".orig", name, src, out))
		}
		if *write && !same {
			if err := writeFileAtomic(name, out); err != nil {
				e.errorf("writing %s: %v", name, err)
				fail(exitFailure)
			}
		}
		if !*list && !*diff && !*write {
			e.stdout.Write(out)
		}
	}
	if stdinUsed {
		src, err := io.ReadAll(e.stdin)
		if err != nil {
			e.errorf("reading standard input: %v", err)
			return exitFailure
		}
		handle(recordfile.StdinName, src)
		return code
	}
	found := false
	for _, p := range paths {
		err := filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				e.errorf("%v", err)
				fail(exitFailure)
				return nil
			}
			hidden := name != p && strings.HasPrefix(d.Name(), ".")
			if d.IsDir() {
				if hidden {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			if hidden || (ext != ".yaml" && ext != ".yml") {
				return nil
			}
			found = true
			src, err := os.ReadFile(name)
			if err != nil {
				e.errorf("%v", err)
				fail(exitFailure)
				return nil
			}
			handle(name, src)
			return nil
		})
		if err != nil {
			e.errorf("%v", err)
			fail(exitFailure)
		}
	}
	if !found && code == exitOK {
		e.errorf("no YAML record files (*.yaml, *.yml) in %s", strings.Join(paths, ", "))
		return exitUsage
	}
	return code
}

// writeFileAtomic replaces name with data through a temporary file beside
// it, so that an interrupted write never leaves half a record file; the
// file keeps its permissions.
func writeFileAtomic(name string, data []byte) error {
	st, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".fmt-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
