package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

const exportUsage = `Usage: civicnet export [-o DIR] [--formats LIST] [--base IRI] [--csv-bom] [--gzip] [--quiet] [PATH...]

Validates records and, when they hold no errors, writes them as an
open-data dump into DIR: Turtle, N-Triples and JSON-LD (dataset.ttl,
dataset.nt, dataset.jsonld with context.jsonld), CSV tables with CSV on
the Web metadata (csv/), a DCAT-AP catalogue (catalog.ttl), SHACL shapes
(shapes.ttl), the JSON Schema of the record format (records.schema.json)
and the civic: vocabulary as an OWL ontology (vocabulary.ttl). The same
records always give the same bytes.

The dump is written into a temporary directory beside DIR, then renamed
into place: an interrupted or failed export leaves the previous dump as it
was. An existing DIR is replaced only if it holds nothing but a dump, and
--formats is refused when that dump has parts it would not write again
(docs/dump.md).

PATH is a record file or a directory walked for *.yaml, *.yml and *.json;
it defaults to ".". "-" reads one file from standard input. Records are
validated first: on any error the diagnostics are printed on standard
error and nothing is written. Warnings do not stop the export: the first
10 are printed with the count of the others, unless --quiet ("civicnet
validate" shows them all).

Options:
  -o, --output DIR      write the dump into DIR (default "dump")
      --formats LIST    the parts to write, comma-separated: ttl, nt,
                        jsonld, csv, catalog, shapes, schema, vocab
                        (default: all of these), and site, the
                        linked-data site beside them (as civicnet site)
      --base IRI        base IRI of the dump's IRIs, ending in "/"; it
                        overrides base in civicnet.yaml and is required
                        with "-" unless a civicnet.yaml is given too
      --csv-bom         start CSV files with a UTF-8 byte order mark, for
                        spreadsheet programs that need one
      --gzip            write dataset.ttl.gz and dataset.nt.gz instead of
                        dataset.ttl and dataset.nt, compressed on every
                        core, for triple stores that load them directly
  -q, --quiet           print no progress, warnings or summary
  -h, --help            show this help

Exit status: 0 dump written, 1 invalid records (nothing written), 2 usage
error, 3 a file could not be read or the dump written (the previous dump
is kept).

Examples:
  civicnet export -o dump examples/
  civicnet export --formats ttl,nt,jsonld -o /tmp/dump records/
  civicnet export --base https://data.example.org/net/ -o dump - < record.yaml
`

// exportWarningLimit is how many warnings export prints before it counts
// the rest.
const exportWarningLimit = 10

func runExport(e *env) int {
	flags := newFlagSet("export", e)
	out := flags.StringP("output", "o", "dump", "output directory")
	formatList := flags.String("formats", "", "parts of the dump to write")
	flags.SetAnnotation("formats", valuesAnnotation, formatNames(export.AllFormats))
	base := flags.String("base", "", "base IRI")
	csvBOM := flags.Bool("csv-bom", false, "UTF-8 byte order mark in CSV files")
	gzipRDF := flags.Bool("gzip", false, "write dataset.ttl.gz and dataset.nt.gz, compressed on every core")
	quiet := flags.BoolP("quiet", "q", false, "no progress, warnings or summary")
	if code, done := parseFlags(flags, e, exportUsage); done {
		return code
	}

	// Every flag combination is checked before any work.
	var formats []export.Format
	if flags.Changed("formats") {
		var err error
		if formats, err = export.ParseFormats(*formatList); err != nil {
			e.errorf("--formats: %s", libMessage(err))
			return exitUsage
		}
	}
	paths, ok := outputInputs(e, *out, *base, "dump", flags.Args())
	if !ok {
		return exitUsage
	}
	if lost := droppedFiles(*out, formats); len(lost) > 0 {
		e.errorf("--formats %s would replace the dump in %s and drop its %s", *formatList, *out, strings.Join(lost, ", "))
		e.hintf("write into another directory with -o, remove %s first, or list every part of the dump to keep in --formats", *out)
		return exitUsage
	}

	ld, code := loadValid(e, paths, *base, *quiet, export.NeedsMapping(formats))
	if code != exitOK {
		return code
	}
	if slices.Contains(formats, export.FormatSite) {
		setSiteGC()
	} else {
		setDumpGC()
	}

	opts := export.DumpOptions{Formats: formats, CSVBOM: *csvBOM, Gzip: *gzipRDF, Validation: &ld.diags, Mapping: ld.m}
	code = writeOutput(e, *out, "dump", *quiet, func(ctx context.Context, progress func(string)) error {
		opts.Progress = progress
		return export.WriteDump(ctx, *out, ld.ds, opts)
	})
	if code != exitOK {
		return code
	}
	if !*quiet {
		e.errorf("wrote %s", *out)
	}
	return exitOK
}

// writeOutput runs write, the atomic write of a dump or a site into out,
// and reports how it went. From its start, SIGINT and SIGTERM cancel the
// write, which then removes its temporary directory and leaves what out
// held; a second signal ends the program at once. (Before, while only
// reading, a signal simply ends it: nothing has been written.) what is
// "dump" or "site", for the messages.
func writeOutput(e *env, out, what string, quiet bool, write func(ctx context.Context, progress func(string)) error) int {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	go func() {
		<-ctx.Done()
		cancel()
	}()
	var progress func(string)
	if !quiet && isTerminal(e.stderr) {
		progress = func(file string) { e.errorf("writing %s", filepath.Join(out, filepath.FromSlash(file))) }
	}
	err := write(ctx, progress)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, export.ErrPreviousDumpLeft) {
		e.errorf("wrote %s; %s", out, libMessage(err))
		e.hintf("remove the previous %s named above by hand", what)
		return exitFailure
	}
	if ctx.Err() != nil {
		e.errorf("interrupted: nothing written, %s left as it was", out)
		return exitFailure
	}
	e.errorf("writing the %s to %s: %s", what, out, libMessage(err))
	var nr *export.NotReplaceableError
	if errors.As(err, &nr) && nr.Entry != "" {
		e.hintf("choose another output directory, or move %s out of %s", nr.Entry, nr.Dir)
	}
	e.hintf("nothing was written; %s is as it was", out)
	return exitFailure
}

// checkBaseFlag reports a --base value the records' IRIs cannot use, as
// a usage error, before any record is read.
func checkBaseFlag(e *env, base string) bool {
	if base == "" {
		return true
	}
	if err := model.CheckBase(base); err != nil {
		e.errorf("--base: %s", baseMessage(err))
		e.hintf("write an absolute http(s) IRI ending with /, such as https://data.example.org/net/")
		return false
	}
	return true
}

// hasDatasetFile reports whether paths give a dataset description: a
// civicnet.yaml, or a directory holding one.
func hasDatasetFile(paths []string) bool {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if filepath.Base(p) == recordfile.DatasetFile {
			return true
		}
		if st, err := os.Stat(filepath.Join(p, recordfile.DatasetFile)); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// leaveOut keeps the output directory out of the records read: a
// directory path holding it (as "." holds the default "dump") is replaced
// by its entries along the way to out, all but out itself. Otherwise the
// dump's JSON files would be read as records by the next export.
func leaveOut(paths []string, out string) ([]string, error) {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	var result []string
	for _, p := range paths {
		if p == "-" {
			result = append(result, p)
			continue
		}
		absP, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(absP, absOut)
		st, statErr := os.Stat(p)
		if err != nil || statErr != nil || !st.IsDir() || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			result = append(result, p)
			continue
		}
		if rel == "." {
			return nil, errors.New("the output directory " + out + " is a directory of records")
		}
		result = append(result, entriesBut(p, strings.Split(rel, string(filepath.Separator)))...)
	}
	return result, nil
}

// entriesBut lists the record files and directories in dir, descending
// along the path components skip and leaving out the last one. Hidden
// directories are left out, with hidden files, as the loader does when it walks.
func entriesBut(dir string, skip []string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{dir} // the loader reports it
	}
	var out []string
	for _, d := range entries {
		p := filepath.Join(dir, d.Name())
		switch {
		case d.Name() == skip[0] && len(skip) == 1:
		case d.Name() == skip[0]:
			out = append(out, entriesBut(p, skip[1:])...)
		case d.IsDir():
			if !strings.HasPrefix(d.Name(), ".") {
				out = append(out, p)
			}
		case recordfile.IsRecordFile(d.Name()) && !strings.HasPrefix(d.Name(), "."):
			out = append(out, p)
		}
	}
	return out
}

// baseMessage words a base IRI the library refused for the command
// line, without the library's package prefix.
func baseMessage(err error) string {
	var ve *model.ValueError
	if errors.As(err, &ve) {
		return ve.Text()
	}
	return err.Error()
}

// libMessage returns the message of a library error without the
// package prefix that library errors carry ("export: "), which on the
// command line only repeats what the message says.
func libMessage(err error) string {
	msg := err.Error()
	for _, p := range []string{"export: ", "model: ", "rdf: ", "validate: "} {
		if rest, ok := strings.CutPrefix(msg, p); ok {
			return rest
		}
	}
	return msg
}

// outputInputs checks the flags and paths of a command that writes
// records into the directory out (export, site; what names its output):
// out is set, --base is usable, the paths exist, records from standard
// input get a base, and out itself is left out of the paths. It returns
// the record paths, or false after printing why.
func outputInputs(e *env, out, base, what string, args []string) ([]string, bool) {
	if out == "" {
		e.errorf("-o/--output: the output directory is empty")
		return nil, false
	}
	if !checkBaseFlag(e, base) {
		return nil, false
	}
	paths, stdinUsed, ok := recordPaths(e, args)
	if !ok {
		return nil, false
	}
	if stdinUsed && base == "" && !hasDatasetFile(paths) {
		e.errorf("records from standard input (\"-\") need --base, or a %s among the paths", recordfile.DatasetFile)
		e.hintf("pass --base https://data.example.org/net/, or the record set's %s as a path too", recordfile.DatasetFile)
		return nil, false
	}
	paths, err := leaveOut(paths, out)
	if err != nil {
		e.errorf("-o/--output: %v", err)
		e.hintf("write the %s outside the records, for example -o ../%s", what, what)
		return nil, false
	}
	return paths, true
}

// loaded is what loadValid returns: the dataset, its diagnostics, for
// the writers, which then do not validate again, and its mapping when
// asked for.
type loaded struct {
	ds    *model.Dataset
	diags validate.Diagnostics
	m     *rdf.Mapper
}

// loadValid loads and validates the records at paths for a command that
// writes them (export, site): errors are printed and stop it, the first
// exportWarningLimit warnings are printed unless quiet, and a record set
// without records or without a usable base is refused. It returns what
// was loaded, or the exit status to stop with.
//
// With mapping set, the records' mapping to RDF (rdf.NewMapper, one
// goroutine's work: 2.7 s for 10^6 records) is made while they are
// validated, which leaves a core idle for part of its time.
func loadValid(e *env, paths []string, base string, quiet, mapping bool) (loaded, int) {
	stop := e.startProgress(quiet, "validating "+describePaths(paths)+"…")
	ds, problems := recordfile.LoadFiles(paths, recordfile.Options{Base: base, Stdin: e.stdin})
	var mapped chan *rdf.Mapper
	if mapping {
		mapped = make(chan *rdf.Mapper, 1)
		go func() { mapped <- mapAhead(ds) }()
	}
	diags := validate.Validate(ds, problems)
	stop()
	ld, code := checkLoaded(e, paths, ds, diags, quiet)
	if code == exitOK && mapped != nil {
		ld.m = <-mapped
	}
	return ld, code
}

// mapAhead returns the mapping of ds, or nil when it cannot be made: the
// writers then make it again and report why. Records with errors, which
// validation is looking at meanwhile, are never written, so a mapping
// that panics on them must not stop the command.
func mapAhead(ds *model.Dataset) (m *rdf.Mapper) {
	defer func() {
		if recover() != nil {
			m = nil
		}
	}()
	m, err := rdf.NewMapper(ds)
	if err != nil {
		return nil
	}
	return m
}

// checkLoaded prints the diagnostics of loadValid and refuses what cannot
// be written.
func checkLoaded(e *env, paths []string, ds *model.Dataset, diags validate.Diagnostics, quiet bool) (loaded, int) {
	errs, warns := diags.Counts()
	files := validate.CountFiles(ds, diags)
	switch {
	case errs > 0:
		opts := validate.RenderOptions{Files: files, Color: colorWanted(e.stderr)}
		if err := validate.WriteText(e.stderr, diags, opts); err != nil {
			return loaded{}, exitFailure
		}
	case warns > 0 && !quiet:
		// Warnings do not stop the command: the first few are shown, and
		// validate shows them all.
		opts := validate.RenderOptions{Files: files, Color: colorWanted(e.stderr), Limit: exportWarningLimit}
		if err := validate.WriteText(e.stderr, diags, opts); err != nil {
			return loaded{}, exitFailure
		}
		if warns > exportWarningLimit {
			e.hintf("run \"civicnet validate\" on the same paths to see all %d warnings", warns)
		}
	}
	for _, d := range diags {
		if d.Code == "read-error" {
			e.errorf("nothing written: records could not be read")
			return loaded{}, exitFailure
		}
	}
	if errs > 0 {
		e.errorf("nothing written: the records have errors")
		return loaded{}, exitInvalid
	}
	if ds.Len() == 0 {
		noRecords(e, paths)
		return loaded{}, exitUsage
	}
	if ds.Info.Base == "" {
		e.errorf("no base IRI: the records' IRIs need one")
		e.hintf("set base in %s, or pass --base https://data.example.org/net/", recordfile.DatasetFile)
		return loaded{}, exitUsage
	}
	if err := model.CheckBase(ds.Info.Base); err != nil {
		// A base from civicnet.yaml that validation lets through but the
		// writers cannot use (no host name, too long): an invalid record
		// set, not an I/O failure.
		e.errorf("%s: %s", ds.Info.ValuePos("base"), baseMessage(err))
		e.errorf("nothing written: the base IRI cannot be used")
		e.hintf("write an absolute http(s) IRI ending with /, such as https://data.example.org/net/")
		return loaded{}, exitInvalid
	}
	return loaded{ds: ds, diags: diags}, exitOK
}
