package model

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The value checks of this file are the one place where civicnet says
// whether a value is valid: the record file decoder reads syntax only
// and leaves the values to them, validate runs them on every record
// however it was built (CheckRecord), and writers may call them to
// refuse a value they cannot write. None allocates for a valid value.

// ErrMissing is wrapped by the errors of a value that lacks a part it
// needs: a quantity without a number, a source with neither title nor
// url, an unset base.
var ErrMissing = errors.New("model: missing value")

// ValueError reports a value that a field cannot hold, other than a date
// (see [DateError]).
type ValueError struct {
	// Name says what the value is: "share", "role", "quantity",
	// "population", "source", "base".
	Name string
	// Value is the value as given, or "" when it is missing.
	Value string
	// Msg says what is wrong, terse: "is neither full nor part".
	Msg string
	// Hint says how to fix it, for a diagnostic's detail; it may be "".
	Hint string
	// Missing is true when a part the value needs is absent; the error
	// then wraps ErrMissing.
	Missing bool
}

func (e *ValueError) Error() string { return "model: " + e.Text() }

// Text is the error without its package prefix:
// `share "half" is neither full nor part`.
func (e *ValueError) Text() string {
	if e.Value == "" {
		return e.Name + " " + e.Msg
	}
	return e.Name + " " + strconv.Quote(quoteLimit(e.Value)) + " " + e.Msg
}

// Unwrap returns ErrMissing for a missing value, else nil.
func (e *ValueError) Unwrap() error {
	if e.Missing {
		return ErrMissing
	}
	return nil
}

// Check reports a Qualifier that is none of the named ones.
func (q Qualifier) Check() error {
	if q > QualifierLessThan {
		return &ValueError{Name: "qualifier", Value: q.String(), Msg: "is not a qualifier",
			Hint: "use one of exact, approximate, at-least, more-than, at-most, less-than"}
	}
	return nil
}

// Check reports what is wrong with q, or nil: a unit, qualifier or date
// without a value (wraps ErrMissing), a value that is not a number
// ("abc", "about 3.6 million") or not in the canonical form ParseDecimal
// returns ("3.6e6", "+5"), an unknown qualifier, an invalid as-of date
// (a *DateError). The zero Quantity is valid: it is absent. Whether a
// negative value or a unit fits the field is the field's rule, checked
// by validate.
func (q Quantity) Check() error {
	if err := q.valueError(); err != nil {
		return err
	}
	return q.AsOf.Check()
}

// valueError checks the parts of q but its date.
func (q Quantity) valueError() error {
	if q.IsZero() {
		return nil
	}
	if q.Value == "" {
		return &ValueError{Name: "quantity", Msg: "has no value", Missing: true,
			Hint: "write the number as value: 3600000"}
	}
	if !isCanonicalDecimal(q.Value) {
		if c, err := ParseDecimal(q.Value); err == nil {
			return &ValueError{Name: "quantity", Value: q.Value, Msg: "is not in canonical form",
				Hint: "write " + c + " (model.ParseDecimal gives the canonical form)"}
		}
		return &ValueError{Name: "quantity", Value: q.Value, Msg: "is not a number",
			Hint: `write digits only, such as 3600000 or 22990.5; put qualifiers like "about" in qualifier`}
	}
	return q.Qualifier.Check()
}

// Check reports a named quantity without a value (wrapping ErrMissing),
// and what Quantity.Check reports.
func (q *NamedQuantity) Check() error {
	if q.Value == "" {
		return &ValueError{Name: "quantity", Msg: "has no value", Missing: true, Hint: "add value: with the number"}
	}
	return q.Quantity.Check()
}

// Check reports a role whose slug is not a slug, or one with a label
// but no slug (as ParseRole gives for text without letters or digits,
// "—"). The zero Role is valid: Dataset.Add makes it the default role.
func (r Role) Check() error {
	switch {
	case r.Slug == "" && r.Label == "":
		return nil
	case r.Slug == "":
		if Slugify(r.Label) == "" {
			return &ValueError{Name: "role", Value: r.Label, Msg: "has no letters or digits",
				Hint: "write the role as words, such as coordinator or Commander, or leave role out for the default"}
		}
		return &ValueError{Name: "role", Value: r.Label, Msg: "has no slug",
			Hint: "make roles with model.ParseRole, which gives the slug and the label"}
	case !IsSlug(r.Slug):
		return &ValueError{Name: "role slug", Value: r.Slug, Msg: "is not a slug",
			Hint: "a role slug is lower-case letters and digits joined by hyphens; model.ParseRole makes one from any text"}
	}
	return nil
}

// Check reports a share other than "", "full" and "part", and what
// Quantity.Check reports of the amount.
func (f *Funding) Check() error {
	if err := f.shareError(); err != nil {
		return err
	}
	return f.Amount.Check()
}

func (f *Funding) shareError() error {
	switch f.Share {
	case "", "full", "part":
		return nil
	}
	return &ValueError{Name: "share", Value: f.Share, Msg: "is neither full nor part",
		Hint: "write share: full when the funder paid everything, share: part otherwise"}
}

// Check reports a source with neither title nor url (wrapping
// ErrMissing) and invalid published or retrieved dates.
func (s *Source) Check() error {
	if err := s.missingError(); err != nil {
		return err
	}
	if err := s.Published.Check(); err != nil {
		return err
	}
	return s.Retrieved.Check()
}

func (s *Source) missingError() error {
	if s.Title == "" && s.URL == "" {
		return &ValueError{Name: "source", Msg: "has neither title nor url", Missing: true,
			Hint: "add title: or url: so a reader can find the source"}
	}
	return nil
}

// Check reports a heritage site without a name (wrapping ErrMissing).
func (h *HeritageSite) Check() error {
	if h.Name.IsZero() {
		return &ValueError{Name: "heritage site", Msg: "has no name", Missing: true, Hint: "add name: as on the UNESCO list"}
	}
	return nil
}

// MaxBaseLen is the longest base CheckBase accepts. JSON-LD processors
// that follow browsers drop IRIs of 2083 characters and more; a base
// this long leaves room for the ids and fragments.
const MaxBaseLen = 1024

// CheckBase reports whether base can prefix a dataset's IRIs (SPEC 2.8):
// an absolute http(s) IRI ending in "/", with a host name (or IP
// address) and no character an IRI cannot hold, at most MaxBaseLen
// bytes long. The error is a *ValueError named "base"; an empty base
// wraps ErrMissing.
func CheckBase(base string) error {
	if msg := baseProblem(base); msg != "" {
		return &ValueError{Name: "base", Value: base, Msg: msg, Missing: base == "",
			Hint: "write an absolute http(s) IRI ending with /, such as https://data.example.org/net/"}
	}
	return nil
}

func baseProblem(base string) string {
	switch {
	case base == "":
		return "is not set"
	case !strings.HasPrefix(base, "http://") && !strings.HasPrefix(base, "https://"):
		return "is not an absolute http(s) IRI"
	case !strings.HasSuffix(base, "/"):
		return "does not end with /"
	case strings.ContainsAny(base, " <>\"{}|\\^`#?"):
		return "holds a character not allowed in an IRI base (space, <>\"{}|\\^` # ?)"
	case strings.ContainsFunc(base, unicode.IsControl):
		return "holds a control character"
	case !utf8.ValidString(base):
		return "is not valid UTF-8"
	case len(base) > MaxBaseLen:
		return fmt.Sprintf("is %d bytes long; the limit is %d", len(base), MaxBaseLen)
	}
	// JSON-LD processors drop every triple whose IRI has no host or a
	// malformed %-escape, so such a base would make dataset.jsonld empty.
	// (Read here rather than by net/url, which allocates.)
	for i := 0; i < len(base); i++ {
		if base[i] == '%' && (i+2 >= len(base) || !isHexDigit(base[i+1]) || !isHexDigit(base[i+2])) {
			return "is not a valid IRI: a % is not followed by two hexadecimal digits"
		}
	}
	rest := base[strings.Index(base, "://")+3:]
	host := rest[:strings.IndexByte(rest, '/')] // base ends with "/"
	switch {
	case host == "":
		return "has no host name"
	case strings.HasPrefix(host, "["):
		end := strings.IndexByte(host, ']')
		if end < 0 || net.ParseIP(host[1:end]) == nil || (end+1 < len(host) && !validPort(host[end+1:])) {
			return fmt.Sprintf("has no valid host name: %q is not one", host)
		}
	case !hostName(host):
		return fmt.Sprintf("has no valid host name: %q is not one", host)
	}
	return ""
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// validPort reports whether s is ":" followed by up to five digits.
func validPort(s string) bool {
	port, ok := strings.CutPrefix(s, ":")
	return ok && port != "" && len(port) <= 5 && strings.Trim(port, "0123456789") == ""
}

// hostName reports whether host (with an optional :port) is an IP
// address or a DNS host name: dot-separated labels of letters, digits
// and hyphens, not starting or ending with a hyphen, the last not all
// digits. Other characters that RFC 3986 allows in a host ("_", "!",
// "'") make no host name, and some JSON-LD processors drop IRIs holding
// them.
func hostName(host string) bool {
	if i := strings.IndexByte(host, ':'); i >= 0 {
		if !validPort(host[i:]) {
			return false
		}
		host = host[:i]
	}
	if strings.Trim(host, "0123456789.") == "" { // (ParseIP allocates when it fails)
		ip := net.ParseIP(host)
		return ip != nil && ip.To4() != nil && ip.String() == host
	}
	last := ""
	for rest := host; ; {
		label, more, found := strings.Cut(rest, ".")
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
		last, rest = label, more
		if !found {
			break
		}
	}
	return strings.Trim(last, "0123456789") != ""
}
