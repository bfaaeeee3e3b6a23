package validate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestURLProblem(t *testing.T) {
	tests := []struct {
		in, problem, suggestion string
	}{
		{"https://efus.eu/", "", ""},
		{"HTTP://efus.eu/a?b=c#d", "", ""},
		{"https://it.wikipedia.org/wiki/Città_di_Torino", "", ""},
		{"https://efus.eu/a%20b", "", ""},
		{"www.efus.eu", "is not an absolute URL", "https://www.efus.eu"},
		{"ftp://efus.eu/", "does not start with http:// or https://", ""},
		{"https:///path", "has no host name", ""},
		{"https://efus.eu/a b", "contains a space", "https://efus.eu/a%20b"},
		{" https://efus.eu/", "has spaces around it", "https://efus.eu/"},
		{"https://efus.eu/<x>", "contains the character '<'", ""},
		{"https://efus.eu/%zz", "has a % not followed by two hexadecimal digits", ""},
		{"https://efus.eu/\u0085x", "contains the character '\\u0085'", ""},
		{"https://efus.eu/\x01", "contains a control character", ""},
		{"https://efus.eu/\xff", "is not valid UTF-8", ""},
		{"https://efus.eu/\u202eevil", "contains the character '\\u202e'", ""},
		{"https://efus.eu/\U0001fffe", "contains the character '\\U0001fffe'", ""},
		{"https://efus.eu/\U0001d518", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, s := urlProblem(tc.in)
			assert.Equal(t, tc.problem, p, "urlProblem(%q) problem", tc.in)
			assert.Equal(t, tc.suggestion, s, "urlProblem(%q) suggestion", tc.in)
		})
	}
}

func TestEmailProblem(t *testing.T) {
	tests := []struct {
		in, problem, suggestion string
	}{
		{"info@efus.eu", "", ""},
		{"first.last+tag@sub.example.org", "", ""},
		{"città@comune.torino.it", "", ""},
		{"mailto:info@efus.eu", "starts with mailto:", "info@efus.eu"},
		{"info(at)efus.eu", "has no @", ""},
		{"a@b@efus.eu", "has more than one @", ""},
		{"@efus.eu", "has nothing before the @", ""},
		{"info@localhost", "has no domain name with a dot after the @", ""},
		{"info@efus..eu", "has a malformed domain name", ""},
		{"in fo@efus.eu", "contains ' ' before the @", ""},
		{"info@efus_eu.org", "contains '_' in the domain name", ""},
		{"a\u0085b@x.org", "contains '\\u0085' before the @", ""},
		{"a\u200bb@x.org", "contains '\\u200b' before the @", ""},
		{"a@x\u2028.org", "contains '\\u2028' in the domain name", ""},
		{"a\xff@x.org", "is not valid UTF-8", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, s := emailProblem(tc.in)
			assert.Equal(t, tc.problem, p, "emailProblem(%q) problem", tc.in)
			assert.Equal(t, tc.suggestion, s, "emailProblem(%q) suggestion", tc.in)
		})
	}
}

func TestIdentifierProblem(t *testing.T) {
	tests := []struct {
		scheme, in, problem, suggestion string
	}{
		{"wikidata", "Q1273", "", ""},
		{"wikidata", "Q01273", "is not of the form Q123", ""},
		{"wikidata", "1273", "is not of the form Q123", "Q1273"},
		{"wikidata", "q1273", "is not of the form Q123", "Q1273"},
		{"wikidata", "https://www.wikidata.org/wiki/Q1273", "is not of the form Q123", "Q1273"},
		{"geonames", "3165361", "", ""},
		{"geonames", "https://www.geonames.org/3165361/florence.html", "is not a number", "3165361"},
		{"nuts", "ITI1", "", ""},
		{"nuts", "IT", "", ""},
		{"nuts", "iti14", "is not two upper-case letters and up to three upper-case letters or digits", "ITI14"},
		{"nuts", "ITI145", "is not two upper-case letters and up to three upper-case letters or digits", ""},
		{"orcid", "0000-0002-1825-0097", "", ""},
		{"orcid", "0000-0002-1694-233X", "", ""},
		{"orcid", "0000-0002-1825-0098", "has a wrong check digit", ""},
		{"orcid", "https://orcid.org/0000-0002-1825-0097", "is a URL, not an ORCID iD", "0000-0002-1825-0097"},
		{"orcid", "0000000218250097", "is not of the form 0000-0000-0000-000X", ""},
		{"pic", "999999999", "", ""},
		{"pic", "99999", "is not nine digits", ""},
		{"isni", "anything at all", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.scheme+"/"+tc.in, func(t *testing.T) {
			p, s := identifierProblem(tc.scheme, tc.in)
			assert.Equal(t, tc.problem, p, "identifierProblem(%q, %q) problem", tc.scheme, tc.in)
			assert.Equal(t, tc.suggestion, s, "identifierProblem(%q, %q) suggestion", tc.scheme, tc.in)
		})
	}
}

func TestLanguageTagProblem(t *testing.T) {
	tests := []struct {
		in, problem, suggestion string
	}{
		{"en", "", ""},
		{"pt-BR", "", ""},
		{"sr-Latn-RS", "", ""},
		{"EN", "", ""},
		{"it-x-dialect", "", ""},
		{"en_GB", "uses _ between subtags, BCP 47 uses -", "en-GB"},
		{"english", "is not a BCP 47 language tag", ""},
		{"zz", "has a subtag the language subtag registry does not know", ""},
		{"en-", "is not a BCP 47 language tag", ""},
		{"fr FR", "is not a BCP 47 language tag", ""},
		{"", "is empty", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, s := languageTagProblem(tc.in)
			assert.Equal(t, tc.problem, p, "languageTagProblem(%q) problem", tc.in)
			assert.Equal(t, tc.suggestion, s, "languageTagProblem(%q) suggestion", tc.in)
		})
	}
}

func TestCountryProblem(t *testing.T) {
	tests := []struct{ in, problem, detail string }{
		{"IT", "", ""},
		{"EL", "is the EU's code for Greece, not ISO 3166-1", "write GR, the ISO 3166-1 code of Greece"},
		{"UK", "is not assigned in ISO 3166-1", "write GB, the ISO 3166-1 code of the United Kingdom"},
		{"fr", "is not in upper case", "write FR"},
		{"DEU", "is not an ISO 3166-1 alpha-2 code", "write DE, the two-letter code of Germany"},
		{"Belgium", "is not an ISO 3166-1 alpha-2 code", "write BE, the two-letter code of Belgium"},
		{"XX", "is not an ISO 3166-1 alpha-2 code", "write the two-letter code in upper case, such as IT, FR or DE"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, d := countryProblem(tc.in)
			assert.Equal(t, tc.problem, p, "countryProblem(%q) problem", tc.in)
			assert.Equal(t, tc.detail, d, "countryProblem(%q) detail", tc.in)
		})
	}
}

func TestLicenses(t *testing.T) {
	tests := []struct {
		in    string
		form  bool
		terms int
		known bool
	}{
		{"CC-BY-4.0", true, termBY, true},
		{"CC-BY-NC-SA-3.0", true, termBY | termNC | termSA, true},
		{"CC0-1.0", true, 0, true},
		{"https://creativecommons.org/licenses/by-nd/4.0/", true, termBY | termND, true},
		{"http://creativecommons.org/publicdomain/zero/1.0/", true, 0, true},
		{"ODbL-1.0", true, termBY | termSA, true},
		{"MIT", true, 0, false},
		{"LicenseRef-all-rights-reserved", true, 0, false},
		{"CC BY 4.0", false, 0, false},
		{"Copyright 2011 Regione Toscana", false, 0, false},
		{"4.0", false, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.form, licenseForm(tc.in), "licenseForm(%q)", tc.in)
			terms, known := licenseTerms(tc.in)
			assert.Equal(t, tc.known, known, "licenseTerms(%q) known", tc.in)
			assert.Equal(t, tc.terms, terms, "licenseTerms(%q) terms", tc.in)
		})
	}
}

func TestControlChar(t *testing.T) {
	tests := []struct {
		in   string
		r    rune
		want bool
	}{
		{"plain text", 0, false},
		{"tab\tand\r\nline breaks", 0, false},
		{"città ½ “quotes”", 0, false},
		{"bell\a", '\a', true},
		{"delete\x7f", 0x7f, true},
		{"next line\u0085", 0x85, true},
		{"escape\x1b[0m", 0x1b, true},
	}
	for _, tc := range tests {
		r, bad := controlChar(tc.in)
		assert.Equal(t, tc.want, bad, "controlChar(%q)", tc.in)
		assert.Equal(t, tc.r, r, "controlChar(%q) rune", tc.in)
	}
}

func TestBagBound(t *testing.T) {
	b, ascii := newBag("efsu")
	assert.True(t, ascii)
	assert.True(t, b.within([]byte("efus"), 2), "efsu/efus is a transposition")
	assert.True(t, b.within([]byte("EFUS"), 0), "case is ignored")
	assert.False(t, b.within([]byte("fisu"), 0))
	assert.True(t, b.within([]byte("fisu"), 1))
	assert.False(t, b.within([]byte("pactesur"), 2))
	// The counts are restored after each call.
	assert.True(t, b.within([]byte("efus"), 0))
}
