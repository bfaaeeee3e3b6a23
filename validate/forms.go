package validate

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/civicnet/civicnet/model"
	"golang.org/x/text/language"
)

// The checks of this file say what is wrong with one value, as a short
// phrase for a summary ("" when the value is fine), and what it could
// have meant. They do not allocate for a valid value.

// urlProblem checks an absolute http(s) IRI (RFC 3987): a scheme http or
// https, a host, and no character an IRI cannot hold (spaces, controls,
// <>"{}|\^`), with every % followed by two hexadecimal digits. It
// returns what is wrong and, where it can guess one, the URL meant.
func urlProblem(s string) (problem, suggestion string) {
	if strings.TrimSpace(s) != s {
		return "has spaces around it", strings.TrimSpace(s)
	}
	rest, ok := cutPrefixFold(s, "https://")
	if !ok {
		rest, ok = cutPrefixFold(s, "http://")
	}
	if !ok {
		if !strings.Contains(s, "://") && !strings.ContainsAny(s, " @") && strings.Contains(s, ".") {
			return "is not an absolute URL", "https://" + s
		}
		return "does not start with http:// or https://", ""
	}
	host := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host = rest[:i]
	}
	if host == "" {
		return "has no host name", ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			return "contains a space", strings.ReplaceAll(s, " ", "%20")
		case c < 0x20 || c == 0x7f:
			return "contains a control character", ""
		case notInIRI[c]:
			return "contains the character " + strconv.QuoteRune(rune(c)), ""
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "has a % not followed by two hexadecimal digits", ""
			}
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "is not valid UTF-8", ""
			}
			if !iriChar(r) {
				return "contains the character " + strconv.QuoteRune(r), ""
			}
			i += size - 1
		}
	}
	return "", ""
}

// notInIRI marks the ASCII characters an IRI cannot hold besides
// controls and space.
var notInIRI = [256]bool{'<': true, '>': true, '"': true, '{': true, '}': true, '|': true, '\\': true, '^': true, '`': true}

// iriChar reports whether a non-ASCII character may appear in an IRI:
// RFC 3987's ucschar and iprivate, less the bidirectional formatting
// characters it forbids and the byte order mark.
func iriChar(r rune) bool {
	switch {
	case r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r == 0xfeff:
		return false
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfdcf, r >= 0xfdf0 && r <= 0xffef:
		return true
	case r >= 0x10000 && r <= 0x10fffd:
		return r&0xfffe != 0xfffe // not U+xFFFE or U+xFFFF
	}
	return false
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// emailProblem checks one e-mail address: local@domain, where the domain
// has at least two labels of letters, digits and hyphens.
func emailProblem(s string) (problem, suggestion string) {
	if t := strings.TrimSpace(s); t != s {
		return "has spaces around it", t
	}
	if rest, ok := cutPrefixFold(s, "mailto:"); ok {
		return "starts with mailto:", rest
	}
	at := strings.IndexByte(s, '@')
	switch {
	case at < 0:
		return "has no @", ""
	case strings.IndexByte(s[at+1:], '@') >= 0:
		return "has more than one @", ""
	case at == 0:
		return "has nothing before the @", ""
	case at > 64:
		return "has more than 64 characters before the @", ""
	}
	if !utf8.ValidString(s) {
		return "is not valid UTF-8", ""
	}
	for _, r := range s[:at] {
		if r <= ' ' || r == 0x7f || r < 0x80 && strings.ContainsRune("()<>[]\\,;:\"", r) || !printable(r) {
			return "contains " + strconv.QuoteRune(r) + " before the @", ""
		}
	}
	domain := s[at+1:]
	if !strings.Contains(domain, ".") {
		return "has no domain name with a dot after the @", ""
	}
	for label := range strings.SplitSeq(domain, ".") {
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' {
			return "has a malformed domain name", ""
		}
		for _, r := range label {
			if r != '-' && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
				r >= 0xa0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))) {
				return "contains " + strconv.QuoteRune(r) + " in the domain name", ""
			}
		}
	}
	return "", ""
}

// printable reports whether r is neither a control, a space nor an
// invisible formatting character.
func printable(r rune) bool {
	return !unicode.IsControl(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r)
}

// countryProblem checks an ISO 3166-1 alpha-2 code and says what was
// probably meant: GR for the EU's EL, GB for UK, the upper-case code, or
// the alpha-2 code of an alpha-3 code or an English country name.
func countryProblem(s string) (problem, detail string) {
	if model.IsCountry(s) {
		return "", ""
	}
	switch s {
	case "EL", "el":
		return "is the EU's code for Greece, not ISO 3166-1", "write GR, the ISO 3166-1 code of Greece"
	case "UK", "uk":
		return "is not assigned in ISO 3166-1", "write GB, the ISO 3166-1 code of the United Kingdom"
	}
	if up := strings.ToUpper(s); model.IsCountry(up) {
		return "is not in upper case", "write " + up
	}
	if a2 := countryAliases()[strings.ToLower(s)]; a2 != "" {
		return "is not an ISO 3166-1 alpha-2 code", "write " + a2 + ", the two-letter code of " + model.CountryName(a2)
	}
	return "is not an ISO 3166-1 alpha-2 code", "write the two-letter code in upper case, such as IT, FR or DE"
}

// countryAliases maps lower-case alpha-3 codes and English names to
// alpha-2 codes, for suggestions.
var countryAliases = sync.OnceValue(func() map[string]string {
	m := make(map[string]string)
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if !model.IsCountry(code) {
				continue
			}
			m[strings.ToLower(model.CountryAlpha3(code))] = code
			m[strings.ToLower(model.CountryName(code))] = code
		}
	}
	return m
})

// identifierProblem checks the form of an identifier of a known scheme:
// wikidata Q123, geonames digits, nuts two letters and up to three
// letters or digits, orcid 0000-0000-0000-000X with its check digit, pic
// nine digits. Other schemes are free. It returns what is wrong and the
// value probably meant.
func identifierProblem(scheme, v string) (problem, suggestion string) {
	switch scheme {
	case "wikidata":
		if len(v) >= 2 && v[0] == 'Q' && v[1] != '0' && isDigits(v[1:]) {
			return "", ""
		}
		if i := strings.LastIndexAny(v, "/:"); i >= 0 {
			if tail := v[i+1:]; len(tail) >= 2 && tail[0] == 'Q' && isDigits(tail[1:]) {
				return "is not of the form Q123", tail
			}
		}
		if isDigits(v) {
			return "is not of the form Q123", "Q" + v
		}
		if len(v) >= 2 && v[0] == 'q' && isDigits(v[1:]) {
			return "is not of the form Q123", "Q" + v[1:]
		}
		return "is not of the form Q123", ""
	case "geonames":
		if isDigits(v) {
			return "", ""
		}
		if i := strings.Index(v, "geonames.org/"); i >= 0 {
			tail := v[i+len("geonames.org/"):]
			if j := strings.IndexByte(tail, '/'); j >= 0 {
				tail = tail[:j]
			}
			if isDigits(tail) {
				return "is not a number", tail
			}
		}
		return "is not a number", ""
	case "nuts":
		if nutsOK(v) {
			return "", ""
		}
		if up := strings.ToUpper(v); nutsOK(up) {
			return "is not two upper-case letters and up to three upper-case letters or digits", up
		}
		return "is not two upper-case letters and up to three upper-case letters or digits", ""
	case "orcid":
		id := v
		if i := strings.Index(v, "orcid.org/"); i >= 0 {
			id = v[i+len("orcid.org/"):]
		}
		if !orcidForm(id) {
			return "is not of the form 0000-0000-0000-000X", ""
		}
		if !orcidChecksum(id) {
			return "has a wrong check digit", ""
		}
		if id != v {
			return "is a URL, not an ORCID iD", id
		}
		return "", ""
	case "pic":
		if len(v) == 9 && isDigits(v) {
			return "", ""
		}
		return "is not nine digits", ""
	}
	return "", ""
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func nutsOK(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		upper := c >= 'A' && c <= 'Z'
		if !upper && (i < 2 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func orcidForm(s string) bool {
	if len(s) != 19 {
		return false
	}
	for i := 0; i < 19; i++ {
		c := s[i]
		switch {
		case i == 4 || i == 9 || i == 14:
			if c != '-' {
				return false
			}
		case i == 18 && c == 'X':
		case c < '0' || c > '9':
			return false
		}
	}
	return true
}

// orcidChecksum checks the ISO 7064 MOD 11-2 check digit of an ORCID iD
// already known to have its form.
func orcidChecksum(s string) bool {
	total := 0
	for i := 0; i < 18; i++ {
		if s[i] == '-' {
			continue
		}
		total = (total + int(s[i]-'0')) * 2
	}
	check := (12 - total%11) % 11
	want := byte('0' + check)
	if check == 10 {
		want = 'X'
	}
	return s[18] == want
}

// languageTagProblem checks a BCP 47 tag: well-formed (RFC 5646 syntax,
// hyphens between subtags) and made of subtags the registry knows, as
// golang.org/x/text/language reads it. It returns what is wrong and the
// tag probably meant.
func languageTagProblem(tag string) (problem, suggestion string) {
	if strings.Contains(tag, "_") {
		fixed := strings.ReplaceAll(tag, "_", "-")
		if p, _ := languageTagProblem(fixed); p == "" {
			return "uses _ between subtags, BCP 47 uses -", fixed
		}
	}
	if tag == "" {
		return "is empty", ""
	}
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return "is not a BCP 47 language tag", ""
		}
	}
	_, err := language.Parse(tag)
	switch err.(type) {
	case nil:
		return "", ""
	case language.ValueError:
		return "has a subtag the language subtag registry does not know", ""
	}
	return "is not a BCP 47 language tag", ""
}

// licenseForm reports whether s looks like an SPDX license id
// (CC-BY-4.0, LicenseRef-x) or is an absolute http(s) URL.
func licenseForm(s string) bool {
	if _, ok := cutPrefixFold(s, "http://"); ok {
		p, _ := urlProblem(s)
		return p == ""
	}
	if _, ok := cutPrefixFold(s, "https://"); ok {
		p, _ := urlProblem(s)
		return p == ""
	}
	letter := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9' || c == '-' || c == '.' || c == '+':
		default:
			return false
		}
	}
	return letter
}

// Licence terms that make reuse more restrictive, as bits.
const (
	termBY = 1 << iota // attribution
	termSA             // share-alike
	termNC             // non-commercial
	termND             // no derivatives
)

var termNames = []string{"attribution (BY)", "share-alike (SA)", "non-commercial (NC)", "no derivatives (ND)"}

// licenseTerms returns the reuse conditions of a Creative Commons or
// Open Data Commons licence, given as an SPDX id or a URL, and whether
// the licence was recognised.
func licenseTerms(s string) (int, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	if rest, ok := strings.CutPrefix(l, "https://"); ok {
		l = rest
	} else if rest, ok := strings.CutPrefix(l, "http://"); ok {
		l = rest
	}
	l = strings.TrimPrefix(l, "www.")
	switch {
	case strings.HasPrefix(l, "creativecommons.org/publicdomain/"), l == "cc0-1.0", l == "cc0",
		l == "pddl-1.0", strings.HasPrefix(l, "opendatacommons.org/licenses/pddl"):
		return 0, true
	case l == "odc-by-1.0", strings.HasPrefix(l, "opendatacommons.org/licenses/by"):
		return termBY, true
	case l == "odbl-1.0", strings.HasPrefix(l, "opendatacommons.org/licenses/odbl"):
		return termBY | termSA, true
	}
	var elems string
	if rest, ok := strings.CutPrefix(l, "creativecommons.org/licenses/"); ok {
		elems, _, _ = strings.Cut(rest, "/")
	} else if rest, ok := strings.CutPrefix(l, "cc-"); ok {
		elems = rest
	} else {
		return 0, false
	}
	terms := 0
	for e := range strings.SplitSeq(elems, "-") {
		switch e {
		case "by":
			terms |= termBY
		case "sa":
			terms |= termSA
		case "nc":
			terms |= termNC
		case "nd":
			terms |= termND
		}
	}
	return terms, terms != 0
}

// controlChar returns the first control character in s other than tab,
// CR and LF (C0, DEL or C1), and whether there is one.
func controlChar(s string) (rune, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7f:
			return rune(c), true
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return rune(s[i+1]), true
		}
	}
	return 0, false
}
