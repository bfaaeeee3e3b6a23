package export_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/uuid"
	knakk "github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

// TestIdentifiersDocExample recomputes the worked example of
// docs/identifiers.md and finds the IRIs in the examples' graph.
func TestIdentifiersDocExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/identifiers.md")
	require.NoError(t, err)
	ns := "https://data.example.org/net/"
	namespace := uuid.NewSHA1(uuid.NameSpaceURL, []byte(ns)).String() // the UUID namespace the doc shows
	membership := model.GenerateID(ns, "membership", "regione-toscana", "efus", "member", "2001/..")
	belgium := model.GenerateID(ns, "place", "country", "Belgium", "BE", "")
	brussels := model.GenerateID(ns, "place", "city", "Brussels", "BE", belgium)
	for _, v := range []string{namespace, membership, brussels} {
		assert.Contains(t, string(doc), v, "docs/identifiers.md shows %s", v)
	}
	graph := mappedGraph(t, exporttest.Examples(t))
	for _, want := range []string{
		"<https://data.example.org/net/id/" + membership + "> <http://www.w3.org/ns/org#organization> <https://data.example.org/net/id/efus>",
		"<https://data.example.org/net/id/" + membership + "#start> <http://www.w3.org/2006/time#inXSDgYear> \"2001\"^^http://www.w3.org/2001/XMLSchema#gYear",
		"<https://data.example.org/net/id/" + brussels + "> <http://schema.org/containedInPlace> <https://data.example.org/net/id/" + belgium + ">",
	} {
		assert.Contains(t, graph, want)
	}
}

// TestVocabularyDocCoversTheGraph checks that docs/vocabulary.md names
// every class and property the mapping writes, and defines every civic:
// term under a heading of its own.
func TestVocabularyDocCoversTheGraph(t *testing.T) {
	doc, err := os.ReadFile("../docs/vocabulary.md")
	require.NoError(t, err)
	terms := map[string]bool{}
	for _, ds := range []*model.Dataset{exporttest.Examples(t), fuzzDataset("name", "description", "https://example.org/", "id")} {
		m, err := rdf.NewMapper(ds)
		require.NoError(t, err)
		require.NoError(t, exporttest.EachSubject(m, func(_ knakk.Subject, ts []knakk.Triple) error {
			for _, tr := range ts {
				terms[tr.Pred.String()] = true
				if tr.Pred.String() == rdf.NSRDF+"type" {
					terms[tr.Obj.String()] = true
				}
			}
			return nil
		}))
	}
	for iri := range terms {
		if iri == rdf.NSRDF+"type" {
			continue
		}
		name := compact(iri)
		require.NotEqual(t, iri, name, "no prefix for %s", iri)
		assert.True(t, mentions(string(doc), name), "docs/vocabulary.md names %s", name)
		if strings.HasPrefix(name, "civic:") {
			assert.True(t, strings.Contains(string(doc), "\n### "+name+"\n"), "docs/vocabulary.md defines %s under a heading", name)
		}
	}
}

// mentions reports whether doc holds name as a whole word.
func mentions(doc, name string) bool {
	for i := strings.Index(doc, name); i >= 0; {
		end := i + len(name)
		if end == len(doc) || !isNameByte(doc[end]) {
			return true
		}
		next := strings.Index(doc[end:], name)
		if next < 0 {
			return false
		}
		i = end + next
	}
	return false
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func compact(iri string) string {
	for _, p := range rdf.Prefixes() {
		if local, ok := strings.CutPrefix(iri, p.Namespace); ok {
			return p.Name + ":" + local
		}
	}
	return iri
}
