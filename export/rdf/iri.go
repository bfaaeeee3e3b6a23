package rdf

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/civicnet/civicnet/export/internal/rdfsyntax"
)

// normalizeLang checks tag against the language tag production of
// Turtle and N-Triples, [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*, and lower-cases
// it: RDF compares language tags case-insensitively and JSON-LD
// processors lower-case them, so lower case keeps every format the same
// graph.
func normalizeLang(tag string) (string, bool) {
	if tag == "" {
		return "", false
	}
	first, prevDash := true, false
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9':
			if first {
				return "", false
			}
		case c == '-':
			if i == 0 || prevDash {
				return "", false
			}
			first = false
		default:
			return "", false
		}
		prevDash = c == '-'
	}
	if prevDash {
		return "", false
	}
	return strings.ToLower(tag), true
}

// sameAsIRI returns the IRI an identifier of a known scheme stands for,
// or "" when the scheme has none or the value is not of its form.
func sameAsIRI(scheme, v string) string {
	switch scheme {
	case "wikidata":
		if len(v) > 1 && v[0] == 'Q' && v[1] != '0' && allDigits(v[1:]) {
			return "http://www.wikidata.org/entity/" + v
		}
	case "geonames":
		if v != "" && v[0] != '0' && allDigits(v) {
			return "https://sws.geonames.org/" + v + "/"
		}
	case "nuts":
		if len(v) >= 2 && len(v) <= 5 && isUpper(v[0]) && isUpper(v[1]) && allUpperOrDigits(v[2:]) {
			return "http://data.europa.eu/nuts/code/" + v
		}
	case "orcid":
		if len(v) == 19 && v[4] == '-' && v[9] == '-' && v[14] == '-' &&
			allDigits(v[0:4]+v[5:9]+v[10:14]+v[15:18]) && (isDigit(v[18]) || v[18] == 'X') {
			return "https://orcid.org/" + v
		}
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func allUpperOrDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && !isUpper(s[i]) {
			return false
		}
	}
	return true
}

// licenseObject returns the IRI of a licence: an SPDX id becomes its
// SPDX licence IRI, a URL stays itself.
func licenseObject(l string) obj {
	if strings.Contains(l, ":") {
		return urlObject(l)
	}
	return obj{kind: ObjectIRI, pre: "http://spdx.org/licenses/", s: l, esc: true}
}

// urlObject returns an http(s) URL as an IRI, with the characters an IRI
// cannot hold percent-encoded. Anything else, such as a URL without a
// host (validation rejects them), is kept as an xsd:anyURI literal rather
// than made into an IRI that RDF tools would refuse.
func urlObject(u string) obj {
	if isPlainHTTPURL(u) {
		return iriObj(u)
	}
	escaped := escapeIRI(u)
	p, err := url.Parse(escaped)
	if err != nil || !strings.EqualFold(p.Scheme, "http") && !strings.EqualFold(p.Scheme, "https") || p.Host == "" {
		return literal(validUTF8(u), XSD.AnyURI)
	}
	if rdfsyntax.CheckIRI(escaped) != nil {
		return literal(validUTF8(u), XSD.AnyURI)
	}
	return iriObj(escaped)
}

// isPlainHTTPURL reports, without parsing, whether u is an http(s) URL
// of the most common form, which needs no escape and that url.Parse
// accepts: the scheme, "://", a host name of letters, digits, '.' and
// '-', then nothing or a '/' and printable ASCII an IRI may hold.
func isPlainHTTPURL(u string) bool {
	var rest string
	switch {
	case strings.HasPrefix(u, "https://"):
		rest = u[len("https://"):]
	case strings.HasPrefix(u, "http://"):
		rest = u[len("http://"):]
	default:
		return false
	}
	i := 0
	for i < len(rest) && (rest[i] >= 'a' && rest[i] <= 'z' || rest[i] >= 'A' && rest[i] <= 'Z' ||
		rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.' || rest[i] == '-') {
		i++
	}
	if i == 0 || i < len(rest) && rest[i] != '/' {
		return false
	}
	for ; i < len(rest); i++ {
		if c := rest[i]; c >= 0x7f || !iriByteOK(c) || c == '%' {
			return false
		}
	}
	return true
}

// escapeIRI percent-encodes what may not appear in an IRI (RFC 3987):
// spaces, controls, <>"{}|\^`, a % that starts no escape, bytes of
// invalid UTF-8 and code points outside ucschar.
func escapeIRI(s string) string {
	if !needsIRIEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if iriByteOK(c) && (c != '%' || (i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]))) {
				b.WriteByte(c)
			} else {
				pctEncode(&b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !isUCSChar(r) {
			for k := 0; k < size; k++ {
				pctEncode(&b, s[i+k])
			}
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsIRIEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !iriByteOK(c) || c == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !isUCSChar(r) {
			return true
		}
		i += size
	}
	return false
}

// iriByteOK reports whether an ASCII byte may appear as itself in an
// IRI.
func iriByteOK(c byte) bool {
	if c <= ' ' || c == 0x7f {
		return false
	}
	switch c {
	case '<', '>', '"', '{', '}', '|', '\\', '^', '`':
		return false
	}
	return true
}

// isUCSChar reports whether r is a ucschar of RFC 3987 (the non-ASCII
// characters allowed unescaped in the path of an IRI).
func isUCSChar(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFEF:
		return true
	case r >= 0x10000 && r <= 0xEFFFD:
		return r&0xFFFF <= 0xFFFD
	}
	return false
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

const upperHex = "0123456789ABCDEF"

func pctEncode(b *strings.Builder, c byte) {
	b.WriteByte('%')
	b.WriteByte(upperHex[c>>4])
	b.WriteByte(upperHex[c&15])
}

// escapeSegment percent-encodes every byte of s but ASCII letters,
// digits and "-._~" (RFC 3986 unreserved), as RFC 6570 simple expansion
// does; a slug comes back unchanged, without allocating. Every character
// of the result sorts after '#', which keeps a record's hash nodes right
// behind it in subject order.
func escapeSegment(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if unreserved(s[i]) {
			b.WriteByte(s[i])
		} else {
			pctEncode(&b, s[i])
		}
	}
	return b.String()
}

func unreserved(c byte) bool { return unreservedBytes[c] }

// appendEscapedSegment appends escapeSegment(s) without making a string;
// runs of unreserved bytes (all of a valid id) are copied at once.
func appendEscapedSegment(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; !unreservedBytes[c] {
			b = append(b, s[start:i]...)
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
			start = i + 1
		}
	}
	return append(b, s[start:]...)
}

var unreservedBytes = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
	}
	return t
}()

// shortHash is a short, stable digest of s for fragments and slugs that
// must come from content.
func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:4])
}

// sortTriples sorts triples and drops duplicates.
