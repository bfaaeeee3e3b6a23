package civicnet_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/model/recordfile"
)

// The recipes of docs/loading.md, run: the examples dump goes into
// Oxigraph and into Jena TDB2, and each store must then hold exactly the
// number of triples that catalog.ttl states as void:triples. Both
// N-Triples and gzip-compressed N-Triples are loaded, as the stores read
// either. The stores come from the opendata-check harness beside the
// repository (its setup installs Java, Debian's Jena and the npm
// modules); a test is skipped, saying what is missing, when they are not
// there.

// TestDumpLoadsIntoOxigraph loads the dump with the JS bindings of
// Oxigraph (npm package oxigraph), as the oxigraph CLI of the pip package
// is not installable here; both parse with the same Rust code.
func TestDumpLoadsIntoOxigraph(t *testing.T) {
	harness := opendataCheck(t)
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed; the Oxigraph load test needs it")
	}
	if _, err := os.Stat(filepath.Join(harness, "node_modules", "oxigraph", "package.json")); err != nil {
		t.Skipf("npm oxigraph is not installed in %s/node_modules; run npm ci there (or its setup)", harness)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "oxigraph-load.cjs"))
	require.NoError(t, err)

	for _, name := range []string{"dataset.nt", "dataset.nt.gz"} {
		t.Run(name, func(t *testing.T) {
			dump, want := loadedDump(t, name)
			out := runTool(t, "node", script, harness, filepath.Join(dump, name))
			var got struct{ Size, Count int }
			require.NoError(t, json.Unmarshal(out, &got), "node %s printed %s", script, out)
			t.Logf("Oxigraph: store size %d, SPARQL count %d; catalog.ttl void:triples %d", got.Size, got.Count, want)
			require.Equal(t, want, got.Size, "Oxigraph store size after loading %s, want void:triples", name)
			require.Equal(t, want, got.Count, "Oxigraph SPARQL COUNT(*) after loading %s, want void:triples", name)
		})
	}
}

// TestDumpLoadsIntoJenaTDB2 follows the Jena recipe: riot --validate, then
// tdb2.tdbloader into a fresh database, then a count with tdb2.tdbquery.
func TestDumpLoadsIntoJenaTDB2(t *testing.T) {
	harness := opendataCheck(t)
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("java is not installed; the Jena TDB2 load test needs it (default-jre-headless)")
	}
	for _, f := range []string{"jena.classpath", "jena-xerces-resources.jar"} {
		if _, err := os.Stat(filepath.Join(harness, "lib", f)); err != nil {
			t.Skipf("Jena is not set up (%s/lib/%s missing); run %s/setup", harness, f, harness)
		}
	}
	jena := filepath.Join(harness, "lib", "jena")

	for _, name := range []string{"dataset.nt", "dataset.nt.gz"} {
		t.Run(name, func(t *testing.T) {
			dump, want := loadedDump(t, name)
			file := filepath.Join(dump, name)
			db := filepath.Join(t.TempDir(), "tdb2")
			runTool(t, jena, "riot", "--validate", file)
			runTool(t, jena, "tdb2.tdbloader", "--loc", db, file)
			out := runTool(t, jena, "tdb2.tdbquery", "--loc", db, "--results=csv", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
			// CSV results: the header "n", then the count.
			lines := strings.Fields(string(out))
			require.Len(t, lines, 2, "tdb2.tdbquery printed %q", out)
			got, err := strconv.Atoi(lines[1])
			require.NoError(t, err, "tdb2.tdbquery printed %q", out)
			t.Logf("Jena TDB2: SPARQL count %d; catalog.ttl void:triples %d", got, want)
			require.Equal(t, want, got, "triples in TDB2 after loading %s, want void:triples", name)
		})
	}
}

// opendataCheck returns the opendata-check harness: $CIVICNET_OPENDATA_CHECK,
// else ../shared/opendata-check beside the repository.
func opendataCheck(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CIVICNET_OPENDATA_CHECK")
	if dir == "" {
		dir = filepath.Join("..", "shared", "opendata-check")
	}
	if _, err := os.Stat(filepath.Join(dir, "setup")); err != nil {
		t.Skipf("the opendata-check harness is not at %s; set CIVICNET_OPENDATA_CHECK to its directory", dir)
	}
	abs, err := filepath.Abs(dir)
	require.NoError(t, err)
	return abs
}

// loadableDump exports the examples into a temporary directory and
// returns the directory and the void:triples of its catalogue.
func loadableDump(t *testing.T) (string, int) {
	t.Helper()
	ds, problems := examples.Load()
	require.Empty(t, problems, "examples.Load()")
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, ds, export.DumpOptions{}))
	return dir, catalogTriples(t, dir)
}

// gzippedDump exports 2,000 synthetic records with Gzip, so that
// dataset.nt.gz is what "civicnet export --gzip" writes: a stream of
// several gzip members, one per chunk of the render (the examples fit in
// one chunk). It returns the directory and the catalogue's void:triples.
func gzippedDump(t *testing.T) (string, int) {
	t.Helper()
	records := t.TempDir()
	require.NoError(t, synth.Write(records, synth.Options{Records: 2000, Seed: 1}))
	ds, problems := recordfile.LoadFiles([]string{records}, recordfile.Options{})
	require.Empty(t, problems, "synthetic records")
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, ds, export.DumpOptions{
		Formats: []export.Format{export.FormatNTriples, export.FormatCatalog}, Gzip: true}))
	gz, err := os.ReadFile(filepath.Join(dir, "dataset.nt.gz"))
	require.NoError(t, err)
	require.Greater(t, gzipMembers(t, gz), 1, "dataset.nt.gz is a stream of members")
	return dir, catalogTriples(t, dir)
}

// catalogTriples returns the void:triples of the catalogue in dir.
func catalogTriples(t *testing.T, dir string) int {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "catalog.ttl"))
	require.NoError(t, err)
	defer f.Close()
	return voidTriples(t, f)
}

// voidTriples returns the void:triples of the dataset a catalogue
// describes (its class partitions are void:Datasets too, so the dataset
// is the one also typed dcat:Dataset), parsed with knakk/rdf's Turtle
// decoder.
func voidTriples(t *testing.T, catalog io.Reader) int {
	t.Helper()
	const (
		rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
		void    = "http://rdfs.org/ns/void#"
		dcat    = "http://www.w3.org/ns/dcat#"
	)
	ts, err := rdf.NewTripleDecoder(catalog, rdf.Turtle).DecodeAll()
	require.NoError(t, err, "parsing catalog.ttl")
	datasets := map[string]bool{}
	for _, tr := range ts {
		if tr.Pred.String() == rdfType && tr.Obj.String() == dcat+"Dataset" {
			datasets[tr.Subj.String()] = true
		}
	}
	require.Len(t, datasets, 1, "dcat:Datasets in catalog.ttl")
	var counts []string
	for _, tr := range ts {
		if datasets[tr.Subj.String()] && tr.Pred.String() == void+"triples" {
			counts = append(counts, tr.Obj.String())
		}
	}
	require.Len(t, counts, 1, "void:triples of the dataset in catalog.ttl")
	n, err := strconv.Atoi(counts[0])
	require.NoError(t, err, "void:triples %q", counts[0])
	require.Positive(t, n, "void:triples")
	return n
}

// runTool runs a command and returns its stdout, failing the test with its
// stderr when it fails.
func runTool(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "%s %s\nstderr:\n%s", name, strings.Join(args, " "), stderr.String())
	return out
}

// loadedDump returns the dump whose file name the load tests load: the
// examples' dataset.nt, or a synthetic dataset.nt.gz.
func loadedDump(t *testing.T, name string) (string, int) {
	if strings.HasSuffix(name, ".gz") {
		return gzippedDump(t)
	}
	return loadableDump(t)
}

// gzipMembers returns how many gzip members b holds.
func gzipMembers(t *testing.T, b []byte) int {
	t.Helper()
	r := bytes.NewReader(b)
	zr, err := gzip.NewReader(r)
	require.NoError(t, err)
	n := 0
	for {
		zr.Multistream(false)
		_, err := io.Copy(io.Discard, zr)
		require.NoError(t, err)
		n++
		err = zr.Reset(r)
		if err == io.EOF {
			return n
		}
		require.NoError(t, err)
	}
}
