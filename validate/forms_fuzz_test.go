package validate

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/knakk/rdf"
)

// The fuzz targets of this file check the value checks against what the
// export does with a value they accept: it must be writable as RDF, or
// records that validate would fail to export.

// FuzzURLProblem: a URL that passes is an IRI that RDF tools accept, and
// a suggestion is never the input itself.
func FuzzURLProblem(f *testing.F) {
	for _, s := range []string{
		"https://efus.eu/", "HTTP://efus.eu/a?b=c#d", "https://it.wikipedia.org/wiki/Città_di_Torino",
		"https://efus.eu/a%20b", "www.efus.eu", "ftp://efus.eu/", "https:///path", "https://efus.eu/a b",
		" https://efus.eu/", "https://efus.eu/<x>", "https://efus.eu/%zz", "https://efus.eu/\u0085x",
		"https://efus.eu/\x01", "https://[::1]:8080/x", "https://user:pw@host/", "https://x.org/\u202e\U0001d518",
		"https://x.org/\xff", "http://a.b/\ufeff", "https://x.org/path?q=\"", "https://x.org:99999/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		problem, suggestion := urlProblem(s)
		if suggestion != "" && suggestion == s {
			t.Fatalf("urlProblem(%q) suggests the input itself", s)
		}
		if problem != "" {
			return
		}
		if _, err := rdf.NewIRI(s); err != nil {
			t.Fatalf("urlProblem(%q) accepts it, but it is no IRI: %v", s, err)
		}
		if _, err := ntriplesObject("<" + s + ">"); err != nil {
			t.Fatalf("urlProblem(%q) accepts it, but N-Triples cannot hold it: %v", s, err)
		}
	})
}

// FuzzLanguageTagProblem: a tag that passes matches the LANGTAG
// production of Turtle and N-Triples and reads back from N-Triples; a
// suggested tag passes.
func FuzzLanguageTagProblem(f *testing.F) {
	for _, s := range []string{
		"it", "en", "pt-BR", "sr-Latn-RS", "zh-Hant-TW", "en_GB", "de-CH-1996", "x-private",
		"en-US-u-co-phonebk", "i-klingon", "EN", "en-", "-en", "en--gb", "123", "e", "", "en gb",
		"tlh", "qaa", "art-lojban", "en-GB-oed", "de-419", "und", "root", "\xff", "😀",
	} {
		f.Add(s)
	}
	langtag := regexp.MustCompile(`^[a-zA-Z]+(-[a-zA-Z0-9]+)*$`)
	f.Fuzz(func(t *testing.T, tag string) {
		problem, suggestion := languageTagProblem(tag)
		if suggestion != "" {
			if p, _ := languageTagProblem(suggestion); p != "" {
				t.Fatalf("languageTagProblem(%q) suggests %q, which %s", tag, suggestion, p)
			}
		}
		if problem != "" {
			return
		}
		if !langtag.MatchString(tag) {
			t.Fatalf("languageTagProblem(%q) accepts it, but RDF's LANGTAG does not", tag)
		}
		lit, err := ntriplesObject(`"x"@` + tag)
		if err != nil {
			t.Fatalf("languageTagProblem(%q) accepts it, but N-Triples cannot hold it: %v", tag, err)
		}
		if l, ok := lit.(rdf.Literal); !ok || !strings.EqualFold(l.Lang(), tag) {
			t.Fatalf("languageTagProblem(%q): N-Triples reads back %v", tag, lit)
		}
	})
}

// FuzzEmailProblem: an address that passes has one @, no space and no
// control character anywhere (it becomes a mailto: IRI in the catalogue),
// and a suggestion is never the input itself.
func FuzzEmailProblem(f *testing.F) {
	for _, s := range []string{
		"info@efus.eu", "first.last+tag@sub.example.org", "città@comune.torino.it", "mailto:info@efus.eu",
		"info(at)efus.eu", "a@b@efus.eu", "@efus.eu", "info@localhost", "info@efus..eu", "in fo@efus.eu",
		"info@efus_eu.org", "a{b}|c@x.org", "\"quoted\"@x.org", "a@\u00e9x.org", "a@x.org\n", "a@-x.org",
		"a\u0085b@x.org", "a@x\u2028.org", "a\xff@x.org",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		problem, suggestion := emailProblem(s)
		if suggestion != "" && suggestion == s {
			t.Fatalf("emailProblem(%q) suggests the input itself", s)
		}
		if problem != "" {
			return
		}
		if strings.Count(s, "@") != 1 {
			t.Fatalf("emailProblem(%q) accepts an address without exactly one @", s)
		}
		if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }); i >= 0 {
			t.Fatalf("emailProblem(%q) accepts an address holding %q", s, []rune(s[i:])[0])
		}
	})
}

// ntriplesObject reads obj as the object of an N-Triples statement with
// knakk/rdf's decoder.
func ntriplesObject(obj string) (rdf.Object, error) {
	line := "<http://x.example/s> <http://x.example/p> " + obj + " .\n"
	tr, err := rdf.NewTripleDecoder(bytes.NewReader([]byte(line)), rdf.NTriples).Decode()
	if err != nil {
		return nil, err
	}
	return tr.Obj, nil
}
