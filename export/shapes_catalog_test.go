package export_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	knakk "github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/shacl"
)

// shaclScript validates data files against shapes files with
// rdf-validate-shacl (an independent SHACL Core processor, JavaScript)
// and prints {"conforms": bool, "violations": [...]} as JSON.
// Arguments: --shapes FILE… --data FILE… [--drop PREDICATE[=OBJECT]…]:
// the triples with that predicate (and object IRI) are removed from the
// data first, to prove that the shapes catch what they should.
const shaclScript = `
import fs from 'node:fs';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
const args = process.argv.slice(1);
const lists = { '--shapes': [], '--data': [], '--drop': [] };
let cur = null;
for (const a of args) { if (a in lists) cur = lists[a]; else cur.push(a); }
const load = (files) => {
  const store = new N3.Store();
  for (const f of files) {
    const format = f.endsWith('.nt') ? 'N-Triples' : 'Turtle';
    store.addQuads(new N3.Parser({ format }).parse(fs.readFileSync(f, 'utf8')));
  }
  return store;
};
const shapes = load(lists['--shapes']);
const data = load(lists['--data']);
for (const d of lists['--drop']) {
  const [p, o] = d.split('=');
  for (const q of data.getQuads(null, p, o ? N3.DataFactory.namedNode(o) : null, null)) data.removeQuad(q);
}
const report = await new SHACLValidator(shapes).validate(data);
const SH = 'http://www.w3.org/ns/shacl#';
const violations = report.results
  .filter((r) => !r.severity || r.severity.value === SH + 'Violation')
  .map((r) => ({
    focus: r.focusNode && r.focusNode.value,
    path: r.path && r.path.value,
    component: r.sourceConstraintComponent && r.sourceConstraintComponent.value.replace(SH, 'sh:'),
    message: (r.message || []).map((m) => m.value).join('; '),
  }));
console.log(JSON.stringify({ conforms: violations.length === 0, violations }));
`

type shaclViolation struct {
	Focus, Path, Component, Message string
}

type shaclReport struct {
	Conforms   bool
	Violations []shaclViolation
}

// shaclDir finds a directory whose node_modules holds rdf-validate-shacl
// and n3: $CIVICNET_SHACL_DIR, else the opendata-check harness beside the
// repository. The test is skipped when there is none, or no node.
func shaclDir(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed; the SHACL checks need it")
	}
	candidates := []string{os.Getenv("CIVICNET_SHACL_DIR"), filepath.Join("..", "..", "shared", "opendata-check")}
	for _, dir := range candidates {
		if dir == "" {
			continue
		}
		_, e1 := os.Stat(filepath.Join(dir, "node_modules", "rdf-validate-shacl", "package.json"))
		_, e2 := os.Stat(filepath.Join(dir, "node_modules", "n3", "package.json"))
		if e1 == nil && e2 == nil {
			abs, err := filepath.Abs(dir)
			require.NoError(t, err)
			return abs
		}
	}
	t.Skip("npm rdf-validate-shacl not found; set CIVICNET_SHACL_DIR to a directory whose node_modules has rdf-validate-shacl and n3")
	return ""
}

func validateSHACL(t *testing.T, shapes, data, drop []string) shaclReport {
	t.Helper()
	dir := shaclDir(t)
	args := []string{"--input-type=module", "-e", shaclScript, "--", "--shapes"}
	for _, f := range shapes {
		abs, err := filepath.Abs(f)
		require.NoError(t, err)
		args = append(args, abs)
	}
	args = append(args, "--data")
	for _, f := range data {
		abs, err := filepath.Abs(f)
		require.NoError(t, err)
		args = append(args, abs)
	}
	if len(drop) > 0 {
		args = append(append(args, "--drop"), drop...)
	}
	cmd := exec.Command("node", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "node: %s", stderr.String())
	var r shaclReport
	require.NoError(t, json.Unmarshal(out, &r), "output: %s", out)
	return r
}

// fullExampleDump writes every format of a dump of the examples.
func fullExampleDump(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, exporttest.Examples(t), export.DumpOptions{}))
	return dir
}

func TestShapesOfExamples(t *testing.T) {
	dir := fullExampleDump(t)
	shapes := filepath.Join(dir, export.ShapesFile)
	data := []string{filepath.Join(dir, "dataset.nt"), filepath.Join(dir, export.CatalogFile)}

	t.Run("conforms", func(t *testing.T) {
		r := validateSHACL(t, []string{shapes}, data, nil)
		assert.True(t, r.Conforms, "violations: %+v", r.Violations)
	})
	// The dataset must conform on its own, without the catalogue (which
	// types the country IRIs): docs/dump.md tells users to check it so,
	// and so does a second toolchain (Jena SHACL) in opendata-check.
	t.Run("dataset alone conforms", func(t *testing.T) {
		r := validateSHACL(t, []string{shapes}, []string{filepath.Join(dir, "dataset.nt")}, nil)
		assert.True(t, r.Conforms, "violations: %+v", r.Violations)
	})
	// A property constraint that SHACL does not know is silently ignored
	// by every engine: a literal where the shapes ask for an IRI must
	// fail, which it did not while the shapes said sh:shapeNodeKind.
	t.Run("node kinds are enforced", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.nt")
		nt, err := os.ReadFile(filepath.Join(dir, "dataset.nt"))
		require.NoError(t, err)
		nt = append(nt, []byte("<https://data.example.org/net/id/efus> <http://schema.org/url> \"not an IRI\" .\n")...)
		require.NoError(t, os.WriteFile(bad, nt, 0o644))
		r := validateSHACL(t, []string{shapes}, []string{bad}, nil)
		require.False(t, r.Conforms)
		found := false
		for _, v := range r.Violations {
			found = found || v.Component == "sh:NodeKindConstraintComponent"
		}
		assert.True(t, found, "a literal schema:url is a node-kind violation: %+v", r.Violations[:min(3, len(r.Violations))])
	})
	tests := []struct {
		name, drop, path, component string
	}{
		{"membership without member", "http://www.w3.org/ns/org#member", "http://www.w3.org/ns/org#member", "sh:MinCountConstraintComponent"},
		{"interval without EDTF", "https://w3id.org/civicnet/ns#edtf", "https://w3id.org/civicnet/ns#edtf", "sh:MinCountConstraintComponent"},
		{"concept without scheme", "http://www.w3.org/2004/02/skos/core#inScheme", "http://www.w3.org/2004/02/skos/core#inScheme", "sh:MinCountConstraintComponent"},
		{"instant without time", "http://www.w3.org/2006/time#inXSDgYear", "", "sh:XoneConstraintComponent"},
		{"role not typed org:Role", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type=http://www.w3.org/ns/org#Role",
			"http://www.w3.org/ns/org#role", "sh:ClassConstraintComponent"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := validateSHACL(t, []string{shapes}, data, []string{tc.drop})
			require.False(t, r.Conforms, "dropping %s leaves the data conforming", tc.drop)
			if tc.component == "" {
				return
			}
			found := false
			for _, v := range r.Violations {
				if v.Component == tc.component && (tc.path == "" || v.Path == tc.path) {
					found = true
				}
			}
			assert.True(t, found, "no %s violation on %s in %+v", tc.component, tc.path, r.Violations[:min(3, len(r.Violations))])
		})
	}
}

// TestCatalogDCATAP checks catalog.ttl against the official DCAT-AP 3
// SHACL shapes (testdata/dcat-ap; README.md there says where from).
func TestCatalogDCATAP(t *testing.T) {
	dir := fullExampleDump(t)
	shapes := []string{filepath.Join("testdata", "dcat-ap", "shapes.ttl"), filepath.Join("testdata", "dcat-ap", "range.ttl")}
	catalog := []string{filepath.Join(dir, export.CatalogFile)}
	t.Run("conforms", func(t *testing.T) {
		r := validateSHACL(t, shapes, catalog, nil)
		assert.True(t, r.Conforms, "violations: %+v", r.Violations)
	})
	for _, drop := range []string{
		"http://www.w3.org/ns/dcat#accessURL",
		"http://purl.org/dc/terms/title",
		"http://www.w3.org/1999/02/22-rdf-syntax-ns#type=http://purl.org/dc/terms/LicenseDocument",
		"http://www.w3.org/1999/02/22-rdf-syntax-ns#type=http://purl.org/dc/terms/MediaType",
	} {
		t.Run("without "+drop, func(t *testing.T) {
			r := validateSHACL(t, shapes, catalog, []string{drop})
			assert.False(t, r.Conforms, "the DCAT-AP shapes accept the catalogue without %s", drop)
		})
	}
}

// readTurtle parses Turtle with knakk/rdf's decoder, a different parser
// from the writer's.
func readTurtle(t *testing.T, r io.Reader) []knakk.Triple {
	t.Helper()
	ts, err := knakk.NewTripleDecoder(r, knakk.Turtle).DecodeAll()
	require.NoError(t, err)
	return ts
}

func TestShapesParseBack(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, shacl.WriteShapes(&buf))
	exporttest.AssertGolden(t, export.ShapesFile, buf.Bytes())
	ts := readTurtle(t, &buf)
	shapes := map[string]bool{}
	for _, tr := range ts {
		if tr.Pred.String() == rdf.NSSHACL+"targetClass" {
			shapes[tr.Obj.String()] = true
		}
	}
	for _, class := range []string{"http://www.w3.org/ns/org#Membership", "http://www.w3.org/ns/org#Organization",
		"https://w3id.org/civicnet/ns#Participation", "http://www.w3.org/2006/time#Interval", "http://www.w3.org/2004/02/skos/core#Concept"} {
		assert.True(t, shapes[class], "a shape targets %s", class)
	}
}

func TestCatalogOfExamples(t *testing.T) {
	dir := exampleDump(t)
	data, err := os.ReadFile(filepath.Join(dir, export.CatalogFile))
	require.NoError(t, err)
	exporttest.AssertGolden(t, export.CatalogFile, data)
	ts := readTurtle(t, bytes.NewReader(data))

	const dumpURL = "https://data.example.org/net/dump/"
	objects := func(s, p string) []string {
		var out []string
		for _, tr := range ts {
			if tr.Subj.String() == s && tr.Pred.String() == p {
				out = append(out, tr.Obj.String())
			}
		}
		return out
	}
	one := func(s, p string) string {
		t.Helper()
		o := objects(s, p)
		require.Len(t, o, 1, "%s %s", s, p)
		return o[0]
	}
	const dataset = "https://data.example.org/net/dataset"
	described := map[string]bool{}
	for _, dist := range objects(dataset, rdf.NSDCAT+"distribution") {
		url := one(dist, rdf.NSDCAT+"downloadURL")
		assert.Equal(t, url, one(dist, rdf.NSDCAT+"accessURL"))
		rel, ok := strings.CutPrefix(url, dumpURL)
		require.True(t, ok, "%s is under the dump URL", url)
		described[rel] = true
		content, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		require.NoError(t, err, "the distribution %s names a file of the dump", rel)
		assert.Equal(t, strconv.Itoa(len(content)), one(dist, rdf.NSDCAT+"byteSize"), "byteSize of %s", rel)
		sum := sha256.Sum256(content)
		checksum := one(dist, rdf.NSSPDX+"checksum")
		assert.Equal(t, hex.EncodeToString(sum[:]), one(checksum, rdf.NSSPDX+"checksumValue"), "checksum of %s", rel)
		assert.Equal(t, rdf.NSSPDX+"checksumAlgorithm_sha256", one(checksum, rdf.NSSPDX+"algorithm"))
	}
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel != export.CatalogFile {
			assert.True(t, described[rel], "%s has a distribution", rel)
		}
		return nil
	})
	require.NoError(t, err)
	assert.False(t, described[export.CatalogFile], "the catalogue does not describe itself")

	period := one(dataset, rdf.NSDCTerms+"temporal")
	assert.Equal(t, "1997", one(period, rdf.NSDCAT+"startDate"), "the earliest start: RTRT, circa 1997")
	assert.Empty(t, objects(period, rdf.NSDCAT+"endDate"), "no end: memberships are ongoing")
	assert.Equal(t, "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
		one("https://data.example.org/net/catalog", rdf.NSDCTerms+"license"))
	assert.Equal(t, "2026-11-01", one(dataset, rdf.NSDCTerms+"issued"))
}

// TestCatalogOfPartialDump checks that a catalogue describes only the
// files of its own export, and names no shapes the dump does not hold.
func TestCatalogOfPartialDump(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, exporttest.Examples(t), export.DumpOptions{
		Formats: []export.Format{export.FormatNTriples, export.FormatCatalog},
	}))
	data, err := os.ReadFile(filepath.Join(dir, export.CatalogFile))
	require.NoError(t, err)
	var dists, conforms []string
	for _, tr := range readTurtle(t, bytes.NewReader(data)) {
		switch tr.Pred.String() {
		case rdf.NSDCAT + "downloadURL":
			dists = append(dists, tr.Obj.String())
		case rdf.NSDCTerms + "conformsTo":
			conforms = append(conforms, tr.Obj.String())
		}
	}
	assert.Equal(t, []string{"https://data.example.org/net/dump/dataset.nt"}, dists)
	assert.Empty(t, conforms, "no shapes.ttl in this dump to conform to")
}
