package turtle_test

import (
	"bytes"
	"io"
	"os/exec"
	"strings"
	"testing"

	knakk "github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/turtle"
)

func TestWriteGraphRefusesInvalidTerms(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    rdf.Statement
		want string
	}{
		{"relative IRI", rdf.Statement{Subject: rdf.IRI("id/x"), Predicate: rdf.RDF.Type, Object: rdf.ORG.Organization}, "not absolute"},
		{"space in an IRI", rdf.Statement{Subject: rdf.IRI("https://x.example/a b"), Predicate: rdf.RDF.Type, Object: rdf.ORG.Organization}, "no IRI may hold"},
		{"bad language tag", rdf.Statement{Subject: rdf.IRI("https://x.example/a"), Predicate: rdf.Schema.Name, Object: rdf.Literal{Value: "x", Lang: "en--x"}}, "language tag"},
		{"bad blank label", rdf.Statement{Subject: rdf.Blank("a.b"), Predicate: rdf.Schema.Name, Object: rdf.String("x")}, "blank node label"},
		{"language and datatype", rdf.Statement{Subject: rdf.IRI("https://x.example/a"), Predicate: rdf.Schema.Name, Object: rdf.Literal{Value: "x", Lang: "en", Datatype: rdf.XSD.Integer}}, "both"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &rdf.Graph{}
			g.Add(tc.s.Subject, tc.s.Predicate, tc.s.Object)
			err := turtle.WriteGraph(io.Discard, g)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "turtle: "), err.Error())
		})
	}
}

func TestWriteGraphBlankNodes(t *testing.T) {
	iri := func(s string) rdf.IRI { return rdf.IRI("https://x.example/" + s) }
	g := &rdf.Graph{}
	shared, once, empty := rdf.Blank("shared"), rdf.Blank("once"), rdf.Blank("empty")
	c1, c2 := rdf.Blank("c1"), rdf.Blank("c2")
	g.Add(iri("a"), rdf.Schema.Location, shared)
	g.Add(iri("b"), rdf.Schema.Location, shared)
	g.Add(shared, rdf.Schema.Name, rdf.String("shared by two"))
	g.Add(iri("a"), rdf.Schema.Address, once)
	g.Add(once, rdf.Schema.Name, rdf.String("inline"))
	g.Add(once, rdf.Schema.Funding, empty)
	list := g.List(rdf.String("x"), iri("y"))
	g.Add(iri("a"), rdf.SH.In, list)
	g.Add(iri("a"), rdf.SH.In, g.List())
	// A cycle of nodes each referenced once, reachable from nowhere.
	g.Add(c1, rdf.Schema.SubEvent, c2)
	g.Add(c2, rdf.Schema.SubEvent, c1)
	g.Add(iri("a"), rdf.Schema.Address, once) // a duplicate, written once
	var buf bytes.Buffer
	require.NoError(t, turtle.WriteGraph(&buf, g))
	out := buf.String()
	assert.Contains(t, out, `( "x" <https://x.example/y> )`)
	assert.Contains(t, out, "[]")
	assert.Contains(t, out, "_:shared")
	assert.NotContains(t, out, "_:once")
	assert.Contains(t, out, "_:c1")
	assert.Contains(t, out, "@prefix schema: <http://schema.org/> .")
	assert.NotContains(t, out, "@prefix org:", "only the prefixes used are declared")

	want := len(g.Statements()) - 1
	got, err := knakk.NewTripleDecoder(strings.NewReader(out), knakk.Turtle).DecodeAll()
	require.NoError(t, err, out)
	assert.Equal(t, want, len(got), out)
	if rapper, err := exec.LookPath("rapper"); err == nil {
		cmd := exec.Command(rapper, "-i", "turtle", "-c", "-I", "https://x.example/", "-")
		cmd.Stdin = strings.NewReader(out)
		res, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s\n%s", res, out)
		assert.Contains(t, string(res), "returned 14 triples")
	}
}
