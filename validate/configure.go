package validate

import (
	"cmp"
	"fmt"
	"slices"
	"sort"

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
// codes positioned in the record. Rules and ignore lists that cannot
// apply (unknown codes, errors turned off) are reported as bad-rule
// diagnostics, which are returned to be added.
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
				bad = append(bad, badRule(ds.Info.ValuePos("rules."+r.Code), err.Error(), "write rules: {"+r.Code+": off}, warning or error"))
				continue
			}
			if err := checkLevel(r.Code, level); err != nil {
				bad = append(bad, badRule(pos, err.Error(), "remove it from rules"))
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
			d.Suppressed = exceptions.lookup(d.Code, d.Pos)
		}
	}
	return diags, bad
}

func badRule(pos model.Pos, summary, detail string) Diagnostic {
	return Diagnostic{Severity: Error, Code: "bad-rule", Summary: summary, Detail: detail, Pos: pos}
}

// exceptionIndex finds the record a position is in, to look up its
// ignore list and those of the records it is nested in.
type exceptionIndex struct {
	files map[string]*fileRecords
}

// fileRecords are the records of one file in the order of their
// positions: a record runs from its start to the start of the next
// record that is not nested in it (at its column or left of it).
type fileRecords struct {
	start  []model.Pos
	end    []model.Pos // zero: to the end of the file
	parent []int
	ignore [][]ignoreItem
}

type ignoreItem struct {
	code string
	pos  model.Pos
}

// recordExceptions indexes the records of ds by position when any has an
// ignore list (nil otherwise) and checks the codes listed.
func recordExceptions(ds *model.Dataset) (*exceptionIndex, Diagnostics) {
	if ds == nil {
		return nil, nil
	}
	var bad Diagnostics
	found := false
	for _, r := range ds.Records {
		c := r.Base()
		for i, code := range c.Ignore {
			if err := checkLevel(code, LevelOff); err != nil {
				bad = append(bad, badRule(c.ItemPos("ignore", i), "ignore: "+err.Error(), "remove it from the record's ignore list"))
				continue
			}
			found = true
		}
	}
	if !found {
		return nil, bad
	}
	type rec struct {
		pos    model.Pos
		ignore []ignoreItem
	}
	byFile := map[string][]rec{}
	for _, r := range ds.Records {
		c := r.Base()
		if c.File == "" || c.Line == 0 {
			continue
		}
		var items []ignoreItem
		for i, code := range c.Ignore {
			if checkLevel(code, LevelOff) == nil {
				items = append(items, ignoreItem{code, c.ItemPos("ignore", i)})
			}
		}
		byFile[c.File] = append(byFile[c.File], rec{c.Pos(), items})
	}
	idx := &exceptionIndex{files: map[string]*fileRecords{}}
	for file, recs := range byFile {
		slices.SortStableFunc(recs, func(a, b rec) int { return comparePos(a.pos, b.pos) })
		fr := &fileRecords{}
		var open []int
		for i, r := range recs {
			for len(open) > 0 && recs[open[len(open)-1]].pos.Col >= r.pos.Col {
				fr.end[open[len(open)-1]] = r.pos
				open = open[:len(open)-1]
			}
			parent := -1
			if len(open) > 0 {
				parent = open[len(open)-1]
			}
			fr.start = append(fr.start, r.pos)
			fr.end = append(fr.end, model.Pos{})
			fr.parent = append(fr.parent, parent)
			fr.ignore = append(fr.ignore, r.ignore)
			open = append(open, i)
		}
		idx.files[file] = fr
	}
	return idx, bad
}

// lookup returns the suppression of a diagnostic of code at pos by the
// ignore list of the record it is in, or of a record that record is
// nested in; nil when none lists code.
func (x *exceptionIndex) lookup(code string, pos model.Pos) *Suppression {
	fr := x.files[pos.File]
	if fr == nil || pos.Line == 0 {
		return nil
	}
	i := sort.Search(len(fr.start), func(i int) bool { return comparePos(fr.start[i], pos) > 0 }) - 1
	for ; i >= 0; i = fr.parent[i] {
		if e := fr.end[i]; e.Line != 0 && comparePos(pos, e) >= 0 {
			continue // after this record: try the one it is nested in
		}
		for _, it := range fr.ignore[i] {
			if it.code == code {
				return &Suppression{Kind: "record", Pos: it.pos, Justification: "ignore: [" + code + "] on the record"}
			}
		}
	}
	return nil
}

func comparePos(a, b model.Pos) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}
