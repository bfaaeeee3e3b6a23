package rdf_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

// TestMapperNeedsRecordsAddedThroughAdd checks that a record appended to
// Records by hand, which the index of ids does not know, is refused with
// a message rather than mapped without its links.
func TestMapperNeedsRecordsAddedThroughAdd(t *testing.T) {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	ds.Add(&model.Organization{Common: model.Common{ID: "efus", Name: model.Plain("Efus")}})
	_, err := rdf.NewMapper(ds)
	require.NoError(t, err)

	ds.Records = append(ds.Records, &model.Organization{Common: model.Common{ID: "fesu", Name: model.Plain("FESU")}})
	_, err = rdf.NewMapper(ds)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `record 2 (organization "fesu") is missing from the dataset's index`)
}

func TestMapperFailsWithoutBase(t *testing.T) {
	ds := model.NewDataset(model.DatasetInfo{})
	_, err := rdf.NewMapper(ds)
	require.Error(t, err)
	var be *model.ValueError
	require.ErrorAs(t, err, &be)
}

// TestParallelRenderIsSequentialOrder checks that rendering chunks on
// several goroutines writes exactly what one sequential pass of EachNode
// does, on a record set large enough for many chunks (run it with
// -race), and counts what the pass saw.
func TestParallelRenderIsSequentialOrder(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var src bytes.Buffer
	require.NoError(t, synth.Generate(&src, 0, 3000, synth.Options{Records: 3000, Seed: 7}))
	ds, problems := recordfile.Decode(&src, "synth.yaml", recordfile.Options{Base: "https://data.example.org/synth/"})
	require.Empty(t, problems)
	m, err := rdf.NewMapper(ds)
	require.NoError(t, err)

	var want []byte
	var triples, entities, orgs int
	enc := ntriples.Encoder{}
	require.NoError(t, m.EachNode(func(n *rdf.Node) error {
		entities++
		triples += len(n.Triples())
		for _, t := range n.Triples() {
			if t.Predicate() == rdf.RDF.Type && t.ObjectTerm() == rdf.ORG.Organization {
				orgs++
			}
		}
		want, err = enc.AppendNode(want, n)
		return err
	}))
	for range 3 {
		var got bytes.Buffer
		w := ntriples.NewWriter(&got)
		stats, err := m.Render(w)
		require.NoError(t, err)
		require.NoError(t, w.Close())
		assert.Equal(t, string(want), got.String())
		assert.Equal(t, triples, stats.Triples)
		assert.Equal(t, entities, stats.Entities)
		assert.Equal(t, orgs, stats.ClassCount(rdf.ORG.Organization))
		assert.Equal(t, strings.Count(got.String(), "\n"), stats.Triples)
	}
}

// Fragments of list items derive from the items' content: reordering a
// list changes no IRI.
func TestFragmentsDoNotDependOnListOrder(t *testing.T) {
	build := func(reverse bool) []string {
		fs := []*model.Funding{
			{Funder: "ec", Programme: "CIP", Year: 2009, Share: "part"},
			{Funder: "ec", Programme: "FP7", Year: 2009, Share: "full"},
			{Funder: "region", Year: 2010},
		}
		qs := []*model.NamedQuantity{{Name: "projects", Quantity: model.Quantity{Value: "50"}}, {Name: "Projects!", Quantity: model.Quantity{Value: "7"}}}
		if reverse {
			fs[0], fs[2] = fs[2], fs[0]
			qs[0], qs[1] = qs[1], qs[0]
		}
		ds := model.NewDataset(model.DatasetInfo{Base: "https://x.example/"})
		ds.Add(&model.Project{Common: model.Common{ID: "p", Name: model.Plain("P")}, Funding: fs, Quantities: qs})
		m, err := rdf.NewMapper(ds)
		require.NoError(t, err)
		var subjects []string
		require.NoError(t, m.EachNode(func(n *rdf.Node) error {
			subjects = append(subjects, string(n.Subject()))
			return nil
		}))
		return subjects
	}
	got := build(false)
	assert.Equal(t, got, build(true))
	assert.Contains(t, got, "https://x.example/id/p#funding-region-2010")
	h := sha256.Sum256([]byte("projects\x1f50\x1f\x1fexact\x1f"))
	assert.Contains(t, got, "https://x.example/id/p#quantity-projects-"+hex.EncodeToString(h[:4]))
	n := 0
	for _, s := range got {
		if strings.HasPrefix(s, "https://x.example/id/p#funding-ec-2009-") {
			n++
		}
	}
	assert.Equal(t, 2, n, "two grants of one funder in one year get a content hash each: %v", got)
}

// TestTermsAreDeclaredOnce checks the vocabulary table: every IRI once,
// each term at its index, and LookupTerm finds it.
func TestTermsAreDeclaredOnce(t *testing.T) {
	seen := map[string]bool{}
	for i, term := range rdf.Terms() {
		assert.False(t, seen[term.IRI()], "%s declared twice", term)
		seen[term.IRI()] = true
		assert.Equal(t, i, term.Index())
		assert.Same(t, term, rdf.LookupTerm(term.IRI()))
		assert.Equal(t, term.IRI(), nsOf(t, term.Prefix())+term.Local())
	}
}

func nsOf(t *testing.T, prefix string) string {
	for _, p := range rdf.Prefixes() {
		if p.Name == prefix {
			return p.Namespace
		}
	}
	t.Fatalf("no prefix %s", prefix)
	return ""
}

func TestNewNodeRefusesWhatAMapperNeverMakes(t *testing.T) {
	for _, tc := range []struct {
		name    string
		subject string
		s       rdf.Statement
	}{
		{"relative subject", "id/x", rdf.Statement{Predicate: rdf.Schema.Name, Object: rdf.String("x")}},
		{"relative object", "https://x.example/a", rdf.Statement{Predicate: rdf.Schema.URL, Object: rdf.IRI("x y")}},
		{"bad language tag", "https://x.example/a", rdf.Statement{Predicate: rdf.Schema.Name, Object: rdf.Literal{Value: "x", Lang: "en--x"}}},
		{"blank node", "https://x.example/a", rdf.Statement{Predicate: rdf.Schema.Name, Object: rdf.Blank("b1")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rdf.NewNode(tc.subject, tc.s)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "rdf: "), err.Error())
		})
	}
}
