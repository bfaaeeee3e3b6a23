package diff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Format names an output of the diff command.
type Format uint8

// The formats. The zero Format is invalid on purpose. FormatSPARQL and
// FormatRDFPatch are written from [Triples], the others from a [Report].
const (
	FormatText Format = iota + 1
	FormatMarkdown
	FormatJSON
	FormatSPARQL
	FormatRDFPatch
)

var formatNames = [...]string{"", "text", "markdown", "json", "sparql", "rdf-patch"}

// String returns the name ParseFormat reads.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return ""
}

// ParseFormat returns the format named s: text, markdown, json, sparql or
// rdf-patch.
func ParseFormat(s string) (Format, error) {
	for i, n := range formatNames {
		if i > 0 && n == s {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("unknown format %q: want text, markdown, json, sparql or rdf-patch", s)
}

// Summary returns the one line that sums a report up: "3 changed, 1
// added (246 → 247 records)", or "no change (246 records)".
func (r *Report) Summary() string {
	t := r.Total()
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{t.Added, "added"}, {t.Removed, "removed"}, {t.Changed, "changed"}, {t.Renamed, "renamed"}} {
		if p.n > 0 {
			parts = append(parts, strconv.Itoa(p.n)+" "+p.what)
		}
	}
	if len(r.Active) > 0 {
		parts = append(parts, plural(len(r.Active), "active membership", "active memberships")+" changed")
	}
	if len(r.Dataset) > 0 {
		parts = append(parts, "dataset description changed")
	}
	counts := strconv.Itoa(r.OldRecords) + " → " + strconv.Itoa(r.NewRecords) + " records"
	if r.OldRecords == r.NewRecords {
		counts = plural(r.NewRecords, "record", "records")
	}
	if len(parts) == 0 {
		return "no change (" + counts + ")"
	}
	return strings.Join(parts, ", ") + " (" + counts + ")"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Sentence says a change in words, as one line: "membership of Regione
// Toscana in Efus: end set to 2019; IRI changes", "organization fisu:
// name changed from … to …; IRI unchanged".
func (c *Change) Sentence() string {
	switch c.Type {
	case Added:
		return c.Label + " added"
	case Removed:
		return c.Label + " removed"
	case Renamed:
		s := c.Kind.String() + " " + c.OldID + " renamed to " + c.ID + ": same content, new id"
		if c.OldIRI != "" {
			s += "; its IRI <" + c.OldIRI + "> breaks"
		} else {
			s += "; its IRI breaks"
		}
		return s
	}
	var parts []string
	named := false
	for _, f := range c.Fields {
		parts = append(parts, f.Text)
		named = named || f.Field == "name"
	}
	switch {
	case c.IRIChanged() && c.Generated:
		parts = append(parts, "IRI changes, as the id is derived from these fields")
	case c.IRIChanged():
		parts = append(parts, "IRI changes")
	case named:
		parts = append(parts, "IRI unchanged")
	}
	return c.Label + ": " + strings.Join(parts, "; ")
}

// Warnings lists what a reviewer should not miss: renamed records,
// whose IRIs break, and a changed base, which changes every IRI.
func (r *Report) Warnings() []string {
	var out []string
	for _, f := range r.Dataset {
		if f.Field == "base" {
			out = append(out, "dataset "+f.Text)
		}
	}
	for i := range r.Changes {
		if c := &r.Changes[i]; c.Type == Renamed {
			out = append(out, c.Sentence()+"; keep the old id, or tell those who link to it")
		}
	}
	return out
}

// Sentence says an active-membership change in words: "… (member): no
// longer active".
func (a ActiveChange) Sentence() string {
	if a.Active {
		return a.Label + ": now active"
	}
	return a.Label + ": no longer active"
}

// TextOptions control WriteText.
type TextOptions struct {
	// Color marks additions green, removals red and changes yellow with
	// ANSI escapes, for a terminal.
	Color bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
)

// marks are the line prefixes of each change type.
var marks = [...]string{"", "+", "-", "~", ">"}

// WriteText writes the report for a terminal: a summary line, then the
// changes of each kind, one a line, then the memberships active today
// and the warnings.
func WriteText(w io.Writer, r *Report, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(color, s string) string {
		if !opts.Color {
			return s
		}
		return color + s + ansiReset
	}
	fmt.Fprintf(bw, "civicnet diff: %s\n", r.Summary())
	if len(r.Dataset) > 0 {
		fmt.Fprintf(bw, "\n%s\n", paint(ansiBold, "dataset (civicnet.yaml)"))
		for _, f := range r.Dataset {
			fmt.Fprintf(bw, "  %s %s\n", paint(ansiYellow, "~"), f.Text)
		}
	}
	for i := range r.Changes {
		c := &r.Changes[i]
		if i == 0 || r.Changes[i-1].Kind != c.Kind {
			fmt.Fprintf(bw, "\n%s\n", paint(ansiBold, c.Kind.String()))
		}
		color := [...]string{"", ansiGreen, ansiRed, ansiYellow, ansiYellow}[c.Type]
		fmt.Fprintf(bw, "  %s %s\n", paint(color, marks[c.Type]), c.Sentence())
	}
	if len(r.Active) > 0 {
		fmt.Fprintf(bw, "\n%s\n", paint(ansiBold, "memberships active on "+r.Today.Format("2006-01-02")))
		for _, a := range r.Active {
			if a.Active {
				fmt.Fprintf(bw, "  %s %s\n", paint(ansiGreen, "+"), a.Sentence())
			} else {
				fmt.Fprintf(bw, "  %s %s\n", paint(ansiRed, "-"), a.Sentence())
			}
		}
	}
	if ws := r.Warnings(); len(ws) > 0 {
		fmt.Fprintln(bw)
		for _, s := range ws {
			fmt.Fprintf(bw, "%s %s\n", paint(ansiYellow, "warning:"), s)
		}
	}
	return bw.Flush()
}

// GitHubCommentLimit is the most characters GitHub takes in a pull
// request comment.
const GitHubCommentLimit = 65536

// MarkdownOptions control WriteMarkdown.
type MarkdownOptions struct {
	// Limit is the most bytes to write; 0 means GitHubCommentLimit. A
	// report that does not fit ends with a note of what was left out.
	// Bytes are counted, which is never fewer than characters.
	Limit int
}

// WriteMarkdown writes the report as GitHub-flavoured Markdown for a
// pull-request comment: a summary table of the changes by kind, the
// warnings, and the changes of each kind in a collapsed <details>
// section. It stays within opts.Limit, leaving out the changes that do
// not fit and saying how many.
func WriteMarkdown(w io.Writer, r *Report, opts MarkdownOptions) error {
	limit := opts.Limit
	if limit <= 0 {
		limit = GitHubCommentLimit
	}
	m := &markdown{limit: limit}
	m.head("### civicnet diff\n\n")
	m.head("**" + mdEscape(r.Summary()) + "**\n")
	if counts := r.Counts(); len(counts) > 0 {
		m.head("\n| kind | added | removed | changed | renamed |\n|:--|--:|--:|--:|--:|\n")
		for _, k := range counts {
			m.head(fmt.Sprintf("| %s | %d | %d | %d | %d |\n", k.Kind, k.Added, k.Removed, k.Changed, k.Renamed))
		}
		t := r.Total()
		m.head(fmt.Sprintf("| **total** | **%d** | **%d** | **%d** | **%d** |\n", t.Added, t.Removed, t.Changed, t.Renamed))
	}
	ws := r.Warnings()
	if len(ws) > 0 {
		m.head("\n> [!WARNING]\n")
	}
	for _, s := range ws {
		m.item("> - " + mdEscape(s) + "\n")
	}
	if len(r.Dataset) > 0 {
		m.section("dataset description (civicnet.yaml)", plural(len(r.Dataset), "field changed", "fields changed"))
		for _, f := range r.Dataset {
			m.item("- " + mdEscape(f.Text) + "\n")
		}
		m.end()
	}
	for _, k := range r.Counts() {
		var parts []string
		for _, p := range []struct {
			n    int
			what string
		}{{k.Added, "added"}, {k.Removed, "removed"}, {k.Changed, "changed"}, {k.Renamed, "renamed"}} {
			if p.n > 0 {
				parts = append(parts, strconv.Itoa(p.n)+" "+p.what)
			}
		}
		m.section(k.Kind.String(), strings.Join(parts, ", "))
		for i := range r.Changes {
			if c := &r.Changes[i]; c.Kind == k.Kind {
				m.item("- " + mdEscape(c.Sentence()) + "\n")
			}
		}
		m.end()
	}
	if len(r.Active) > 0 {
		m.section("memberships active on "+r.Today.Format("2006-01-02"), plural(len(r.Active), "change", "changes"))
		for _, a := range r.Active {
			m.item("- " + mdEscape(a.Sentence()) + "\n")
		}
		m.end()
	}
	if m.dropped > 0 {
		fmt.Fprintf(&m.b, "\n_%s not shown, to keep this comment within %d characters. "+
			"Run `civicnet diff` on the same records for the full report._\n", plural(m.dropped, "more line", "more lines"), limit)
	}
	_, err := io.WriteString(w, m.b.String())
	return err
}

// markdown builds a Markdown report within a byte limit: the head always
// fits (it is short); items and sections are written until the first
// that would bring the report near the limit, and left out from there
// on, so what is shown is a prefix of the whole report. A section whose
// head was written is always closed.
type markdown struct {
	b       strings.Builder
	limit   int
	dropped int  // items left out
	full    bool // the limit was reached
	open    bool // a section's head was written and not yet closed
}

// reserve is room kept for closing a section and the truncation note.
const reserve = 400

func (m *markdown) fits(s string) bool {
	m.full = m.full || m.b.Len()+len(s)+reserve > m.limit
	return !m.full
}

func (m *markdown) head(s string) { m.b.WriteString(s) }

func (m *markdown) section(title, summary string) {
	if s := "\n<details><summary><b>" + mdEscape(title) + "</b>: " + mdEscape(summary) + "</summary>\n\n"; m.fits(s) {
		m.b.WriteString(s)
		m.open = true
	}
}

func (m *markdown) item(s string) {
	if !m.fits(s) {
		m.dropped++
		return
	}
	m.b.WriteString(s)
}

func (m *markdown) end() {
	if m.open {
		m.b.WriteString("\n</details>\n")
		m.open = false
	}
}

// mdEscape keeps text from being read as Markdown or HTML.
var mdEscape = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "|", `\|`, "~", `\~`, "#", `\#`, "&", "&amp;",
).Replace

// JSONVersion is the version of the JSON shape WriteJSON writes; it
// changes only when a field is removed or changes meaning.
const JSONVersion = 1

type jsonReport struct {
	Version  int          `json:"version"`
	Today    string       `json:"today,omitempty"`
	Summary  jsonSummary  `json:"summary"`
	Dataset  []jsonField  `json:"dataset"`
	Changes  []jsonChange `json:"changes"`
	Active   []jsonActive `json:"active_memberships"`
	Warnings []string     `json:"warnings"`
}

type jsonSummary struct {
	OldRecords int          `json:"old_records"`
	NewRecords int          `json:"new_records"`
	Added      int          `json:"added"`
	Removed    int          `json:"removed"`
	Changed    int          `json:"changed"`
	Renamed    int          `json:"renamed"`
	Kinds      []jsonCounts `json:"kinds"`
}

type jsonCounts struct {
	Kind    string `json:"kind"`
	Added   int    `json:"added"`
	Removed int    `json:"removed"`
	Changed int    `json:"changed"`
	Renamed int    `json:"renamed"`
}

type jsonChange struct {
	Change    string      `json:"change"`
	Kind      string      `json:"kind"`
	ID        string      `json:"id"`
	OldID     string      `json:"old_id,omitempty"`
	IRI       string      `json:"iri,omitempty"`
	OldIRI    string      `json:"old_iri,omitempty"`
	Generated bool        `json:"generated_id"`
	Label     string      `json:"label"`
	Text      string      `json:"text"`
	Fields    []jsonField `json:"fields,omitempty"`
}

type jsonField struct {
	Field string `json:"field"`
	Lang  string `json:"lang,omitempty"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
	Text  string `json:"text"`
}

type jsonActive struct {
	Active       bool   `json:"active"`
	Member       string `json:"member"`
	Organization string `json:"organization"`
	Role         string `json:"role"`
	Label        string `json:"label"`
	Text         string `json:"text"`
}

// WriteJSON writes the report as one JSON object of the shape
// docs/diff.md documents, version JSONVersion.
func WriteJSON(w io.Writer, r *Report) error {
	t := r.Total()
	out := jsonReport{
		Version:  JSONVersion,
		Summary:  jsonSummary{OldRecords: r.OldRecords, NewRecords: r.NewRecords, Added: t.Added, Removed: t.Removed, Changed: t.Changed, Renamed: t.Renamed, Kinds: []jsonCounts{}},
		Dataset:  jsonFields(r.Dataset),
		Changes:  []jsonChange{},
		Active:   []jsonActive{},
		Warnings: append([]string{}, r.Warnings()...),
	}
	if !r.Today.IsZero() {
		out.Today = r.Today.Format("2006-01-02")
	}
	for _, k := range r.Counts() {
		out.Summary.Kinds = append(out.Summary.Kinds, jsonCounts{Kind: k.Kind.String(), Added: k.Added, Removed: k.Removed, Changed: k.Changed, Renamed: k.Renamed})
	}
	for i := range r.Changes {
		c := &r.Changes[i]
		out.Changes = append(out.Changes, jsonChange{Change: c.Type.String(), Kind: c.Kind.String(), ID: c.ID, OldID: c.OldID,
			IRI: c.IRI, OldIRI: c.OldIRI, Generated: c.Generated, Label: c.Label, Text: c.Sentence(), Fields: jsonFields(c.Fields)})
	}
	for _, a := range r.Active {
		out.Active = append(out.Active, jsonActive{Active: a.Active, Member: a.Member, Organization: a.Organization,
			Role: a.Role, Label: a.Label, Text: a.Sentence()})
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return err
	}
	return bw.Flush()
}

func jsonFields(fs []FieldChange) []jsonField {
	out := []jsonField{}
	for _, f := range fs {
		out = append(out, jsonField{Field: f.Field, Lang: f.Lang, Old: f.Old, New: f.New, Text: f.Text})
	}
	return out
}
