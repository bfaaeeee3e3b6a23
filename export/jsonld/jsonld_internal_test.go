package jsonld

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/export/rdf"
)

func TestValueForms(t *testing.T) {
	node := func(ss ...rdf.Statement) string {
		n, err := rdf.NewNode("https://x.example/s", ss...)
		require.NoError(t, err)
		b, err := (&Encoder{}).AppendNode(nil, n)
		require.NoError(t, err)
		return string(b)
	}
	st := func(p *rdf.Term, o rdf.Value) rdf.Statement { return rdf.Statement{Predicate: p, Object: o} }
	en := rdf.Text("Florence", "en")

	got := node(st(rdf.Schema.Name, en), st(rdf.Schema.Name, rdf.String("Firenze")))
	assert.Contains(t, got, `"name": {"@none": "Firenze", "en": "Florence"}`, "a string without a language is @none")

	got = node(st(rdf.Schema.Name, en), st(rdf.Schema.Name, rdf.Typed("1", rdf.XSD.Integer)))
	assert.Contains(t, got, `"http://schema.org/name": [1, {"@value": "Florence", "@language": "en"}]`,
		"a value a language map cannot hold makes the key the property's IRI")

	got = node(st(rdf.Schema.URL, rdf.Typed("ftp://x", rdf.XSD.AnyURI)), st(rdf.Schema.URL, rdf.IRI("https://x.example/")))
	assert.Contains(t, got, `"url": ["https://x.example/", {"@value": "ftp://x", "@type": "xsd:anyURI"}]`,
		"an @id term holds a literal as a value object")

	got = node(st(rdf.DCTerms.Date, rdf.Typed("2009", rdf.XSD.GYear)), st(rdf.Schema.StartDate, rdf.Typed("2009-01-02", rdf.XSD.Date)),
		st(rdf.Schema.StartDate, rdf.Typed("2009", rdf.XSD.GYear)))
	assert.Contains(t, got, `"date": {"@value": "2009", "@type": "xsd:gYear"}`)
	assert.Contains(t, got, `"startDate": [{"@value": "2009", "@type": "xsd:gYear"}, "2009-01-02"]`, "only the term's datatype is a bare string")

	got = node(st(rdf.Schema.Value, rdf.Typed("3600000", rdf.XSD.Integer)), st(rdf.Civic.Edition, rdf.Typed("2", rdf.XSD.Integer)),
		st(rdf.Schema.UnitText, rdf.Typed("007", rdf.XSD.Integer)), st(rdf.Schema.MinValue, rdf.Typed("1.5", rdf.XSD.Decimal)),
		st(rdf.Schema.MaxValue, rdf.Typed("12345678901234567", rdf.XSD.Integer)))
	assert.Contains(t, got, `"value": 3600000`, "an integer is a JSON number")
	assert.Contains(t, got, `"edition": 2`, "also under a term typed xsd:integer")
	assert.Contains(t, got, `"unitText": {"@value": "007", "@type": "xsd:integer"}`, "a non-canonical integer stays a string")
	assert.Contains(t, got, `"minValue": {"@value": "1.5", "@type": "xsd:decimal"}`, "a decimal would read back as a double")
	assert.Contains(t, got, `"maxValue": {"@value": "12345678901234567", "@type": "xsd:integer"}`, "beyond 2^53 a JSON number is not exact")

	got = node(st(rdf.ORG.MemberOf, rdf.IRI("https://x.example/o")))
	assert.Contains(t, got, `"memberOf": ["https://x.example/o"]`, "a @set term is always an array")

	got = node(st(rdf.Civic.Ongoing, rdf.Boolean(true)), st(rdf.Schema.Email, rdf.String("a\"b\n")),
		st(rdf.RDF.Type, rdf.Schema.Place), st(rdf.RDF.Type, rdf.Schema.City))
	assert.Contains(t, got, `"ongoing": true`)
	assert.Contains(t, got, `"email": "a\"b\n"`)
	assert.Contains(t, got, `"type": ["schema:City", "schema:Place"]`)
}

// Every predicate the mapping writes for the examples, and every prefix,
// has a term in the context, so the document needs no full IRI as a key.
func TestContextHasATermForEveryPredicate(t *testing.T) {
	ds, problems := examples.Load()
	require.Empty(t, problems)
	m, err := rdf.NewMapper(ds)
	require.NoError(t, err)
	missing := map[string]bool{}
	require.NoError(t, m.EachNode(func(n *rdf.Node) error {
		for _, t := range n.Triples() {
			if p := t.Predicate(); p != rdf.RDF.Type && defs[p.Index()] == nil {
				missing[p.String()] = true
			}
		}
		return nil
	}))
	assert.Empty(t, missing)
	for _, term := range rdf.Terms() {
		assert.Contains(t, compact[term.Index()], ":", "context.jsonld defines the prefix of %s", term)
	}
}
