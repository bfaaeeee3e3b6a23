package main

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"strings"
	"testing/fstest"
	"time"

	"github.com/civicnet/civicnet/export/diff"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

const diffUsage = `Usage: civicnet diff [--format FORMAT] [--today DATE] [--base IRI] [--quiet] OLD NEW

Compares two record sets and says what changed in the data: records
added, removed, changed and renamed, by kind, each changed field in words
("end set to 2019", "organizer anci removed"), the memberships that
became or stopped being active today, and the renamed records whose IRI
breaks. Or, for a triple store that holds OLD's dump, the change as a
SPARQL 1.1 Update or an RDF Patch.

OLD and NEW are each a record file or directory, or REV:PATH, a path in
a git revision (main:records/, HEAD~1:examples/), read with git in the
current directory without checking anything out. "-" reads one of them
from standard input. docs/diff.md describes the formats.

Options:
  -f, --format FORMAT   text (default; coloured on a terminal unless
                        NO_COLOR is set), markdown (a pull-request
                        comment, within GitHub's 65,536 characters),
                        json, sparql (SPARQL 1.1 Update) or rdf-patch
      --today DATE      the day for which active memberships are
                        compared, as YYYY-MM-DD (default: today)
      --base IRI        base IRI of both record sets, ending in "/"; it
                        overrides base in their civicnet.yaml
  -q, --quiet           print no warnings about problems in the records
  -h, --help            show this help

Exit status: 0 no change, 1 changes, 2 usage error (also: no such path
or revision), 3 a file or revision could not be read, or the output
written.

Examples:
  civicnet diff main:records/ records/
  civicnet diff --format markdown origin/main:records/ records/ > comment.md
  civicnet diff --format sparql old/ new/ > update.ru
  civicnet diff --format rdf-patch HEAD~1:records/ HEAD:records/ > change.rdfp
`

func runDiff(e *env) int {
	flags := newFlagSet("diff", e)
	formatName := flags.StringP("format", "f", "text", "output format")
	todayText := flags.String("today", "", "the day active memberships are compared for")
	base := flags.String("base", "", "base IRI")
	quiet := flags.BoolP("quiet", "q", false, "no warnings about the records")
	if code, done := parseFlags(flags, e, diffUsage); done {
		return code
	}

	format, err := diff.ParseFormat(*formatName)
	if err != nil {
		e.errorf("--format: %v", err)
		return exitUsage
	}
	today := time.Now()
	if *todayText != "" {
		if today, err = time.Parse(time.DateOnly, *todayText); err != nil {
			e.errorf("--today: %q is not a date written YYYY-MM-DD", *todayText)
			return exitUsage
		}
	}
	if !checkBaseFlag(e, *base) {
		return exitUsage
	}
	args := flags.Args()
	if len(args) != 2 {
		e.errorf("diff compares two record sets: give OLD and NEW (%d given)", len(args))
		e.hintf("civicnet diff main:records/ records/")
		return exitUsage
	}
	if args[0] == "-" && args[1] == "-" {
		e.errorf("\"-\" is given twice; standard input can be read once")
		return exitUsage
	}

	opts := recordfile.Options{Base: *base, Stdin: e.stdin}
	var sides [2]*model.Dataset
	for i, arg := range args {
		ds, code := e.loadSide(arg, opts, *quiet)
		if code != exitOK {
			return code
		}
		sides[i] = ds
	}
	old, new := sides[0], sides[1]

	var changed bool
	switch format {
	case diff.FormatSPARQL, diff.FormatRDFPatch:
		for i, ds := range sides {
			if ds.Info.Base == "" {
				e.errorf("%s: no base IRI: the triples of the records need one", args[i])
				e.hintf("set base in %s, or pass --base https://data.example.org/net/", recordfile.DatasetFile)
				return exitUsage
			}
		}
		tc, err := diff.Triples(old, new)
		if err != nil {
			e.errorf("writing the triples: %v", err)
			e.hintf("run \"civicnet validate\" on both record sets")
			return exitFailure
		}
		if format == diff.FormatSPARQL {
			err = tc.WriteSPARQL(e.stdout)
		} else {
			err = tc.WriteRDFPatch(e.stdout)
		}
		if err != nil {
			e.errorf("writing the change: %v", err)
			return exitFailure
		}
		changed = !tc.Empty()
	default:
		r := diff.Compare(old, new, diff.Options{Today: today})
		switch format {
		case diff.FormatMarkdown:
			err = diff.WriteMarkdown(e.stdout, r, diff.MarkdownOptions{})
		case diff.FormatJSON:
			err = diff.WriteJSON(e.stdout, r)
		default:
			err = diff.WriteText(e.stdout, r, diff.TextOptions{Color: colorWanted(e.stdout)})
		}
		if err != nil {
			e.errorf("writing the report: %v", err)
			return exitFailure
		}
		changed = !r.Empty()
	}
	if changed {
		return exitInvalid // like diff(1): 1 means "they differ"
	}
	return exitOK
}

// loadSide loads one side of a diff: a path, "-", or REV:PATH. Problems
// in the records do not stop the diff (it compares what could be read),
// but are counted on stderr; a file that cannot be read does.
func (e *env) loadSide(arg string, opts recordfile.Options, quiet bool) (*model.Dataset, int) {
	var ds *model.Dataset
	var problems []model.Problem
	_, statErr := os.Stat(arg)
	switch rev, p, isRev := strings.Cut(arg, ":"); {
	case arg == "-" || statErr == nil:
		ds, problems = recordfile.LoadFiles([]string{arg}, opts)
	case isRev && rev != "":
		var code int
		if ds, problems, code = e.loadRevision(rev, p, opts); code != exitOK {
			return nil, code
		}
	default:
		e.errorf("%s: no such file or directory", arg)
		e.hintf("give a record file or directory, or REV:PATH for a path in a git revision, such as main:records/")
		return nil, exitUsage
	}
	for _, pr := range problems {
		if pr.Code == "read-error" {
			e.errorf("%s: %s", pr.Pos, pr.Summary)
			return nil, exitFailure
		}
	}
	if len(problems) > 0 && !quiet {
		e.errorf("%s: %s; the diff compares the records that could be read",
			arg, plural(len(problems), "problem", "problems"))
		e.hintf("run \"civicnet validate\" on %s to see them", arg)
	}
	return ds, exitOK
}

// loadRevision reads the record file or directory p of a git revision
// into memory: a directory with git archive, a file with git cat-file.
func (e *env) loadRevision(rev, p string, opts recordfile.Options) (*model.Dataset, []model.Problem, int) {
	spec := rev + ":" + p
	kind, err := git("cat-file", "-t", spec)
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			e.errorf("%s: no such revision or path in git (%v)", spec, err)
			e.hintf("REV:PATH names a path from the top of the repository, such as main:records/ (./ makes it relative to the current directory)")
			return nil, nil, exitUsage
		}
		e.errorf("%s: cannot run git: %v", spec, err)
		return nil, nil, exitFailure
	}
	switch strings.TrimSpace(string(kind)) {
	case "blob":
		data, err := git("cat-file", "blob", spec)
		if err != nil {
			e.errorf("%s: reading it from git: %v", spec, err)
			return nil, nil, exitFailure
		}
		ds, problems := recordfile.Decode(bytes.NewReader(data), path.Base(p), opts)
		return ds, problems, exitOK
	case "tree":
		data, err := git("archive", "--format=tar", spec)
		if err != nil {
			e.errorf("%s: reading it from git: %v", spec, err)
			return nil, nil, exitFailure
		}
		files, err := untar(data)
		if err != nil {
			e.errorf("%s: reading the archive git wrote: %v", spec, err)
			return nil, nil, exitFailure
		}
		ds, problems := recordfile.LoadFS(files, opts)
		return ds, problems, exitOK
	}
	e.errorf("%s is a git %s, not a file or directory", spec, strings.TrimSpace(string(kind)))
	return nil, nil, exitUsage
}

// git runs git with args in the current directory and returns its
// output. When git fails, the error says what git said and unwraps to
// an *exec.ExitError.
func git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && stderr.Len() > 0 {
		return nil, &gitError{msg: strings.TrimSpace(stderr.String()), err: err}
	}
	return out, err
}

type gitError struct {
	msg string
	err error
}

func (e *gitError) Error() string { return e.msg }
func (e *gitError) Unwrap() error { return e.err }

// untar reads the regular files of a tar archive into an in-memory file
// system (fstest.MapFS is a complete read-only fs.FS, not only for tests).
func untar(data []byte) (fs.FS, error) {
	files := fstest.MapFS{}
	tr := tar.NewReader(bytes.NewReader(data))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[strings.TrimPrefix(path.Clean(h.Name), "/")] = &fstest.MapFile{Data: body, Mode: 0o444}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
