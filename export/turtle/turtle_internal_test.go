package turtle

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/rdf"
)

func TestLiteralForms(t *testing.T) {
	lit := func(v string, dt *rdf.Term) rdf.Literal { return rdf.Typed(v, dt) }
	g := &graphWriter{prefixes: newPrefixMap(rdf.Prefixes())}
	g.prefixes.used = map[string]bool{}
	for _, tc := range []struct {
		name string
		lit  rdf.Literal
		want string
	}{
		{"canonical integer is bare", lit("22990", rdf.XSD.Integer), `22990`},
		{"negative integer is bare", lit("-3", rdf.XSD.Integer), `-3`},
		{"zero is bare", lit("0", rdf.XSD.Integer), `0`},
		{"leading zeros stay quoted", lit("007", rdf.XSD.Integer), `"007"^^xsd:integer`},
		{"plus sign stays quoted", lit("+5", rdf.XSD.Integer), `"+5"^^xsd:integer`},
		{"minus zero stays quoted", lit("-0", rdf.XSD.Integer), `"-0"^^xsd:integer`},
		{"not a number stays quoted", lit("12 ", rdf.XSD.Integer), `"12 "^^xsd:integer`},
		{"decimal with a point is bare", lit("-0.25", rdf.XSD.Decimal), `-0.25`},
		{"decimal without a point would read as integer", lit("5", rdf.XSD.Decimal), `"5"^^xsd:decimal`},
		{"decimal without digits after the point", lit("5.", rdf.XSD.Decimal), `"5."^^xsd:decimal`},
		{"decimal without digits before the point", lit(".5", rdf.XSD.Decimal), `".5"^^xsd:decimal`},
		{"true is bare", lit("true", rdf.XSD.Boolean), `true`},
		{"1 as boolean stays quoted", lit("1", rdf.XSD.Boolean), `"1"^^xsd:boolean`},
		{"gYear is prefixed", lit("2001", rdf.XSD.GYear), `"2001"^^xsd:gYear`},
		{"plain string", rdf.String("Regione Toscana"), `"Regione Toscana"`},
		{"explicit xsd:string is plain", lit("x", rdf.XSD.String), `"x"`},
		{"quotes and backslashes escaped", rdf.String(`say "hi" \o/`), `"say \"hi\" \\o/"`},
		{"controls escaped", rdf.String("a\x00b\x1fc\x7f\td"), `"a\u0000b\u001Fc\u007F\td"`},
		{"line breaks make a long string", rdf.String("one\ntwo"), "\"\"\"one\ntwo\"\"\""},
		{"quotes in a long string are escaped", rdf.String("\"\"\"\n\""), "\"\"\"\\\"\\\"\\\"\n\\\"\"\"\""},
		{"carriage returns are escaped", rdf.String("a\r\nb"), "\"\"\"a\\r\nb\"\"\""},
		{"invalid UTF-8 is replaced", rdf.Literal{Value: "a\xffb"}, "\"a\uFFFDb\""},
		{"non-ASCII as is", rdf.String("Val d’Orcia, città"), `"Val d’Orcia, città"`},
		{"language tag", rdf.Text("Firenze", "it"), `"Firenze"@it`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := g.appendLiteral(nil, tc.lit)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}
}

func TestPrefixedNames(t *testing.T) {
	pm := newPrefixMap(append(rdf.Prefixes(), rdf.Prefix{Name: "id", Namespace: "https://data.example.org/net/id/"}))
	for _, tc := range []struct{ iri, want string }{
		{rdf.ORG.Membership.IRI(), "org:Membership"},
		{"https://data.example.org/net/id/regione-toscana", "id:regione-toscana"},
		{"https://data.example.org/net/id/2008-summit", "id:2008-summit"},
		{"https://data.example.org/net/id/x#during", "<https://data.example.org/net/id/x#during>"},
		{"https://data.example.org/net/id/a.b", "id:a.b"},
		{"https://data.example.org/net/id/ends.", "<https://data.example.org/net/id/ends.>"},
		{"https://data.example.org/net/id/-dash", "<https://data.example.org/net/id/-dash>"},
		{"https://data.example.org/net/id/%41", "<https://data.example.org/net/id/%41>"},
		{"https://data.example.org/net/id/città", "<https://data.example.org/net/id/città>"},
		{"https://data.example.org/net/id/", "<https://data.example.org/net/id/>"},
		{"https://data.example.org/net/id/a/b", "<https://data.example.org/net/id/a/b>"},
		{"http://schema.org/Foo:bar", "<http://schema.org/Foo:bar>"},
		{"https://unknown.example/x", "<https://unknown.example/x>"},
	} {
		t.Run(tc.iri, func(t *testing.T) {
			assert.Equal(t, tc.want, string(pm.appendIRIBytes(nil, []byte(tc.iri))))
		})
	}
}
