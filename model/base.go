package model

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// BaseError reports a base IRI that cannot prefix the dataset's IRIs.
type BaseError struct {
	Base    string // the base as given; "" when there is none
	Problem string // what is wrong, terse: `must end with "/"`
}

func (e *BaseError) Error() string {
	if e.Base == "" {
		return "model: " + e.Problem
	}
	return fmt.Sprintf("model: base %q %s", e.Base, e.Problem)
}

// CheckBase reports whether base can prefix the dump's IRIs: an absolute
// http(s) IRI ending in "/", with a host name (or IP address) and no
// character an IRI cannot hold, at most MaxBaseLen bytes long. The error
// is a *BaseError.
func CheckBase(base string) error {
	if p := baseProblem(base); p != "" {
		return &BaseError{Base: base, Problem: p}
	}
	return nil
}

func baseProblem(base string) string {
	switch {
	case base == "":
		return "the dataset has no base IRI"
	case !strings.HasPrefix(base, "http://") && !strings.HasPrefix(base, "https://"):
		return "is not an absolute http(s) IRI"
	case !strings.HasSuffix(base, "/"):
		return `must end with "/"`
	case strings.ContainsAny(base, " <>\"{}|\\^`#?"):
		return "holds a character not allowed in an IRI base (space, <>\"{}|\\^` # ?)"
	case strings.ContainsFunc(base, unicode.IsControl):
		return "holds a control character"
	case !utf8.ValidString(base):
		return "is not valid UTF-8"
	}
	// JSON-LD processors drop every triple whose IRI has no host or a
	// malformed %-escape, so such a base would make dataset.jsonld empty.
	u, err := url.Parse(base)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Sprintf("is not a valid IRI: %v", err)
	}
	switch {
	case u.Host == "":
		return "has no host name"
	case !hostName(u.Host):
		return fmt.Sprintf("has no valid host name: %q is not one", u.Host)
	case len(base) > MaxBaseLen:
		return fmt.Sprintf("is %d bytes long; the limit is %d", len(base), MaxBaseLen)
	}
	return ""
}

// MaxBaseLen is the longest base CheckBase accepts. JSON-LD processors
// that follow browsers drop IRIs of 2083 characters and more; a base
// this long leaves room for the ids and fragments.
const MaxBaseLen = 1024

// hostName reports whether host (with an optional :port) is an IP
// address or a DNS host name: dot-separated labels of letters, digits
// and hyphens, not starting or ending with a hyphen, the last not all
// digits. Other characters that RFC 3986 allows in a host ("_", "!",
// "'") make no host name, and some JSON-LD processors drop IRIs holding
// them.
func hostName(host string) bool {
	if strings.HasPrefix(host, "[") {
		return true // net/url has checked the IP literal
	}
	if h, port, ok := strings.Cut(host, ":"); ok {
		if port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" {
			return false
		}
		host = h
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.To4() != nil && ip.String() == host
	}
	last := ""
	for label := range strings.SplitSeq(host, ".") {
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
		last = label
	}
	return strings.Trim(last, "0123456789") != ""
}
