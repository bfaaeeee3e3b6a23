package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	knakk "github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/jsonld"
	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/turtle"
	"github.com/civicnet/civicnet/model"
)

// rdfFormats are the formats this file's dumps write.
var rdfFormats = []export.Format{export.FormatTurtle, export.FormatNTriples, export.FormatJSONLD}

// tripleKey is a canonical text of a triple, independent of any
// serialisation: kind, value, datatype and language spelled out.
func tripleKey(t knakk.Triple) string {
	return termKey(t.Subj) + " " + termKey(t.Pred) + " " + termKey(t.Obj)
}

func termKey(t knakk.Term) string {
	switch t := t.(type) {
	case knakk.IRI:
		return "<" + t.String() + ">"
	case knakk.Blank:
		return "_:" + t.String()
	case knakk.Literal:
		if t.Lang() != "" {
			return strconv.Quote(t.String()) + "@" + t.Lang()
		}
		return strconv.Quote(t.String()) + "^^" + t.DataType.String()
	}
	return fmt.Sprintf("?%T", t)
}

// mappedGraph returns the mapper's triples of ds as sorted keys, checking
// the promises of the stream on the way: subjects ascending and unique,
// each subject's triples sorted, without duplicates and with that
// subject, no blank nodes.
func mappedGraph(t testing.TB, ds *model.Dataset) []string {
	t.Helper()
	m, err := rdf.NewMapper(ds)
	require.NoError(t, err)
	var keys []string
	prev := ""
	err = exporttest.EachSubject(m, func(s knakk.Subject, ts []knakk.Triple) error {
		iri, ok := s.(knakk.IRI)
		if !ok {
			return fmt.Errorf("subject %v is not an IRI", s)
		}
		if prev != "" && iri.String() <= prev {
			return fmt.Errorf("subject %s comes after %s", iri, prev)
		}
		prev = iri.String()
		if len(ts) == 0 {
			return fmt.Errorf("subject %s without triples", iri)
		}
		for i, tr := range ts {
			if tr.Subj.String() != iri.String() {
				return fmt.Errorf("triple %s under subject %s", tripleKey(tr), iri)
			}
			if _, blank := tr.Obj.(knakk.Blank); blank {
				return fmt.Errorf("blank node in %s", tripleKey(tr))
			}
			if i > 0 && tripleKey(ts[i-1]) == tripleKey(tr) {
				return fmt.Errorf("duplicate triple %s", tripleKey(tr))
			}
			keys = append(keys, tripleKey(tr))
		}
		return nil
	})
	require.NoError(t, err)
	sort.Strings(keys)
	return keys
}

// decodeGraph reads N-Triples or Turtle with knakk/rdf's decoder.
func decodeGraph(t testing.TB, data []byte, f knakk.Format) ([]string, error) {
	t.Helper()
	dec := knakk.NewTripleDecoder(bytes.NewReader(data), f)
	var keys []string
	for {
		tr, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		keys = append(keys, tripleKey(tr))
	}
	return uniqueSorted(keys), nil
}

func uniqueSorted(keys []string) []string {
	sort.Strings(keys)
	return slices.Compact(keys)
}

// offlineLoader serves the embedded context for any URL ending in
// context.jsonld and refuses everything else: the tests never use the
// network.
type offlineLoader struct{}

func (offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	if !strings.HasSuffix(u, "/"+export.ContextFile) {
		return nil, fmt.Errorf("offline: refusing to load %s", u)
	}
	var doc any
	if err := json.Unmarshal(jsonld.Context(), &doc); err != nil {
		return nil, err
	}
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}

// jsonldGraph converts a JSON-LD document to RDF with json-gold, an
// independent processor, as if it had been read from base.
func jsonldGraph(t testing.TB, doc []byte) ([]string, error) {
	t.Helper()
	var input any
	if err := json.Unmarshal(doc, &input); err != nil {
		return nil, err
	}
	opts := ld.NewJsonLdOptions("https://dump.invalid/dump/dataset.jsonld")
	opts.DocumentLoader = offlineLoader{}
	opts.ProcessingMode = ld.JsonLd_1_1
	out, err := ld.NewJsonLdProcessor().ToRDF(input, opts)
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, q := range out.(*ld.RDFDataset).GetQuads("@default") {
		keys = append(keys, ldKey(q.Subject)+" "+ldKey(q.Predicate)+" "+ldKey(q.Object))
	}
	return uniqueSorted(keys), nil
}

func ldKey(n ld.Node) string {
	switch n := n.(type) {
	case ld.IRI:
		return "<" + n.Value + ">"
	case *ld.IRI:
		return "<" + n.Value + ">"
	case ld.BlankNode:
		return "_:" + n.Attribute
	case *ld.BlankNode:
		return "_:" + n.Attribute
	case ld.Literal:
		return ldLiteralKey(n)
	case *ld.Literal:
		return ldLiteralKey(*n)
	}
	return fmt.Sprintf("?%T", n)
}

func ldLiteralKey(l ld.Literal) string {
	if l.Language != "" {
		return strconv.Quote(l.Value) + "@" + l.Language
	}
	return strconv.Quote(l.Value) + "^^" + l.Datatype
}

// assertSameGraph compares two graphs given as sorted triple keys and
// shows only the triples on one side.
func assertSameGraph(t testing.TB, want, got []string, format string) {
	t.Helper()
	missing, extra := diffSorted(want, got)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("%s read back differs from the mapped graph (%d triples, read %d)\nmissing:\n\t%s\nextra:\n\t%s",
			format, len(want), len(got), strings.Join(missing, "\n\t"), strings.Join(extra, "\n\t"))
	}
}

func diffSorted(a, b []string) (onlyA, onlyB []string) {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			onlyA = append(onlyA, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			onlyB = append(onlyB, b[j])
			j++
		default:
			i++
			j++
		}
	}
	return onlyA, onlyB
}

// writeAll writes ds with each RDF writer and returns the documents by
// format name.
func writeAll(t testing.TB, ds *model.Dataset) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	var nt, ttl, jl bytes.Buffer
	nw := ntriples.NewWriter(&nt)
	require.NoError(t, nw.Write(ds))
	require.NoError(t, nw.Close())
	tw := turtle.NewWriter(&ttl)
	require.NoError(t, tw.Write(ds))
	require.NoError(t, tw.Close())
	jw := jsonld.NewWriter(&jl)
	require.NoError(t, jw.Write(ds))
	require.NoError(t, jw.Close())
	out["nt"], out["ttl"], out["jsonld"] = nt.Bytes(), ttl.Bytes(), jl.Bytes()
	return out
}

func TestWritersParseBackToTheMappedGraph(t *testing.T) {
	ds := exporttest.Examples(t)
	want := mappedGraph(t, ds)
	require.Greater(t, len(want), 1000, "the examples map to a substantial graph")
	docs := writeAll(t, ds)

	t.Run("n-triples/knakk", func(t *testing.T) {
		got, err := decodeGraph(t, docs["nt"], knakk.NTriples)
		require.NoError(t, err)
		assertSameGraph(t, want, got, "N-Triples")
		assert.Equal(t, len(want), bytes.Count(docs["nt"], []byte("\n")), "one line a triple")
	})
	t.Run("turtle/knakk", func(t *testing.T) {
		got, err := decodeGraph(t, docs["ttl"], knakk.Turtle)
		require.NoError(t, err)
		assertSameGraph(t, want, got, "Turtle")
	})
	t.Run("json-ld/json-gold", func(t *testing.T) {
		got, err := jsonldGraph(t, docs["jsonld"])
		require.NoError(t, err)
		assertSameGraph(t, want, got, "JSON-LD")
	})
}

func TestWritersAreDeterministic(t *testing.T) {
	first := writeAll(t, exporttest.Examples(t))
	second := writeAll(t, exporttest.Examples(t))
	for _, f := range []string{"nt", "ttl", "jsonld"} {
		assert.Equal(t, string(first[f]), string(second[f]), f)
	}
}

func TestMapperFailsWithoutBase(t *testing.T) {
	ds := model.NewDataset(model.DatasetInfo{})
	_, err := rdf.NewMapper(ds)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "base")
}

// TestRapperCountsTheSameTriples runs raptor's rapper, a third parser,
// over the Turtle and N-Triples of the examples' dump.
func TestRapperCountsTheSameTriples(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper (Debian raptor2-utils) is not installed")
	}
	ds := exporttest.Examples(t)
	want := len(mappedGraph(t, ds))
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, ds, export.DumpOptions{Formats: rdfFormats}))
	count := regexp.MustCompile(`Parsing returned (\d+) triples`)
	for _, tc := range []struct{ file, syntax string }{
		{"dataset.ttl", "turtle"},
		{"dataset.nt", "ntriples"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			cmd := exec.Command(rapper, "-i", tc.syntax, "-c", filepath.Join(dir, tc.file))
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "rapper -i %s -c %s:\n%s", tc.syntax, tc.file, out)
			assert.NotContains(t, string(out), "rapper: Error")
			assert.NotContains(t, string(out), "rapper: Warning")
			m := count.FindStringSubmatch(string(out))
			require.NotNil(t, m, "rapper output:\n%s", out)
			assert.Equal(t, strconv.Itoa(want), m[1], "rapper -c %s", tc.file)
		})
	}
}

// TestGoldenDump compares the RDF files of the examples' dump with
// testdata/golden/; run go test ./export -run TestGoldenDump -update to
// rewrite them, then read the diff.
func TestGoldenDump(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, exporttest.Examples(t), export.DumpOptions{Formats: rdfFormats}))
	// The dump writes the three files from one mapping; the writers, one
	// each, write the same bytes.
	for f, b := range writeAll(t, exporttest.Examples(t)) {
		got, err := os.ReadFile(filepath.Join(dir, "dataset."+f))
		require.NoError(t, err)
		assert.Equal(t, string(b), string(got), "dataset.%s of the dump and of the %s writer", f, f)
	}
	// Any one format alone gives the same file.
	one := filepath.Join(t.TempDir(), "one")
	require.NoError(t, export.WriteDump(context.Background(), one, exporttest.Examples(t), export.DumpOptions{Formats: []export.Format{export.FormatJSONLD}}))
	alone, err := os.ReadFile(filepath.Join(one, "dataset.jsonld"))
	require.NoError(t, err)
	all, err := os.ReadFile(filepath.Join(dir, "dataset.jsonld"))
	require.NoError(t, err)
	assert.Equal(t, string(all), string(alone))
	for _, name := range []string{"dataset.ttl", "dataset.nt", "dataset.jsonld", "context.jsonld"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		golden := filepath.Join("testdata", "golden", name)
		if exporttest.Updating() {
			require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
			require.NoError(t, os.WriteFile(golden, got, 0o644))
			continue
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err, "no golden file: run go test ./export -run TestGoldenDump -update and read the diff")
		assert.Equal(t, string(want), string(got), "%s differs from %s; if intended, run -update and review the diff", name, golden)
	}
}
