// Package exporttest holds what the tests of the export packages share:
// golden files with an -update flag, the example and synthetic record
// sets, and the graph of a mapping as knakk/rdf triples, the independent
// term model the tests compare with. Only tests import it.
package exporttest

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	knakk "github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Updating reports whether the test run rewrites golden files.
func Updating() bool { return *update }

// AssertGolden compares got with the file testdata/golden/name, or
// rewrites the file with -update.
func AssertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", filepath.FromSlash(name))
	if Updating() {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, got, 0o644))
		return
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "no golden file; run go test -run %s -update and read the diff", t.Name())
	assert.Equal(t, string(want), string(got), "%s differs from its golden file; if the change is intended, run go test -update and review the diff", name)
}

// Examples loads the example record set, which must load cleanly.
func Examples(t testing.TB) *model.Dataset {
	t.Helper()
	ds, problems := examples.Load()
	require.Empty(t, problems, "examples.Load")
	return ds
}

// Synthetic loads n synthetic records, generated and decoded in files of
// at most 1e5 records (the loader bounds a file's size).
func Synthetic(t testing.TB, n int) *model.Dataset {
	t.Helper()
	const perFile = 100_000
	base := "https://data.example.org/synth/"
	ds := model.NewDataset(model.DatasetInfo{Base: base})
	for start := 0; start < n; start += perFile {
		var src bytes.Buffer
		count := min(perFile, n-start)
		require.NoError(t, synth.Generate(&src, start, start+count, synth.Options{Records: n, Seed: 1}))
		part, problems := recordfile.Decode(&src, fmt.Sprintf("synth-%d.yaml", start), recordfile.Options{Base: base})
		require.Empty(t, problems)
		ds.Add(part.Records...)
	}
	return ds
}

// Triples returns the graph of ds as knakk/rdf triples, by parsing what
// the N-Triples writer writes with knakk/rdf's own decoder: the
// independent reading of our output that the tests compare with.
func Triples(t testing.TB, ds *model.Dataset) []knakk.Triple {
	t.Helper()
	var nt bytes.Buffer
	w := ntriples.NewWriter(&nt)
	require.NoError(t, w.Write(ds))
	require.NoError(t, w.Close())
	ts, err := knakk.NewTripleDecoder(&nt, knakk.NTriples).DecodeAll()
	require.NoError(t, err)
	return ts
}

// NodeTriples converts the triples of one node to knakk/rdf triples.
func NodeTriples(n *rdf.Node) ([]knakk.Triple, error) {
	subj, err := knakk.NewIRI(string(n.Subject()))
	if err != nil {
		return nil, err
	}
	var out []knakk.Triple
	for _, tr := range n.Triples() {
		pred, err := knakk.NewIRI(tr.Predicate().IRI())
		if err != nil {
			return nil, err
		}
		var obj knakk.Object
		switch tr.Kind() {
		case rdf.ObjectTerm, rdf.ObjectIRI:
			if obj, err = knakk.NewIRI(tr.ObjectString()); err != nil {
				return nil, err
			}
		default:
			line := "<http://x/> <http://x/> " + literalNT(&tr) + " .\n"
			t, err := knakk.NewTripleDecoder(bytes.NewReader([]byte(line)), knakk.NTriples).Decode()
			if err != nil {
				return nil, err
			}
			obj = t.Obj
		}
		out = append(out, knakk.Triple{Subj: subj, Pred: pred, Obj: obj})
	}
	return out, nil
}

func literalNT(t *rdf.Triple) string {
	enc, err := rdf.NewNode("http://x/", rdf.Statement{Predicate: rdf.Schema.Name, Object: rdf.Literal{Value: t.Value(), Datatype: t.Datatype(), Lang: t.Lang()}})
	if err != nil {
		panic(err)
	}
	b, _ := ntriples.Encoder{}.AppendNode(nil, enc)
	// <http://x/> <http://schema.org/name> LITERAL .\n
	s := string(b)
	start := len("<http://x/> <" + rdf.Schema.Name.IRI() + "> ")
	return s[start : len(s)-len(" .\n")]
}

// EachSubject calls fn with every subject of m's graph and its triples as
// knakk/rdf terms, in the mapping's order.
func EachSubject(m *rdf.Mapper, fn func(s knakk.Subject, ts []knakk.Triple) error) error {
	return m.EachNode(func(n *rdf.Node) error {
		ts, err := NodeTriples(n)
		if err != nil {
			return err
		}
		return fn(ts[0].Subj, ts)
	})
}

// ReadCSV reads a whole CSV file strictly: every row as wide as the
// header.
func ReadCSV(t testing.TB, data []byte) (header []string, rows [][]string) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	all, err := r.ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, all)
	return all[0], all[1:]
}

// FormulaLike is the opendata-check harness's test: a cell starting with
// = + - @ and followed by something that is not a number.
func FormulaLike(cell string) bool {
	return regexp.MustCompile(`^[=+\-@]`).MatchString(cell) && len(cell) > 1 &&
		!regexp.MustCompile(`^[=+\-@](?:\d[\d ]*(?:[.,]\d+)*|[.,]\d+)(?:[eE][+-]?\d+)?$`).MatchString(cell)
}
