package site_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	knakk "github.com/knakk/rdf"
	ld "github.com/piprate/json-gold/ld"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/jsonld"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/site"
	"github.com/civicnet/civicnet/model"
)

// buildSite writes the site of ds into a new temporary directory.
func buildSite(t testing.TB, ds *model.Dataset) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, site.Write(context.Background(), dir, ds, site.Options{}))
	return dir
}

var examplesSite string

// examples returns the site of examples/, built once for the tests
// that only read it.
func examples(t *testing.T) string {
	t.Helper()
	if examplesSite == "" {
		dir, err := os.MkdirTemp("", "civicnet-site-")
		require.NoError(t, err)
		require.NoError(t, site.Write(context.Background(), dir, exporttest.Examples(t), site.Options{}))
		examplesSite = dir
	}
	return examplesSite
}

func TestMain(m *testing.M) {
	code := m.Run()
	if examplesSite != "" {
		os.RemoveAll(examplesSite)
	}
	os.Exit(code)
}

// graphKeys returns the triples of an N-Triples text, each serialised
// by knakk/rdf, sorted.
func graphKeys(t testing.TB, data []byte, f knakk.Format) []string {
	t.Helper()
	ts, err := knakk.NewTripleDecoder(bytes.NewReader(data), f).DecodeAll()
	require.NoError(t, err)
	keys := make([]string, len(ts))
	for i, tr := range ts {
		keys[i] = tr.Serialize(knakk.NTriples)
	}
	slices.Sort(keys)
	return keys
}

func datasetKeys(t testing.TB, ds *model.Dataset) []string {
	t.Helper()
	var keys []string
	for _, tr := range exporttest.Triples(t, ds) {
		keys = append(keys, tr.Serialize(knakk.NTriples))
	}
	slices.Sort(keys)
	return keys
}

// offlineLoader serves the embedded context for any URL ending in
// context.jsonld, and nothing else: the tests never use the network.
type offlineLoader struct{}

func (offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	if !strings.HasSuffix(u, "/"+jsonld.ContextFile) {
		return nil, fmt.Errorf("offline: refusing to load %s", u)
	}
	var doc any
	if err := json.Unmarshal(jsonld.Context(), &doc); err != nil {
		return nil, err
	}
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}

// jsonldKeys reads a JSON-LD document with json-gold, as if fetched
// from docURL, and returns its triples as graphKeys does.
func jsonldKeys(t testing.TB, doc []byte, docURL string) []string {
	t.Helper()
	var input any
	require.NoError(t, json.Unmarshal(doc, &input), "JSON of %s", docURL)
	opts := ld.NewJsonLdOptions(docURL)
	opts.DocumentLoader = offlineLoader{}
	opts.ProcessingMode = ld.JsonLd_1_1
	opts.Format = "application/n-quads"
	out, err := ld.NewJsonLdProcessor().ToRDF(input, opts)
	require.NoError(t, err, "ToRDF of %s", docURL)
	return graphKeys(t, []byte(out.(string)), knakk.NTriples)
}

// files returns the paths of the site's files ending in ext.
func files(t testing.TB, dir, ext string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ext) {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	}))
	slices.Sort(out)
	return out
}

func read(t testing.TB, dir, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	require.NoError(t, err)
	return b
}

// The per-document files partition dataset.nt: every triple is in
// exactly one document, and each document's Turtle and JSON-LD hold the
// same triples as its N-Triples.
func TestDocumentsPartitionTheDataset(t *testing.T) {
	ds := exporttest.Examples(t)
	dir := examples(t)
	want := datasetKeys(t, ds)
	var union []string
	for _, nt := range files(t, dir, ".nt") {
		doc := strings.TrimSuffix(nt, ".nt")
		keys := graphKeys(t, read(t, dir, nt), knakk.NTriples)
		require.NotEmpty(t, keys, nt)
		union = append(union, keys...)
		ttl := graphKeys(t, read(t, dir, doc+".ttl"), knakk.Turtle)
		assert.Equal(t, keys, ttl, "%s.ttl and %s differ", doc, nt)
		jl := jsonldKeys(t, read(t, dir, doc+".jsonld"), ds.Info.Base+doc+".jsonld")
		assert.Equal(t, keys, jl, "%s.jsonld and %s differ", doc, nt)
	}
	slices.Sort(union)
	assert.Equal(t, len(want), len(union), "the documents hold %d triples, dataset.nt %d", len(union), len(want))
	assert.Equal(t, want, union, "the union of the documents is not dataset.nt")
}

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// Every page's JSON-LD block parses on its own (inline context) and
// says exactly what the document's files say.
func TestPageJSONLDIsTheDocument(t *testing.T) {
	ds := exporttest.Examples(t)
	dir := examples(t)
	pages := 0
	for _, nt := range files(t, dir, ".nt") {
		doc := strings.TrimSuffix(nt, ".nt")
		page := string(read(t, dir, doc+"/index.html"))
		m := ldScript.FindAllStringSubmatch(page, -1)
		require.Len(t, m, 1, "%s/index.html: JSON-LD blocks", doc)
		assert.NotContains(t, m[0][1], "<", "%s: a < in the script block", doc)
		got := jsonldKeys(t, []byte(m[0][1]), ds.Info.Base+doc+"/")
		assert.Equal(t, graphKeys(t, read(t, dir, nt), knakk.NTriples), got, "%s: the page's JSON-LD", doc)
		pages++
	}
	assert.Greater(t, pages, 100)
}

// Every page is well-formed (XML-strict: every element closed, every
// attribute quoted, no stray &), starts with the HTML5 doctype, has one
// h1 and a language, and every internal link of the site resolves to a
// file; every record page is reachable from the index.
func TestCrawl(t *testing.T) {
	dir := examples(t)
	pages := files(t, dir, ".html")
	links := map[string][]string{}
	for _, p := range pages {
		b := read(t, dir, p)
		require.True(t, bytes.HasPrefix(b, []byte("<!DOCTYPE html>\n<html lang=\"en\">")), "%s: doctype and lang", p)
		assert.Equal(t, 1, bytes.Count(b, []byte("<h1")), "%s: h1 elements", p)
		hrefs, err := pageLinks(b)
		require.NoError(t, err, "%s is not well-formed", p)
		for _, h := range hrefs {
			u, err := url.Parse(h)
			require.NoError(t, err, "%s: link %q", p, h)
			if u.Scheme != "" || u.Host != "" {
				continue // outbound
			}
			target := path.Join(path.Dir(p), u.Path)
			if strings.HasSuffix(u.Path, "/") || u.Path == "" {
				target = path.Join(target, "index.html")
			}
			st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target)))
			if !assert.NoError(t, err, "%s links to %q, which does not resolve", p, h) {
				continue
			}
			assert.False(t, st.IsDir(), "%s links to the directory %q", p, h)
			links[p] = append(links[p], target)
		}
	}
	seen := map[string]bool{"index.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, l := range links[p] {
			if strings.HasSuffix(l, ".html") && !seen[l] {
				seen[l] = true
				queue = append(queue, l)
			}
		}
	}
	for _, p := range pages {
		assert.True(t, seen[p], "%s cannot be reached from the index", p)
	}
}

// pageLinks parses a page strictly and returns its href and src values.
func pageLinks(page []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	d.Entity = map[string]string{} // the five XML entities only
	var out []string
	ids := map[string]bool{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "href", "src":
					out = append(out, a.Value)
				case "id":
					if ids[a.Value] {
						return nil, fmt.Errorf("id %q twice", a.Value)
					}
					ids[a.Value] = true
				}
			}
		}
	}
}

// Two builds of the same records are the same bytes.
func TestDeterministic(t *testing.T) {
	ds := exporttest.Examples(t)
	a, b := buildSite(t, ds), buildSite(t, ds)
	fa, fb := files(t, a, ""), files(t, b, "")
	require.Equal(t, fa, fb)
	for _, f := range fa {
		if !bytes.Equal(read(t, a, f), read(t, b, f)) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

// A page says the record's facts in words, with a link for each
// related record, both ways.
func TestRecordPageSaysTheFacts(t *testing.T) {
	dir := examples(t)
	page := string(read(t, dir, "id/regione-toscana/index.html"))
	for _, want := range []string{
		`<h1 lang="en">Tuscany Region</h1>`,
		`<span lang="it">Regione Toscana</span>`,
		`<a href="../../roles/member/">member</a> of <a href="../../id/efus/">European Forum for Urban Security</a> since 2001`,
		`<a href="https://www.wikidata.org/wiki/Q1273" rel="external">Q1273</a>`,
		`Area: 22,990 km²`,
		`Population: about 3,600,000`,
		`<link rel="alternate" type="text/turtle" href="../regione-toscana.ttl" />`,
	} {
		assert.Contains(t, page, want)
	}
	efus := string(read(t, dir, "id/efus/index.html"))
	assert.Contains(t, efus, `<a href="../../id/regione-toscana/" lang="en">Tuscany Region</a>, <a href="../../roles/member/">member</a> since 2001`)
}

// Names that look like markup stay text, in the page and in its
// JSON-LD block.
func TestPagesEscapeRecords(t *testing.T) {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	ds.Add(&model.Organization{Common: model.Common{ID: "evil", Name: model.Plain("</script><b>bold</b> & \"quotes\" \u2028<!--"),
		Website: "https://example.org/?a=1&b=<2>"}})
	dir := buildSite(t, ds)
	page := read(t, dir, "id/evil/index.html")
	assert.NotContains(t, string(page), "<b>")
	assert.Equal(t, 1, strings.Count(string(page), "</script>"))
	_, err := pageLinks(page)
	require.NoError(t, err)
	m := ldScript.FindSubmatch(page)
	require.NotNil(t, m)
	assert.NotContains(t, string(m[1]), "\u2028", "a raw line separator in the script block")
	assert.NotContains(t, string(m[1]), "<!--")
	keys := jsonldKeys(t, m[1], "https://data.example.org/net/id/evil/")
	assert.Contains(t, strings.Join(keys, "\n"), "\"</script><b>bold</b> & \\\"quotes\\\" \u2028<!--\"",
		"the name, unescaped, in the triples of the block")
}

// With tidy (html-tidy, HTML5) installed, no page has an error or a
// warning.
func TestTidy(t *testing.T) {
	tidy, err := exec.LookPath("tidy")
	if err != nil {
		t.Skip("tidy (Debian package tidy) is not installed: the pages are checked only for well-formedness")
	}
	dir := examples(t)
	pages := files(t, dir, ".html")
	for _, p := range pages {
		out, err := exec.Command(tidy, "-q", "-e", "--warn-proprietary-attributes", "no", filepath.Join(dir, p)).CombinedOutput()
		if err != nil {
			t.Errorf("tidy %s: %v\n%s", p, err, out)
		}
	}
}

// A file in the way is an error naming it, not a file overwritten: the
// writer creates each file exclusively.
func TestWriteRefusesExistingFiles(t *testing.T) {
	ds := exporttest.Examples(t)

	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "id"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "id", "efus.ttl"), []byte("mine"), 0o644))
	err := site.Write(context.Background(), dir, ds, site.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "id/efus.ttl exists already")
	mine, rerr := os.ReadFile(filepath.Join(dir, "id", "efus.ttl"))
	require.NoError(t, rerr)
	assert.Equal(t, "mine", string(mine), "the file in the way is kept")

	// A file where a directory goes.
	dir = t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "id"), []byte("mine"), 0o644))
	err = site.Write(context.Background(), dir, ds, site.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "id")
}

// A mapping made beforehand (for the dump beside the site) gives the
// same site; the mapping of another dataset is refused before anything
// is written.
func TestWriteWithAMappingMadeBefore(t *testing.T) {
	ds := exporttest.Examples(t)
	m, err := rdf.NewMapper(ds)
	require.NoError(t, err)
	with := t.TempDir()
	require.NoError(t, site.Write(context.Background(), with, ds, site.Options{Mapping: m}))
	without := buildSite(t, ds)
	fw, fo := files(t, with, ""), files(t, without, "")
	require.Equal(t, fo, fw)
	for _, f := range fw {
		if !bytes.Equal(read(t, with, f), read(t, without, f)) {
			t.Errorf("%s differs with the mapping made before", f)
		}
	}

	dir := t.TempDir()
	err = site.Write(context.Background(), dir, exporttest.Examples(t), site.Options{Mapping: m})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "another dataset")
	entries, rerr := os.ReadDir(dir)
	require.NoError(t, rerr)
	assert.Empty(t, entries, "nothing is written")
}
