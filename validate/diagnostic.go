package validate

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/civicnet/civicnet/model"
)

// Severity says how bad a diagnostic is. The zero Severity is invalid on
// purpose, so that a Diagnostic built without one stands out.
type Severity uint8

// The severities.
const (
	// Error: the records are wrong; export refuses them.
	Error Severity = iota + 1
	// Warning: the records are usable but probably not what was meant,
	// or something a publisher should know (--strict makes it fail).
	Warning
)

// String returns "error" or "warning" (or "invalid" for the zero value).
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "invalid"
}

// Diagnostic is one problem found in a record set.
type Diagnostic struct {
	Severity Severity
	// Code is a stable kebab-case name for the rule ("dangling-ref"),
	// listed with an example in docs/diagnostics.md.
	Code string
	// Summary is one terse line saying what is wrong.
	Summary string
	// Detail says how to fix it, with a did-you-mean where a name was
	// mistyped; it may be empty.
	Detail string
	// Pos points at the offending key or value.
	Pos model.Pos
	// Related are other positions that explain the problem: the first of
	// two duplicates, the record a reference points to. [RelatedNote]
	// says what they are for each code.
	Related []model.Pos
	// Suppressed, when set, says why the diagnostic does not count: the
	// project's rules turned its code off, or its record is an accepted
	// exception. Counts, HasErrors and the summary leave it out; the
	// text, github, markdown and gitlab formats do not show it; json
	// and sarif carry it with its suppression.
	Suppressed *Suppression
	// Record names the record the problem is in (for a membership or
	// place written inside another record, that record); it is zero
	// for a problem in no record, such as a file that cannot be read.
	Record RecordName
	// Field is the key path of the offending value in Record:
	// "during", "funding[1].share", "memberships[2].during"; "" when the
	// problem is the record as a whole.
	Field string

	seq int // 1 + the index of the record in the dataset, for Sort
}

// Where returns where the diagnostic points, as the text format prints
// it: the position "file:line:col" when the record was read from a
// file, else the record and key path, "organization efus:
// memberships[2].during" (or "-" when neither is known).
func (d Diagnostic) Where() string {
	if d.Pos.IsValid() || d.Record.IsZero() {
		return d.Pos.String()
	}
	if d.Field == "" {
		return d.Record.String()
	}
	return d.Record.String() + ": " + d.Field
}

// String formats the diagnostic as the first line of the text format:
// "file:line:col: error[code]: summary", or for a record built in code
// "organization efus: memberships[2].during: error[code]: summary".
func (d Diagnostic) String() string {
	return d.Where() + ": " + d.Severity.String() + "[" + d.Code + "]: " + d.Summary
}

// Diagnostics is a list of diagnostics, usually sorted with Sort.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic that is not suppressed is an
// error.
func (ds Diagnostics) HasErrors() bool {
	for i := range ds {
		if ds[i].Severity == Error && ds[i].Suppressed == nil {
			return true
		}
	}
	return false
}

// Counts returns how many diagnostics that are not suppressed are errors
// and how many warnings.
func (ds Diagnostics) Counts() (errors, warnings int) {
	for i := range ds {
		if ds[i].Suppressed != nil {
			continue
		}
		switch ds[i].Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders the diagnostics by file, line, column and code; ties keep
// the order in which they were found. Diagnostics without a position
// (of records built in code) come first, in the order of their records
// in the dataset, then by key path and code.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		av, bv := a.Pos.IsValid(), b.Pos.IsValid()
		switch {
		case !av && !bv:
			return cmp.Or(cmp.Compare(a.seq, b.seq), cmp.Compare(a.Field, b.Field), cmp.Compare(a.Code, b.Code))
		case av != bv:
			if av {
				return 1
			}
			return -1
		}
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Code, b.Code),
		)
	})
}

// Err returns ds as an error, or nil when ds is empty, so that a caller
// never meets a non-nil error holding no diagnostics.
func (ds Diagnostics) Err() error {
	if len(ds) == 0 {
		return nil
	}
	return ds
}

// Error implements error: the first diagnostic, and how many follow.
func (ds Diagnostics) Error() string {
	switch len(ds) {
	case 0:
		return "no problems"
	case 1:
		return ds[0].String()
	}
	return ds[0].String() + " (and " + strconv.Itoa(len(ds)-1) + " more)"
}

// Summary counts what a run found: every output format ends with it or
// carries it.
type Summary struct {
	Errors, Warnings int
	// Files is the number of files checked.
	Files int
	// Suppressed counts the diagnostics that rules or records' ignore
	// lists suppressed; they are not among the errors and warnings.
	Suppressed int
	// Records is the number of records checked, when it is known.
	Records int
}

// Summarize counts the errors and warnings of ds; files is the number of
// files checked (see [CountFiles]).
func (ds Diagnostics) Summarize(files int) Summary {
	e, w := ds.Counts()
	s := Summary{Errors: e, Warnings: w, Files: files}
	for i := range ds {
		if ds[i].Suppressed != nil {
			s.Suppressed++
		}
	}
	return s
}

func (ds Diagnostics) summarize(opts RenderOptions) Summary {
	s := ds.Summarize(opts.Files)
	s.Records = opts.Records
	return s
}

// String returns "2 errors, 1 warning in 3 files", or when no file was
// checked but records were (records built in code), "… in 12 records";
// followed by "(25 suppressed)" when rules suppressed some.
func (s Summary) String() string {
	in := plural(s.Files, "file")
	if s.Files == 0 && s.Records > 0 {
		in = plural(s.Records, "record")
	}
	out := plural(s.Errors, "error") + ", " + plural(s.Warnings, "warning") + " in " + in
	if s.Suppressed > 0 {
		out += " (" + strconv.Itoa(s.Suppressed) + " suppressed)"
	}
	return out
}

// Shown returns the diagnostics that are not suppressed: what the text,
// github, markdown and gitlab formats show. It returns ds itself when
// none is.
func (ds Diagnostics) Shown() Diagnostics {
	n := 0
	for i := range ds {
		if ds[i].Suppressed == nil {
			n++
		}
	}
	if n == len(ds) {
		return ds
	}
	out := make(Diagnostics, 0, n)
	for i := range ds {
		if ds[i].Suppressed == nil {
			out = append(out, ds[i])
		}
	}
	return out
}

func plural(n int, word string) string {
	s := strconv.Itoa(n) + " " + word
	if n != 1 {
		s += "s"
	}
	return s
}

// CountFiles returns how many distinct files ds and diags come from: the
// files checked, including those that held no record because they could
// not be read or parsed.
func CountFiles(ds *model.Dataset, diags Diagnostics) int {
	seen := make(map[string]struct{})
	last := ""
	add := func(f string) {
		// Records of one file are adjacent; skip the map for runs.
		if f == "" || f == last {
			return
		}
		last = f
		seen[f] = struct{}{}
	}
	if ds != nil {
		add(ds.Info.File)
		for _, r := range ds.Records {
			add(r.Base().File)
		}
	}
	for i := range diags {
		add(diags[i].Pos.File)
	}
	return len(seen)
}
