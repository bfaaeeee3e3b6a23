package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	knakk "github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/csvw"
	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/validate"
)

// injectionStrings are texts built to break out of a literal, a cell or a
// document, or to be run by the program that opens them. Each is one
// that validation lets through: tab, CR and LF are the only control
// characters it allows, and "|" is kept out of the items of multi-valued
// fields (it is their CSV separator), so a string holding one goes only
// into single-valued fields.
var injectionStrings = []struct{ name, s string }{
	{"double quotes", `say "hi" and ""`},
	{"backslashes", `C:\new\table \u0041 \\ \"`},
	{"ends with a backslash", `ends with \`},
	{"ends with a quote", `ends with "`},
	{"newline", "line one\nline two\n"},
	{"CRLF", "windows\r\nline"},
	{"lone CR", "old mac\rline"},
	{"triple double quotes", `"""`},
	{"triple double quotes inside", `a """ b "" c"`},
	{"triple single quotes", `'''`},
	{"single quotes", `it's 'quoted'`},
	{"greater than", "a > b >> c"},
	{"IRI syntax", "<http://evil.example/> <http://evil.example/p> <http://evil.example/o> ."},
	{"script tag", `<script>alert("x")</script>`},
	{"statement break-out", `" . <http://evil.example/s> <http://evil.example/p> "o`},
	{"turtle comment and prefix", "# @prefix x: <http://evil.example/> ."},
	{"JSON break-out", `"}, {"@id": "http://evil.example/"}, {"x": "`},
	{"JSON-LD keyword", "@context"},
	{"tab", "col1\tcol2"},
	{"leading tab", "\tindented"},
	{"right-to-left mark", "abc\u200fdef"},
	{"right-to-left override", "\u202eexe.txt"},
	{"line and paragraph separators", "a\u2028b\u2029c"},
	{"byte order mark", "\ufeffstart"},
	{"emoji", "grinning \U0001F600 face \U0001F1EE\U0001F1F9"},
	{"mathematical fraktur", "\U0001D518\U0001D52B\U0001D526"},
	{"combining marks", "Citta\u0300 e\u0301"},
	{"formula =", `=HYPERLINK("http://x")`},
	{"formula +", `+cmd|' /C calc'!A0`},
	{"formula @", "@SUM(1)"},
	{"formula -", "-2+3"},
	{"formula after apostrophe", "'=1+1"},
	{"plain negative number", "-12.5"},
	{"leading zeros", "00123"},
	{"comma and semicolon", "a, b; c"},
}

const injectionBase = "https://data.example.org/net/"

// injectionDataset puts s into every text field named by the issue:
// names (plain and tagged), alternative names, descriptions, topics,
// participant groups, an address, a source title, and the dataset's
// title, description and keywords.
func injectionDataset(s string) *model.Dataset {
	multi := func(items ...string) []string {
		if strings.Contains(s, "|") {
			return nil
		}
		return items
	}
	info := model.DatasetInfo{Base: injectionBase, Language: "en", Title: s, Description: s,
		Keywords: multi(s), License: "CC-BY-4.0"}
	ds := model.NewDataset(info)
	var alt []model.Text
	if !strings.Contains(s, "|") {
		alt = []model.Text{model.Plain("alt " + s)}
	}
	during, _ := model.ParseInterval("2020-05-04")
	ds.Add(
		&model.Organization{Common: model.Common{ID: "org", Name: model.Text{{Value: s}, {Lang: "it", Value: s}},
			AltNames: alt, Description: model.Plain(s), Topics: multi(s), Sources: []*model.Source{{Title: s}}},
			Type: "network", Place: "venue"},
		&model.Place{Common: model.Common{ID: "venue", Name: model.Plain("venue " + s), Sources: []*model.Source{{Title: "t"}}},
			Type: "venue", Address: s, Country: "IT"},
		&model.Event{Common: model.Common{ID: "event", Name: model.Plain(s), Sources: []*model.Source{{Title: "t"}}},
			Type: "workshop", Date: during, Location: &model.Location{Place: "venue"}, ParticipantGroups: multi(s),
			Organizers: []string{"org"}},
	)
	return ds
}

// TestInjection writes a dump of a dataset holding each nasty string and
// reads every format back: RDF literals equal the input, JSON-LD strings
// round-trip, CSV cells equal the input once unguarded (line breaks as
// LF), and the catalogue still parses.
func TestInjection(t *testing.T) {
	rapper, _ := exec.LookPath("rapper")
	for _, tc := range injectionStrings {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s
			ds := injectionDataset(s)
			diags := validate.Validate(ds, nil)
			require.False(t, diags.HasErrors(), "validation must allow %q: %v", s, diags)
			dir := filepath.Join(t.TempDir(), "dump")
			require.NoError(t, export.WriteDump(context.Background(), dir, ds, export.DumpOptions{}))

			id := func(local string) string { return injectionBase + "id/" + local }
			want := []struct{ subject, predicate, value string }{
				{id("org"), "http://www.w3.org/2004/02/skos/core#prefLabel", s},
				{id("org"), "http://schema.org/name", s},
				{id("org"), "http://purl.org/dc/terms/description", s},
				{id("venue") + "#address", "http://schema.org/streetAddress", s},
				{id("event"), "http://schema.org/name", s},
			}
			if !strings.Contains(s, "|") {
				want = append(want,
					struct{ subject, predicate, value string }{id("org"), "http://www.w3.org/2004/02/skos/core#altLabel", "alt " + s},
					struct{ subject, predicate, value string }{id("event"), "https://w3id.org/civicnet/ns#participantGroup", s})
			}

			graphs := map[string][]knakk.Triple{}
			for _, f := range []struct {
				file   string
				format knakk.Format
			}{{"dataset.nt", knakk.NTriples}, {"dataset.ttl", knakk.Turtle}} {
				data := readDumpFile(t, dir, f.file)
				ts, err := knakk.NewTripleDecoder(bytes.NewReader(data), f.format).DecodeAll()
				require.NoError(t, err, "%s does not parse:\n%s", f.file, data)
				graphs[f.file] = ts
				for _, w := range want {
					assert.Contains(t, literalValues(ts, w.subject, w.predicate), w.value, "%s: <%s> <%s>", f.file, w.subject, w.predicate)
				}
				if !strings.Contains(s, "|") {
					topics := objectsOf(ts, id("org"), "http://purl.org/dc/terms/subject")
					require.Len(t, topics, 1, "%s: one topic", f.file)
					assert.Equal(t, []string{s}, literalValues(ts, topics[0], "http://www.w3.org/2004/02/skos/core#prefLabel"), "%s: the topic's label", f.file)
				}
			}
			nt, err := decodeGraph(t, readDumpFile(t, dir, "dataset.nt"), knakk.NTriples)
			require.NoError(t, err)
			ttl, err := decodeGraph(t, readDumpFile(t, dir, "dataset.ttl"), knakk.Turtle)
			require.NoError(t, err)
			assert.Equal(t, nt, ttl, "Turtle and N-Triples hold the same graph")

			t.Run("json-ld", func(t *testing.T) {
				doc := readDumpFile(t, dir, "dataset.jsonld")
				require.True(t, json.Valid(doc), "dataset.jsonld is JSON")
				var parsed struct {
					Graph []map[string]any `json:"@graph"`
				}
				require.NoError(t, json.Unmarshal(doc, &parsed))
				strs := map[string][]string{}
				for _, node := range parsed.Graph {
					nodeID, _ := node["id"].(string)
					strs[nodeID] = jsonStrings(node, strs[nodeID])
				}
				for _, w := range want {
					assert.Contains(t, strs[w.subject], w.value, "the JSON-LD node %s holds the string", w.subject)
				}
				got, err := jsonldGraph(t, doc)
				require.NoError(t, err)
				assert.Equal(t, nt, got, "json-gold reads the N-Triples graph from dataset.jsonld")
			})

			t.Run("csv", func(t *testing.T) {
				cells := func(table, rowID string) map[string]string {
					header, rows := exporttest.ReadCSV(t, readDumpFile(t, dir, filepath.Join("csv", table+".csv")))
					i := slices.IndexFunc(rows, func(r []string) bool { return r[0] == rowID })
					require.GreaterOrEqual(t, i, 0, "%s.csv has a row %s", table, rowID)
					m := map[string]string{}
					for j, h := range header {
						m[h] = rows[i][j]
					}
					return m
				}
				lf := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
				check := func(table, rowID string, columns ...string) {
					row := cells(table, rowID)
					for _, c := range columns {
						cell, ok := row[c]
						require.True(t, ok, "%s.csv has a column %s", table, c)
						assert.False(t, exporttest.FormulaLike(cell), "%s.csv %s: %q could run as a formula", table, c, cell)
						want := lf
						if c == "alt_names" {
							want = "alt " + lf
						}
						assert.Equal(t, want, csvw.UnguardCell(cell), "%s.csv %s", table, c)
					}
				}
				check("organizations", "org", "name", "name_it", "description")
				check("places", "venue", "address")
				check("events", "event", "name")
				if !strings.Contains(s, "|") {
					check("organizations", "org", "alt_names", "topics")
					check("events", "event", "participant_groups")
				}
				for _, table := range csvw.Tables() {
					data := readDumpFile(t, dir, filepath.Join("csv", table+".csv"))
					assert.NotContains(t, strings.ReplaceAll(string(data), "\r\n", ""), "\r", "%s.csv: no bare CR", table)
				}
			})

			t.Run("catalog", func(t *testing.T) {
				data := readDumpFile(t, dir, "catalog.ttl")
				ts, err := knakk.NewTripleDecoder(bytes.NewReader(data), knakk.Turtle).DecodeAll()
				require.NoError(t, err, "catalog.ttl does not parse:\n%s", data)
				dataset := injectionBase + "dataset"
				assert.Equal(t, []string{s}, literalValues(ts, dataset, "http://purl.org/dc/terms/title"))
				assert.Equal(t, []string{s}, literalValues(ts, dataset, "http://purl.org/dc/terms/description"))
				if !strings.Contains(s, "|") {
					assert.Equal(t, []string{s}, literalValues(ts, dataset, "http://www.w3.org/ns/dcat#keyword"))
				}
			})

			if rapper == "" {
				return // TestRapperCountsTheSameTriples says rapper is missing
			}
			count := regexp.MustCompile(`Parsing returned (\d+) triples`)
			for _, f := range []struct{ file, syntax string }{
				{"dataset.nt", "ntriples"}, {"dataset.ttl", "turtle"}, {"catalog.ttl", "turtle"},
			} {
				out, err := exec.Command(rapper, "-i", f.syntax, "-c", filepath.Join(dir, f.file)).CombinedOutput()
				require.NoError(t, err, "rapper -i %s -c %s:\n%s", f.syntax, f.file, out)
				assert.NotContains(t, string(out), "rapper: Error", f.file)
				assert.NotContains(t, string(out), "rapper: Warning", f.file)
				if ts, ok := graphs[f.file]; ok {
					m := count.FindStringSubmatch(string(out))
					require.NotNil(t, m, "rapper output:\n%s", out)
					assert.Equal(t, strconv.Itoa(len(ts)), m[1], "rapper -c %s counts the triples knakk/rdf read", f.file)
				}
			}
		})
	}
}

func readDumpFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	require.NoError(t, err)
	return data
}

// literalValues returns the values of the literals of subject's
// predicate, whatever their language or datatype.
func literalValues(ts []knakk.Triple, subject, predicate string) []string {
	var out []string
	for _, o := range objectsOfTerm(ts, subject, predicate) {
		if l, ok := o.(knakk.Literal); ok {
			out = append(out, l.String())
		}
	}
	return out
}

// objectsOf returns the IRIs of subject's predicate.
func objectsOf(ts []knakk.Triple, subject, predicate string) []string {
	var out []string
	for _, o := range objectsOfTerm(ts, subject, predicate) {
		if iri, ok := o.(knakk.IRI); ok {
			out = append(out, iri.String())
		}
	}
	return out
}

func objectsOfTerm(ts []knakk.Triple, subject, predicate string) []knakk.Object {
	var out []knakk.Object
	for _, tr := range ts {
		if tr.Subj.String() == subject && tr.Pred.String() == predicate {
			out = append(out, tr.Obj)
		}
	}
	return out
}

// jsonStrings appends every string held anywhere in v.
func jsonStrings(v any, out []string) []string {
	switch v := v.(type) {
	case string:
		out = append(out, v)
	case []any:
		for _, x := range v {
			out = jsonStrings(x, out)
		}
	case map[string]any:
		for _, x := range v {
			out = jsonStrings(x, out)
		}
	}
	return out
}
