package diff_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/diff"
	"github.com/civicnet/civicnet/model"
)

// roundTripEdits change every kind of thing a triple store holds: a
// literal (a name, with its language), a period's end, a removed
// organiser (a link and a participation node), a renamed record (every
// triple of it and the links to it), an added record with a nested
// membership, and a removed event with its inline place.
var roundTripEdits = []edit{
	{File: "organizations/fisu.yaml", Old: "en: Italian Forum for Urban Security", New: "en: Italian Urban Security \"Forum\""},
	{File: "regions/toscana.yaml", Old: "organization: efus\n    role: member\n    during: 2001/..", New: "organization: efus\n    role: member\n    during: 2001/2019"},
	{File: "events/efus-events.yaml", Old: "location: {city: Barcelona, country: ES}\norganizers: [efus]", New: "location: {city: Barcelona, country: ES}\norganizers: []"},
	{File: "organizations/fisu.yaml", Old: "id: fisu-thematic-group-local-safety-audit", New: "id: fisu-local-safety-audit"},
	{File: "regions/toscana.yaml", Old: "fisu-thematic-group-local-safety-audit", New: "fisu-local-safety-audit"},
	{File: "organizations/prato.yaml", New: "kind: organization\nid: comune-di-prato\nname: {it: Comune di Prato}\ndescription: \"Line one\\nline two \\\\ backslash\"\nmemberships:\n  - {organization: efus, during: 2020/..}\n"},
	{File: "events/efus-events.yaml", Old: saragossa[4:], New: ""},
}

func TestTriples(t *testing.T) {
	old, new := examplesWith(t), examplesWith(t, roundTripEdits...)
	oldNT, newNT := ntLines(t, old), ntLines(t, new)
	tc, err := diff.Triples(old, new)
	require.NoError(t, err)
	require.NotEmpty(t, tc.Deleted)
	require.NotEmpty(t, tc.Inserted)
	for _, l := range tc.Deleted {
		assert.True(t, oldNT[l] && !newNT[l], "deleted %s", l)
	}
	for _, l := range tc.Inserted {
		assert.True(t, newNT[l] && !oldNT[l], "inserted %s", l)
	}
	assert.Equal(t, len(newNT)-len(oldNT), len(tc.Inserted)-len(tc.Deleted))

	same, err := diff.Triples(old, examplesWith(t))
	require.NoError(t, err)
	assert.True(t, same.Empty(), "Triples of the same records: %v", same)
}

// TestRDFPatch applies the patch with line-set semantics: every D line
// deletes a triple the old dump holds, every A line adds one it lacks,
// and the result is the new dump.
func TestRDFPatch(t *testing.T) {
	old, new := examplesWith(t), examplesWith(t, roundTripEdits...)
	tc, err := diff.Triples(old, new)
	require.NoError(t, err)
	var patch bytes.Buffer
	require.NoError(t, tc.WriteRDFPatch(&patch))
	lines := strings.Split(strings.TrimSuffix(patch.String(), "\n"), "\n")
	require.Equal(t, "TX .", lines[0])
	require.Equal(t, "TC .", lines[len(lines)-1])
	store := ntLines(t, old)
	for _, l := range lines[1 : len(lines)-1] {
		op, triple, _ := strings.Cut(l, " ")
		switch op {
		case "D":
			require.True(t, store[triple], "D of a triple the store lacks: %s", l)
			delete(store, triple)
		case "A":
			require.False(t, store[triple], "A of a triple the store holds: %s", l)
			store[triple] = true
		default:
			t.Fatalf("unexpected patch row %q", l)
		}
	}
	assert.Equal(t, ntLines(t, new), store)
}

// TestSPARQLUpdateRoundTrip loads the old dump into a triple store,
// applies the update, and compares what the store holds with the new
// dump, as sets of triples read back with an independent parser. The
// stores are those the opendata-check installs: Oxigraph (Node.js) and
// Apache Jena. CIVICNET_OPENDATA_CHECK names its directory.
func TestSPARQLUpdateRoundTrip(t *testing.T) {
	check := os.Getenv("CIVICNET_OPENDATA_CHECK")
	if check == "" {
		check = "/work/shared/opendata-check"
	}
	old, new := examplesWith(t), examplesWith(t, roundTripEdits...)
	dir := t.TempDir()
	oldFile, update := filepath.Join(dir, "old.nt"), filepath.Join(dir, "update.ru")
	writeFile(t, oldFile, func(b *bytes.Buffer) error { return diff.WriteNTriples(b, old) })
	tc, err := diff.Triples(old, new)
	require.NoError(t, err)
	writeFile(t, update, func(b *bytes.Buffer) error { return tc.WriteSPARQL(b) })
	var want bytes.Buffer
	require.NoError(t, diff.WriteNTriples(&want, new))

	t.Run("oxigraph", func(t *testing.T) {
		modules := filepath.Join(check, "node_modules")
		needs(t, "node", filepath.Join(modules, "oxigraph"))
		got := command(t, "node", "testdata/oxigraph-update.mjs", modules, oldFile, update)
		assert.Equal(t, triples(t, want.Bytes(), rdf.NTriples), triples(t, got, rdf.NTriples))
	})
	t.Run("jena", func(t *testing.T) {
		jena := filepath.Join(check, "lib", "jena")
		needs(t, "java", jena, filepath.Join(check, "lib", "jena.classpath"))
		// Jena 4.5's update command is the main class arq.update; its
		// dump is Turtle, which riot turns into N-Triples.
		dump := filepath.Join(dir, "jena-dump.ttl")
		require.NoError(t, os.WriteFile(dump, command(t, jena, "arq.update", "--data="+oldFile, "--update="+update, "--dump"), 0o644))
		got := command(t, jena, "riot", "--syntax=turtle", "--output=ntriples", dump)
		assert.Equal(t, triples(t, want.Bytes(), rdf.NTriples), triples(t, got, rdf.NTriples))
	})
}

// TestSPARQLUpdate checks the shape of the update without a store.
func TestSPARQLUpdate(t *testing.T) {
	tc := &diff.TripleChanges{Deleted: []string{"<http://a/s> <http://a/p> \"x\" ."}, Inserted: []string{"<http://a/s> <http://a/p> \"y\"@en ."}}
	var b bytes.Buffer
	require.NoError(t, tc.WriteSPARQL(&b))
	assert.Equal(t, "# civicnet diff: 1 triple deleted, 1 triple inserted\n"+
		"DELETE DATA {\n  <http://a/s> <http://a/p> \"x\" .\n} ;\n"+
		"INSERT DATA {\n  <http://a/s> <http://a/p> \"y\"@en .\n}\n", b.String())
	b.Reset()
	require.NoError(t, (&diff.TripleChanges{}).WriteSPARQL(&b))
	assert.Equal(t, "# civicnet diff: 0 triples deleted, 0 triples inserted\n", b.String())
}

func writeFile(t *testing.T, name string, write func(*bytes.Buffer) error) {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, write(&b))
	require.NoError(t, os.WriteFile(name, b.Bytes(), 0o644))
}

// needs skips the test, saying why, unless the program is on PATH and
// the files exist.
func needs(t *testing.T, program string, files ...string) {
	t.Helper()
	if _, err := exec.LookPath(program); err != nil {
		t.Skipf("%s is not installed: %v", program, err)
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("the opendata-check is not installed (set CIVICNET_OPENDATA_CHECK): %v", err)
		}
	}
}

func command(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		errors.As(err, &ee)
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// ntLines returns the N-Triples lines of ds as a set.
func ntLines(t *testing.T, ds *model.Dataset) map[string]bool {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, diff.WriteNTriples(&b, ds))
	set := map[string]bool{}
	for l := range strings.Lines(b.String()) {
		set[strings.TrimSuffix(l, "\n")] = true
	}
	return set
}

// triples parses RDF and returns its triples, each in one canonical
// form, sorted: the writers of the stores escape differently from ours.
func triples(t *testing.T, data []byte, f rdf.Format) []string {
	t.Helper()
	ts, err := rdf.NewTripleDecoder(bytes.NewReader(data), f).DecodeAll()
	require.NoError(t, err)
	var out []string
	for _, tr := range ts {
		out = append(out, termKey(tr.Subj)+" "+termKey(tr.Pred)+" "+termKey(tr.Obj))
	}
	slices.Sort(out)
	require.NotEmpty(t, out)
	return slices.Compact(out)
}

func termKey(term rdf.Term) string {
	switch term := term.(type) {
	case rdf.Literal:
		s := strconv.Quote(term.String())
		if term.Lang() != "" {
			return s + "@" + term.Lang()
		}
		return s + "^^" + term.DataType.String()
	case rdf.Blank:
		return "_:" + term.String()
	}
	return "<" + term.String() + ">"
}
