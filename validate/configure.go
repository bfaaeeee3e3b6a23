package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// Level is what a project makes of a diagnostic code: turn it off, keep
// it a warning, or make it an error.
type Level uint8

// The levels. The zero Level is invalid on purpose.
const (
	LevelOff Level = iota + 1
	LevelWarning
	LevelError
)

var levelNames = [...]string{"", "off", "warning", "error"}

// String returns "off", "warning" or "error".
func (l Level) String() string {
	if l > 0 && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", uint8(l))
}

// ParseLevel returns the level named s: off, warning or error.
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if i > 0 && n == s {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown level %q: use off, warning or error", s)
}

// Override sets the level of a code from outside the record set: the
// command line's --ignore CODE and --error CODE. Overrides apply after
// the rules of civicnet.yaml, later ones winning.
type Override struct {
	Code  string
	Level Level
	// Source says where it was set, for the report: "--ignore".
	Source string
}

// CheckOverride reports whether o can be applied: its code exists and,
// as only warnings may be turned off, off applies to a warning. The
// error says what is wrong, with a did-you-mean for a mistyped code.
func CheckOverride(o Override) error {
	return checkLevel(o.Code, o.Level)
}

func checkLevel(code string, level Level) error {
	info, ok := LookupCode(code)
	if !ok {
		names := make([]string, len(codes))
		for i, c := range codes {
			names[i] = c.Code
		}
		msg := fmt.Sprintf("unknown diagnostic code %q", code)
		if s := model.Suggest(code, names); s != "" {
			return fmt.Errorf("%s; did you mean %q?", msg, s)
		}
		return fmt.Errorf("%s; docs/diagnostics.md lists the codes", msg)
	}
	if info.Severity == Error && level != LevelError {
		return fmt.Errorf("%s is an error and stays one: records with it cannot be exported; fix the records instead", code)
	}
	return nil
}

// Suppression says why a diagnostic is not counted: a rule turned its
// code off, or its record is an accepted exception.
type Suppression struct {
	// Kind is "rules" (the rules of civicnet.yaml), "flag" (--ignore on
	// the command line) or "record" (the record's ignore list).
	Kind string
	// Justification says it in words: `rules: {no-sources: off} in
	// civicnet.yaml`.
	Justification string
	// Pos is where the rule or the record's ignore item is written;
	// zero for a flag.
	Pos model.Pos
}

// configure applies the rules of ds.Info, then overrides, then the
// ignore lists of the records to diags, which it changes in place: the
// level of a code sets the severity of its diagnostics or, off,
// suppresses them; a record's ignore suppresses the diagnostics of its
// codes that name the record (see [exceptionIndex]). Rules and ignore
// lists that cannot apply (unknown codes, errors turned off) are
// reported as bad-rule diagnostics, which are returned to be added.
func configure(diags Diagnostics, ds *model.Dataset, overrides []Override) (Diagnostics, Diagnostics) {
	type setting struct {
		level Level
		supp  Suppression
	}
	settings := map[string]setting{}
	var bad Diagnostics
	if ds != nil {
		for _, r := range ds.Info.Rules {
			pos := ds.Info.KeyPos("rules." + r.Code)
			level, err := ParseLevel(r.Level)
			if err != nil {
				bad = append(bad, badDatasetRule(ds.Info.ValuePos("rules."+r.Code), r.Code, err.Error(), "write rules: {"+r.Code+": off}, warning or error"))
				continue
			}
			if err := checkLevel(r.Code, level); err != nil {
				bad = append(bad, badDatasetRule(pos, r.Code, err.Error(), "remove it from rules"))
				continue
			}
			settings[r.Code] = setting{level, Suppression{Kind: "rules", Pos: pos,
				Justification: "rules: {" + r.Code + ": " + r.Level + "} in " + model.DatasetFile}}
		}
	}
	for _, o := range overrides {
		settings[o.Code] = setting{o.Level, Suppression{Kind: "flag", Justification: o.Source + " " + o.Code}}
	}
	exceptions, moreBad := recordExceptions(ds)
	bad = append(bad, moreBad...)
	for i := range diags {
		d := &diags[i]
		if s, ok := settings[d.Code]; ok {
			switch s.level {
			case LevelOff:
				supp := s.supp
				d.Suppressed = &supp
			case LevelWarning:
				d.Severity = Warning
			case LevelError:
				d.Severity = Error
			}
		}
		if d.Suppressed == nil && exceptions != nil {
			d.Suppressed = exceptions.lookup(d)
		}
	}
	return diags, bad
}

func badRule(pos model.Pos, summary, detail string) Diagnostic {
	return Diagnostic{Severity: Error, Code: "bad-rule", Summary: summary, Detail: detail, Pos: pos}
}

// badDatasetRule is a bad-rule diagnostic about the rule of code in the
// dataset description.
func badDatasetRule(pos model.Pos, code, summary, detail string) Diagnostic {
	d := badRule(pos, summary, detail)
	d.Record, d.Field = RecordName{Kind: "dataset"}, "rules."+code
	return d
}

// badRecordRule is a bad-rule diagnostic about item i of the ignore list
// of record r, ds.Records[seq-1], named as the rules name r.
func badRecordRule(r model.Record, seq, i int, summary, detail string) Diagnostic {
	d := badRule(r.Base().ItemPos("ignore", i), summary, detail)
	d.Record, d.Field = recordName(r, "ignore["+strconv.Itoa(i)+"]")
	d.seq = seq
	return d
}

// exceptionIndex finds the ignore lists that cover a diagnostic from the
// record it names ([Diagnostic.Record], kind and id) and the key path in
// it ([Diagnostic.Field]), so that it works alike for records read from
// files and records built in code: the list of the record named, the
// lists of the records it was written in (Dataset.Add moved it out of
// them), and the list of a record written inside it whose key path
// ("memberships[2]") holds the field.
type exceptionIndex struct {
	// named holds by kind and id the records that have an ignore list,
	// are nested in one that has, or hold a nested record that has;
	// several when records share a kind and id.
	named map[RecordName][]model.Record
	// nested holds, by the record they were written in, the records
	// that have an ignore list and that Dataset.Add moved out of it.
	nested map[model.Record][]nestedRecord
}

type nestedRecord struct {
	path string // the key path of rec in its owner: "memberships[2]"
	rec  model.Record
}

// recordExceptions indexes the records of ds whose ignore lists can apply
// (nil when no record has an ignore list) and checks the codes listed.
func recordExceptions(ds *model.Dataset) (*exceptionIndex, Diagnostics) {
	if ds == nil {
		return nil, nil
	}
	var bad Diagnostics
	found := false
	for n, r := range ds.Records {
		c := r.Base()
		for i, code := range c.Ignore {
			if err := checkLevel(code, LevelOff); err != nil {
				bad = append(bad, badRecordRule(r, n+1, i, "ignore: "+err.Error(), "remove it from the record's ignore list"))
				continue
			}
			found = true
		}
	}
	if !found {
		return nil, bad
	}
	idx := &exceptionIndex{named: map[RecordName][]model.Record{}, nested: map[model.Record][]nestedRecord{}}
	indexed := map[model.Record]bool{}
	name := func(r model.Record) {
		if !indexed[r] {
			indexed[r] = true
			n := RecordName{Kind: r.Kind().String(), ID: r.Base().ID}
			idx.named[n] = append(idx.named[n], r)
		}
	}
	for _, r := range ds.Records {
		for c := r; c != nil; c, _ = c.Base().Owner() {
			if len(c.Base().Ignore) > 0 {
				name(r) // its diagnostics, or those of records nested in it
				break
			}
		}
		if len(r.Base().Ignore) == 0 {
			continue
		}
		if owner, path := r.Base().Owner(); owner != nil {
			// Its diagnostics name its owner, with path in their field.
			name(owner)
			idx.nested[owner] = append(idx.nested[owner], nestedRecord{path, r})
		}
	}
	return idx, bad
}

// lookup returns the suppression of d by an ignore list that covers it
// (see [exceptionIndex]); nil when none lists d's code. When records
// share d's kind and id (a duplicate-id error), the lists of each apply.
func (x *exceptionIndex) lookup(d *Diagnostic) *Suppression {
	if d.Record.IsZero() {
		return nil // no record: a file that cannot be read, a flag
	}
	for _, r := range x.named[d.Record] {
		for _, n := range x.nested[r] {
			if within(d.Field, n.path) {
				if s := ignores(n.rec, d.Code); s != nil {
					return s
				}
			}
		}
		for c := r; c != nil; c, _ = c.Base().Owner() {
			if s := ignores(c, d.Code); s != nil {
				return s
			}
		}
	}
	return nil
}

// within reports whether the key path field is path or inside it.
func within(field, path string) bool {
	if !strings.HasPrefix(field, path) {
		return false
	}
	return len(field) == len(path) || field[len(path)] == '.' || field[len(path)] == '['
}

// ignores returns the suppression of a diagnostic of code by the ignore
// list of r, or nil when the list does not name code or cannot apply to
// it (an error: reported as bad-rule).
func ignores(r model.Record, code string) *Suppression {
	c := r.Base()
	for i, it := range c.Ignore {
		if it == code && checkLevel(code, LevelOff) == nil {
			rn, field := recordName(r, "")
			on := rn.String()
			if field != "" {
				on += ": " + field
			}
			return &Suppression{Kind: "record", Pos: c.ItemPos("ignore", i),
				Justification: "ignore: [" + code + "] on " + on}
		}
	}
	return nil
}
