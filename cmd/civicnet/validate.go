package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

const validateUsage = `Usage: civicnet validate [--format FORMAT] [--report FORMAT=FILE]... [--changed-files FILE]
                         [--ignore CODE]... [--error CODE]... [--strict] [--quiet] [PATH...]

Checks records and reports every problem, each at the file, line and
column of the offending key or value, with a stable code and how to fix
it (docs/diagnostics.md lists the codes). The rules of civicnet.yaml and
the ignore lists of records turn codes off or make them errors
(docs/diagnostics.md, "Rule configuration"). PATH is a record file or a
directory walked for *.yaml, *.yml and *.json; it defaults to ".". "-"
reads one file from standard input, named <stdin> in the report.

The report goes to standard output; messages go to standard error.

Options:
  -f, --format FORMAT   report format: text (default), json, github
                        (GitHub Actions annotations), sarif (SARIF 2.1.0),
                        markdown (a GitHub step summary) or gitlab (a
                        GitLab Code Quality report)
      --report FORMAT=FILE
                        also write the report in FORMAT to FILE, from the
                        same run; may be repeated
      --changed-files FILE
                        the files a pull request changes, one per line
                        (git diff --name-only): --format github spends its
                        10 annotations of each severity on them first
      --ignore CODE     turn the warnings of CODE off for this run (after
                        the rules of civicnet.yaml); repeatable, or
                        comma-separated
      --error CODE      make CODE an error for this run
      --strict          fail on warnings too
  -q, --quiet           print no progress and no summary on standard error
  -h, --help            show this help

Exit status: 0 no errors (warnings allowed unless --strict), 1 invalid
records, 2 usage error (also: no records found), 3 a file could not
be read or a report written.

Examples:
  civicnet validate records/
  civicnet validate --strict regions/toscana.yaml organizations/efus.yaml
  cat record.yaml | civicnet validate -
  civicnet validate --format sarif . > civicnet.sarif
  civicnet validate --ignore no-sources --error personal-email records/

  In a GitHub Actions step (what the civicnet action runs):
    civicnet validate --format github --changed-files changed.txt \
      --report markdown="$GITHUB_STEP_SUMMARY" --report sarif=civicnet.sarif records/
  In a GitLab CI job, for the Code Quality widget:
    civicnet validate --report gitlab=gl-code-quality-report.json records/
`

// progressDelay is how long validation runs before a terminal is told it
// is still working.
const progressDelay = time.Second

func runValidate(e *env) int {
	flags := newFlagSet("validate", e)
	formatName := flags.StringP("format", "f", "text", "report format")
	flags.SetAnnotation("format", valuesAnnotation, formatNames(validate.Formats))
	reportSpecs := flags.StringArray("report", nil, "also write the report in FORMAT to FILE")
	flags.SetAnnotation("report", valuesAnnotation, reportCompletions())
	changedFile := flags.String("changed-files", "", "files a pull request changes, one per line")
	ignore := flags.StringSlice("ignore", nil, "turn the warnings of CODE off")
	raise := flags.StringSlice("error", nil, "make CODE an error")
	strict := flags.Bool("strict", false, "fail on warnings too")
	quiet := flags.BoolP("quiet", "q", false, "no progress or summary on stderr")
	if code, done := parseFlags(flags, e, validateUsage); done {
		return code
	}
	format, err := validate.ParseFormat(*formatName)
	if err != nil {
		e.errorf("--format: %v", err)
		return exitUsage
	}
	reports, ok := parseReports(e, *reportSpecs)
	if !ok {
		return exitUsage
	}
	var overrides []validate.Override
	for _, o := range []struct {
		flag  string
		codes []string
		level validate.Level
	}{{"--ignore", *ignore, validate.LevelOff}, {"--error", *raise, validate.LevelError}} {
		for _, code := range o.codes {
			ov := validate.Override{Code: strings.TrimSpace(code), Level: o.level, Source: o.flag}
			if err := validate.CheckOverride(ov); err != nil {
				e.errorf("%s %s: %v", o.flag, ov.Code, err)
				return exitUsage
			}
			overrides = append(overrides, ov)
		}
	}
	var changed []string
	if flags.Changed("changed-files") {
		data, err := os.ReadFile(*changedFile)
		if err != nil {
			e.errorf("--changed-files: %v", err)
			e.hintf("write the list with: git diff --name-only BASE HEAD > FILE")
			return exitUsage
		}
		changed = strings.Split(string(data), "\n")
	}
	paths, stdinUsed, ok := recordPaths(e, flags.Args())
	if !ok {
		return exitUsage
	}

	stop := e.startProgress(*quiet, "validating "+describePaths(paths)+"…")
	ds, problems := recordfile.LoadFiles(paths, recordfile.Options{Stdin: e.stdin})
	diags := validate.ValidateWith(ds, problems, validate.Options{Overrides: overrides})
	stop()

	files := validate.CountFiles(ds, diags)
	if files == 0 && !stdinUsed {
		// Most likely the wrong directory: say so rather than pass.
		e.errorf("no record files (*.yaml, *.yml, *.json) in %s", strings.Join(paths, ", "))
		return exitUsage
	}
	empty := ds.Len() == 0 && !diags.HasErrors()
	opts := validate.RenderOptions{Files: files, Records: ds.Len(), Color: format == validate.FormatText && colorWanted(e.stdout),
		Changed: changed, MoreAt: describeReports(e, reports)}
	if empty && len(diags) == 0 {
		// Nothing to report: an empty report would read as a pass.
		noRecords(e, paths)
		return exitUsage
	}
	if err := validate.Render(e.stdout, format, diags, opts); err != nil {
		e.errorf("writing the report: %v", err)
		return exitFailure
	}
	for _, r := range reports {
		if err := writeReport(e, r, diags, validate.RenderOptions{Files: files, Records: ds.Len()}); err != nil {
			e.errorf("--report %s=%s: %v", r.format, r.file, err)
			return exitFailure
		}
	}
	if empty {
		noRecords(e, paths)
		return exitUsage
	}
	if !*quiet && format != validate.FormatText {
		// The text report ends with the summary; the others are read by
		// programs, so people get it here.
		e.errorf("%s", diags.Summarize(files))
	}
	errs, warns := diags.Counts()
	for _, d := range diags {
		if d.Code == "read-error" {
			return exitFailure
		}
	}
	switch {
	case errs > 0:
		return exitInvalid
	case warns > 0 && *strict:
		if !*quiet {
			e.hintf("--strict makes warnings fail")
		}
		return exitInvalid
	}
	return exitOK
}

// report is one --report FORMAT=FILE.
type report struct {
	format validate.Format
	file   string
}

// parseReports checks the --report flags, before any work.
func parseReports(e *env, specs []string) ([]report, bool) {
	var out []report
	for _, spec := range specs {
		name, file, ok := strings.Cut(spec, "=")
		if !ok || file == "" {
			e.errorf("--report %s: want FORMAT=FILE, such as sarif=civicnet.sarif", spec)
			return nil, false
		}
		f, err := validate.ParseFormat(name)
		if err != nil {
			e.errorf("--report %s: %v", spec, err)
			return nil, false
		}
		out = append(out, report{f, file})
	}
	return out, true
}

func reportCompletions() []string {
	var out []string
	for _, f := range validate.Formats {
		out = append(out, f.String()+"=")
	}
	return out
}

// describeReports says where the reports go, for the GitHub format's
// last annotation: the file named by GITHUB_STEP_SUMMARY is "the step
// summary".
func describeReports(e *env, reports []report) string {
	var parts []string
	for _, r := range reports {
		if s := e.getenv("GITHUB_STEP_SUMMARY"); s != "" && r.file == s {
			parts = append(parts, "the step summary")
		} else {
			parts = append(parts, r.file)
		}
	}
	return strings.Join(parts, ", ")
}

// writeReport writes one --report file. A step summary
// ($GITHUB_STEP_SUMMARY) is appended to, as GitHub expects of it; other
// files are replaced.
func writeReport(e *env, r report, diags validate.Diagnostics, opts validate.RenderOptions) error {
	mode := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if s := e.getenv("GITHUB_STEP_SUMMARY"); s != "" && r.file == s {
		mode = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := os.OpenFile(r.file, mode, 0o644)
	if err != nil {
		return err
	}
	if err := validate.Render(f, r.format, diags, opts); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// noRecords reports input that holds no record at all (empty standard
// input, files of comments only, a lone civicnet.yaml): a check of
// nothing must not pass in CI.
func noRecords(e *env, paths []string) {
	if len(paths) == 1 && paths[0] == "-" {
		e.errorf("standard input holds no records")
		e.hintf("pipe a record file in: civicnet %s - < record.yaml", e.command)
		return
	}
	e.errorf("no records in %s", strings.Join(paths, ", "))
	e.hintf("a record is a YAML mapping with kind, id and name (docs/records.md); \"civicnet init\" starts a record set")
}

func describePaths(paths []string) string {
	if len(paths) == 1 {
		if paths[0] == "-" {
			return recordfile.StdinName
		}
		return paths[0]
	}
	return "records"
}

// startProgress prints msg on stderr once work has gone on for
// progressDelay, when stderr is a terminal and not quiet; the returned
// function stops it.
func (e *env) startProgress(quiet bool, msg string) (stop func()) {
	if quiet || !isTerminal(e.stderr) {
		return func() {}
	}
	var mu sync.Mutex
	done := false
	t := time.AfterFunc(progressDelay, func() {
		mu.Lock()
		defer mu.Unlock()
		if !done {
			e.errorf("%s", msg)
		}
	})
	return func() {
		t.Stop()
		mu.Lock()
		done = true
		mu.Unlock()
	}
}

// colorWanted reports whether the report may be coloured: w is a
// terminal and NO_COLOR (https://no-color.org) is unset or empty. It is
// the one place the command reads the environment.
func colorWanted(w io.Writer) bool {
	return isTerminal(w) && os.Getenv("NO_COLOR") == ""
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// recordPaths checks the record paths a command was given ("." when
// none): each must exist, and "-" (standard input) may come once. It
// reports what is wrong and returns ok false.
func recordPaths(e *env, args []string) (paths []string, stdinUsed, ok bool) {
	paths = args
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		if p == "-" {
			if stdinUsed {
				e.errorf("\"-\" is given twice; standard input can be read once")
				return nil, false, false
			}
			stdinUsed = true
			continue
		}
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			e.errorf("%s: no such file or directory", p)
			e.hintf("give a record file or a directory of records; \"-\" reads standard input")
			return nil, false, false
		}
	}
	return paths, stdinUsed, true
}

// formatNames returns the names of formats, for completion.
func formatNames[F fmt.Stringer](formats []F) []string {
	var names []string
	for _, f := range formats {
		names = append(names, f.String())
	}
	return names
}
