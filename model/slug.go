package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxIDLen is the longest id allowed.
const MaxIDLen = 100

// IsSlug reports whether s is a valid id: lowercase ASCII letters and
// digits in groups joined by single hyphens, at most MaxIDLen long.
func IsSlug(s string) bool {
	if s == "" || len(s) > MaxIDLen || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-':
			if s[i-1] == '-' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Slugify turns text into the slug it most plausibly means: accents
// removed, lower-cased, runs of other characters turned into one hyphen,
// cut to MaxIDLen. It returns "" when nothing is left.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	out := b.String()
	if len(out) > MaxIDLen {
		out = strings.TrimRight(out[:MaxIDLen], "-")
	}
	return out
}

// IDPattern is the form of an id as a regular expression (ECMAScript and
// RE2 alike), for schemas and CSVW metadata: what [IsSlug] accepts,
// generated ids (UUIDs) included.
const IDPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
