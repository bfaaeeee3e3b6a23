package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	knakk "github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/csvw"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

// pipelineBase is the base IRI the whole-path fuzz target exports with,
// as "civicnet export --base" would; FuzzCheckBase varies the base.
const pipelineBase = "https://fuzz.example.org/net/"

// FuzzLoadValidateExport runs what "civicnet export" runs, from bytes: a
// civicnet.yaml and one record file (YAML or JSON) are loaded, validated
// and, when they hold no errors, written as a whole dump. Whatever the
// input, nothing panics; records that validate always export; and the
// dump reads back: N-Triples, Turtle (knakk/rdf) and JSON-LD (json-gold)
// give the graph the mapping made, the catalogue parses, every CSV table
// parses strictly with one row per record of its kind, and the CSVW
// metadata is JSON. Seeds are the examples (each file, and all of them as
// one YAML stream) and the bad-input corpus of the validate package.
func FuzzLoadValidateExport(f *testing.F) {
	info, err := fs.ReadFile(examples.FS(), model.DatasetFile)
	require.NoError(f, err)
	var all bytes.Buffer
	err = fs.WalkDir(examples.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !recordfile.IsRecordFile(p) || p == model.DatasetFile {
			return err
		}
		data, err := fs.ReadFile(examples.FS(), p)
		if err != nil {
			return err
		}
		f.Add(info, data, strings.HasSuffix(p, ".json"))
		all.WriteString("---\n")
		all.Write(data) // JSON is YAML too
		all.WriteString("\n")
		return nil
	})
	require.NoError(f, err)
	f.Add(info, all.Bytes(), false)
	f.Add([]byte("title: \"\\\"\\\"\\\" <script>\"\nkeywords: [\"=1+1\", \"\\u202e\"]\ncontact: \"a{b}@example.org\"\n"),
		[]byte("kind: organization\nid: o\nname: {en: \"Q \\\"\\\\ \\r\\n\", it: \"\\U0001d518\"}\nsources: [{title: t}]\n"), false)
	f.Add([]byte("{}"), []byte(`[{"kind": "event", "id": "e", "name": "E\t=1", "date": "2006-11-02/2006-11-04", "location": {"city": "Zaragoza", "country": "ES"}, "participant_groups": ["'''", "\"\"\""], "sources": [{"title": "t"}]}]`), true)

	corpus := filepath.Join("..", "validate", "testdata", "bad")
	entries, err := os.ReadDir(corpus)
	require.NoError(f, err)
	for _, e := range entries {
		infoData, records := []byte(nil), []byte(nil)
		err := filepath.WalkDir(filepath.Join(corpus, e.Name()), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			if filepath.Base(p) == model.DatasetFile {
				infoData = data
			} else {
				records = append(append(records, "---\n"...), data...)
			}
			return nil
		})
		require.NoError(f, err)
		if !e.IsDir() {
			records = bytes.TrimPrefix(records, []byte("---\n"))
		}
		f.Add(infoData, records, strings.HasSuffix(e.Name(), ".json"))
	}

	f.Fuzz(func(t *testing.T, info, records []byte, asJSON bool) {
		name := "records.yaml"
		if asJSON {
			name = "records.json"
		}
		fsys := fstest.MapFS{name: {Data: records}}
		if info != nil {
			fsys[model.DatasetFile] = &fstest.MapFile{Data: info}
		}
		ds, problems := recordfile.LoadFS(fsys, recordfile.Options{Base: pipelineBase})
		diags := validate.Validate(ds, problems)
		if diags.HasErrors() {
			return
		}
		dir := filepath.Join(t.TempDir(), "dump")
		err := export.WriteDump(context.Background(), dir, ds, export.DumpOptions{})
		require.NoError(t, err, "records that validate must export")
		checkDump(t, dir, ds)
	})
}

// FuzzCheckBase: a base that CheckBase accepts makes a dump whose RDF
// reads back; one it refuses makes WriteDump fail with the same error
// before anything is written.
func FuzzCheckBase(f *testing.F) {
	for _, s := range []string{
		"https://data.example.org/net/", "http://x.example/", "HTTPS://X.EXAMPLE/", "https://x.example/a b/",
		"https://x.example/\n/", "https://x.example/\t/", "https://x.example/\x7f/", "https://x.example/\u0085/",
		"https://x.example/é/", "https://x.example/%zz/", "https:///", "https://x.example/\xff/",
		"https://x.example/\u202e/", "https://x.example/a#b/", "ftp://x/", "https://x.example/net",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, base string) {
		ds := model.NewDataset(model.DatasetInfo{Base: base, Language: "en"})
		ds.Add(&model.Organization{Common: model.Common{ID: "efus", Name: model.Plain("Efus")},
			Memberships: []*model.Membership{{Organization: "efus-network"}}})
		ds.Add(&model.Organization{Common: model.Common{ID: "efus-network", Name: model.Plain("Network"), Topics: []string{"urban security"}}})
		dir := filepath.Join(t.TempDir(), "dump")
		formats := []export.Format{export.FormatTurtle, export.FormatNTriples, export.FormatJSONLD, export.FormatCatalog}
		err := export.WriteDump(context.Background(), dir, ds, export.DumpOptions{Formats: formats})
		if checkErr := model.CheckBase(base); checkErr != nil {
			require.EqualError(t, err, checkErr.Error())
			require.NoDirExists(t, dir)
			return
		}
		require.NoError(t, err, "CheckBase accepts %q", base)
		checkRDF(t, dir, ds)
		_, err = readTurtleFile(t, dir, "catalog.ttl")
		require.NoError(t, err, "catalog.ttl")
	})
}

// checkDump reads back every part of a dump of ds.
func checkDump(t *testing.T, dir string, ds *model.Dataset) {
	t.Helper()
	checkRDF(t, dir, ds)
	for _, name := range []string{"catalog.ttl", export.ShapesFile} {
		_, err := readTurtleFile(t, dir, name)
		require.NoError(t, err, name)
	}
	md, err := os.ReadFile(filepath.Join(dir, "csv", csvw.MetadataFile))
	require.NoError(t, err)
	require.True(t, json.Valid(md), "csv-metadata.json is JSON")
	kinds := map[string]model.Kind{
		"regions": model.KindRegion, "organizations": model.KindOrganization, "people": model.KindPerson,
		"projects": model.KindProject, "events": model.KindEvent, "places": model.KindPlace,
		"memberships": model.KindMembership, "participations": model.KindParticipation, "legislation": model.KindLegislation,
	}
	for _, table := range csvw.Tables() {
		data, err := os.ReadFile(filepath.Join(dir, "csv", table+".csv"))
		require.NoError(t, err)
		require.NotContains(t, strings.ReplaceAll(string(data), "\r\n", ""), "\r", "%s.csv: no bare CR", table)
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		require.NoError(t, err, "%s.csv parses strictly", table)
		var want []string
		for _, r := range ds.Records {
			if r.Kind() == kinds[table] && !slices.Contains(want, r.Base().ID) {
				want = append(want, r.Base().ID)
			}
		}
		var got []string
		for _, row := range rows[1:] {
			got = append(got, row[0])
		}
		slices.Sort(want)
		assert.Equal(t, want, got, "%s.csv: one row per record, sorted by id", table)
	}
}

// checkRDF reads the dump's N-Triples and Turtle with knakk/rdf and its
// JSON-LD with json-gold: each must be the graph the mapping makes of ds.
func checkRDF(t *testing.T, dir string, ds *model.Dataset) {
	t.Helper()
	want := mappedGraph(t, ds)
	for _, tc := range []struct {
		file string
		read func([]byte) ([]string, error)
	}{
		{"dataset.nt", func(b []byte) ([]string, error) { return decodeGraph(t, b, knakk.NTriples) }},
		{"dataset.ttl", func(b []byte) ([]string, error) { return decodeGraph(t, b, knakk.Turtle) }},
		{"dataset.jsonld", func(b []byte) ([]string, error) { return jsonldGraph(t, b) }},
	} {
		data, err := os.ReadFile(filepath.Join(dir, tc.file))
		require.NoError(t, err)
		got, err := tc.read(data)
		require.NoError(t, err, "%s does not parse:\n%s", tc.file, data)
		if tc.file == "dataset.jsonld" {
			require.Equal(t, jsonGoldView(want), got, "%s reads back to another graph", tc.file)
			continue
		}
		require.Equal(t, want, got, "%s reads back to another graph", tc.file)
	}
}

// jsonGoldView is the graph keys as json-gold reads them: it drops every
// triple with an http(s) IRI that its URL check (taken from
// govalidator, stricter than RFC 3987) refuses, such as one longer than
// 2082 characters or with a host like "a_b".
func jsonGoldView(keys []string) []string {
	var out []string
	for _, k := range keys {
		ok := true
		rest := k
		for range 3 {
			if !strings.HasPrefix(rest, "<") {
				break // a literal, always last
			}
			end := strings.Index(rest, ">")
			if iri := rest[1:end]; (strings.HasPrefix(iri, "http://") || strings.HasPrefix(iri, "https://")) && !ld.IsURL(iri) {
				ok = false
			}
			rest = strings.TrimPrefix(rest[end+1:], " ")
		}
		if ok {
			out = append(out, k)
		}
	}
	return out
}

// readTurtleFile parses the Turtle file name of a dump with knakk/knakk.
func readTurtleFile(t *testing.T, dir, name string) ([]string, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, path.Clean(name)))
	require.NoError(t, err)
	return decodeGraph(t, data, knakk.Turtle)
}
