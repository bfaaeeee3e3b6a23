package validate

import (
	"sort"
	"strings"
)

// DocsURL is the page that documents every code, with a bad example, the
// message it gives and how to fix it; [HelpURL] links to one code.
const DocsURL = "https://github.com/civicnet/civicnet/blob/main/docs/diagnostics.md"

// InformationURL is civicnet's home page, for reports that name their
// tool (SARIF's informationUri).
const InformationURL = "https://github.com/civicnet/civicnet"

// CodeInfo describes one diagnostic code.
type CodeInfo struct {
	Code     string
	Severity Severity
	// Description says in a few words what the code reports; SARIF
	// output uses it as the rule's short description.
	Description string
	// RelatedNote says what the related positions of a diagnostic of
	// this code are ("first defined here"); empty when it has none.
	RelatedNote string
}

// codes lists every code Validate reports, decoding problems first, in
// the order of docs/diagnostics.md. A test checks that the two agree and
// that the bad-input corpus produces each of them.
var codes = []CodeInfo{
	// Reading and decoding (from the model package).
	{"read-error", Error, "a file or directory could not be read", ""},
	{"file-too-large", Error, "a record file is larger than the limit", ""},
	{"symlink-skipped", Warning, "a symbolic link to a directory was not followed", ""},
	{"bad-encoding", Error, "a file is not UTF-8", ""},
	{"syntax", Error, "a file is not valid YAML or JSON", ""},
	{"duplicate-key", Error, "a key appears twice in one mapping", "first written here"},
	{"unknown-kind", Error, "a record has a kind civicnet does not know", ""},
	{"unknown-field", Error, "a record has a field its kind does not have", ""},
	{"wrong-type", Error, "a value has the wrong type", ""},
	{"value-too-long", Error, "a value is longer than the limit", ""},
	{"too-many-problems", Error, "a file has more problems than are reported", ""},
	{"duplicate-dataset", Error, "a record set has two civicnet.yaml files", "the first civicnet.yaml"},
	{"bad-date", Error, "a date or interval is malformed or impossible", ""},
	{"reversed-interval", Error, "an interval ends before it starts", ""},
	{"unsupported-date", Error, "a date uses an EDTF feature civicnet does not read", ""},
	{"bad-quantity", Error, "a quantity is not a number or has a bad qualifier", ""},
	// Records.
	{"missing-field", Error, "a required field is missing", ""},
	{"bad-id", Error, "an id is not a lower-case slug", ""},
	{"duplicate-id", Error, "two records have the same id", "first defined here"},
	{"dangling-ref", Error, "a reference names an id no record has", ""},
	{"wrong-ref-kind", Error, "a reference names a record of the wrong kind", "the referenced record"},
	{"unresolved-publisher", Warning, "a publisher looks like an id but no record has it", ""},
	{"bad-value", Error, "a value is not one of those allowed", ""},
	{"bad-language-tag", Error, "a language tag is not well-formed BCP 47", ""},
	{"bad-url", Error, "a URL is not an absolute http(s) IRI", ""},
	{"bad-email", Error, "an e-mail address is malformed", ""},
	{"bad-country", Error, "a country is not an ISO 3166-1 alpha-2 code", ""},
	{"bad-identifier", Error, "an identifier does not have the form of its scheme", ""},
	{"negative-quantity", Error, "a quantity that cannot be negative is", ""},
	{"bad-unit", Error, "a quantity has a unit that does not fit its field", ""},
	{"control-character", Error, "text holds a control character", ""},
	{"pipe-in-item", Error, "an item of a multi-valued field holds |", ""},
	{"self-membership", Error, "a membership makes something a member of itself", ""},
	{"duplicate-membership", Error, "the same membership is written twice", "the other membership"},
	{"duplicate-participation", Error, "the same participation is written twice", "the other participation"},
	{"unit-cycle", Error, "unit_of or sub_organization_of links form a loop", "also in the loop"},
	{"bad-base", Error, "the dataset base is not an absolute http(s) IRI ending with /", ""},
	{"bad-license", Error, "a licence is neither an SPDX id nor a URL", ""},
	{"bad-rule", Error, "a rule or an ignore list names an unknown code, or turns off an error", ""},
	// Warnings.
	{"event-outside-project", Warning, "an event's date is outside its project's period", "the project's period"},
	{"participant-outside-project", Warning, "a project participant's period is outside the project's period", "the project's period"},
	{"overlapping-membership", Warning, "two memberships of one member in one organisation and role overlap in time", "the other membership"},
	{"missing-date", Warning, "an event has no date", ""},
	{"license-restrictive", Warning, "a source's licence is more restrictive than the dataset's", "the dataset's licence"},
	{"personal-email", Warning, "a person has an e-mail address", ""},
	{"alt-name-equals-name", Warning, "an alt name repeats the name", "the name"},
	{"no-sources", Warning, "a record cites no source", ""},
	{"inconsistent-type", Warning, "a type looks like a misspelling of another", ""},
}

var codeIndex = func() map[string]int {
	m := make(map[string]int, len(codes))
	for i, c := range codes {
		m[c.Code] = i
	}
	return m
}()

// Codes returns every diagnostic code, in documentation order.
func Codes() []CodeInfo { return append([]CodeInfo(nil), codes...) }

// LookupCode returns what is known of a code, and whether it is one.
func LookupCode(code string) (CodeInfo, bool) {
	if i, ok := codeIndex[code]; ok {
		return codes[i], true
	}
	return CodeInfo{}, false
}

// RelatedNote returns what the related positions of a diagnostic with
// this code are, for renderers: "first defined here". It falls back to
// "related position".
func RelatedNote(code string) string {
	if c, ok := LookupCode(code); ok && c.RelatedNote != "" {
		return c.RelatedNote
	}
	return "related position"
}

// sortedCodes returns the distinct codes of ds, sorted.
func sortedCodes(ds Diagnostics) []string {
	seen := make(map[string]bool)
	var out []string
	for i := range ds {
		if c := ds[i].Code; !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// HelpURL returns the link to the section of docs/diagnostics.md that
// documents code: DocsURL#no-sources-warning, the anchor GitHub makes of
// the heading "### `no-sources` (warning)". For an unknown code it is
// DocsURL itself.
func HelpURL(code string) string {
	c, ok := LookupCode(code)
	if !ok {
		return DocsURL
	}
	return DocsURL + "#" + HeadingAnchor("`"+c.Code+"` ("+c.Severity.String()+")")
}

// HeadingAnchor returns the anchor GitHub gives a Markdown heading:
// lower case, spaces to hyphens, and nothing but letters, digits,
// hyphens and underscores kept.
func HeadingAnchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}
