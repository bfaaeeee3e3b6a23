package recordfile_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

// compileRecordSchema compiles the generated schema with format
// assertions on; ptr selects a definition ("#/definitions/dataset").
func compileRecordSchema(t *testing.T, ptr string) *jsonschema.Schema {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, recordfile.WriteSchema(&buf))
	doc, err := jsonschema.UnmarshalJSON(&buf)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(recordfile.SchemaID, doc))
	s, err := c.Compile(recordfile.SchemaID + ptr)
	require.NoError(t, err)
	return s
}

// yamlDocuments reads every document of a YAML or JSON file as the
// values a JSON parser would give, as an editor's language server sees
// them (YAML 1.2: 2008 is a number, 2008-06 a string).
func yamlDocuments(t *testing.T, data []byte) []any {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []any
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			require.ErrorContains(t, err, "EOF")
			return docs
		}
		docs = append(docs, yamlValue(n.Content[0]))
	}
}

func yamlValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return yamlValue(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = yamlValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, yamlValue(c))
		}
		return l
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int", "!!float":
		return json.Number(n.Value)
	}
	return n.Value
}

func TestRecordSchemaAcceptsExamples(t *testing.T) {
	records := compileRecordSchema(t, "")
	dataset := compileRecordSchema(t, "#/definitions/dataset")
	n := 0
	err := fs.WalkDir(examples.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		require.NoError(t, err)
		if d.IsDir() || !recordfile.IsRecordFile(p) {
			return nil
		}
		data, err := fs.ReadFile(examples.FS(), p)
		require.NoError(t, err)
		s := records
		if p == model.DatasetFile {
			s = dataset
		}
		for i, doc := range yamlDocuments(t, data) {
			n++
			assert.NoError(t, s.Validate(doc), "%s, document %d", p, i+1)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, n, 20, "example documents checked")
}

func TestRecordSchemaRejectsBadRecords(t *testing.T) {
	s := compileRecordSchema(t, "")
	tests := []struct {
		name, record string
	}{
		{"no kind", `{id: x, name: X}`},
		{"unknown kind", `{kind: city, id: x, name: X}`},
		{"missing id", `{kind: organization, name: X}`},
		{"missing name", `{kind: person, id: x}`},
		{"bad id", `{kind: organization, id: Regione_Toscana, name: X}`},
		{"unknown field", `{kind: organization, id: x, name: X, homepage: "https://x.org/"}`},
		{"field of another kind", `{kind: person, id: x, name: X, area_km2: 3}`},
		{"bad language tag", `{kind: place, id: x, name: {"it it": Roma}}`},
		{"name a list", `{kind: place, id: x, name: [Roma]}`},
		{"bad date", `{kind: project, id: x, name: X, during: 2008-7-1}`},
		{"date with time", `{kind: event, id: x, name: X, date: "2008-07-01T10:00"}`},
		{"bad quantity", `{kind: region, id: x, name: X, population: about 3.6 million}`},
		{"bad qualifier", `{kind: region, id: x, name: X, population: {value: 3, qualifier: roughly}}`},
		{"quantity without value", `{kind: region, id: x, name: X, population: {qualifier: approximate}}`},
		{"bad country", `{kind: organization, id: x, name: X, country: ITA}`},
		{"relative website", `{kind: organization, id: x, name: X, website: www.example.org}`},
		{"bad email", `{kind: organization, id: x, name: X, email: not-an-address}`},
		{"pipe in topic", `{kind: project, id: x, name: X, topics: ["a|b"]}`},
		{"bad wikidata", `{kind: place, id: x, name: X, identifiers: {wikidata: 1273}}`},
		{"membership without organization", `{kind: membership, member: x}`},
		{"nested membership repeats member", `{kind: person, id: x, name: X, memberships: [{member: x, organization: y}]}`},
		{"nested membership without organization", `{kind: person, id: x, name: X, memberships: [{role: member}]}`},
		{"event participant without agent", `{kind: event, id: x, name: X, participants: [{role: attendee}]}`},
		{"location with venue only", `{kind: event, id: x, name: X, location: {venue: Palazzo}}`},
		{"bad share", `{kind: project, id: x, name: X, funding: [{funder: y, share: half}]}`},
		{"source without title or url", `{kind: place, id: x, name: X, sources: [{publisher: y}]}`},
		{"list with a bad record", `[{kind: place, id: x, name: X}, {kind: place, id: y}]`},
		{"edition zero", `{kind: event, id: x, name: X, edition: 0}`},
		{"not a record", `just text`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := yamlDocuments(t, []byte(tc.record))
			require.Len(t, docs, 1)
			assert.Error(t, s.Validate(docs[0]), "Validate(%s)", tc.record)
		})
	}
}

func TestRecordSchemaAcceptsRecordForms(t *testing.T) {
	s := compileRecordSchema(t, "")
	tests := []struct {
		name, record string
	}{
		{"$schema key", `{"$schema": "https://data.example.org/net/dump/records.schema.json", kind: place, id: x, name: X}`},
		{"language map", `{kind: region, id: x, name: {it: Regione Toscana, en: Tuscany Region}}`},
		{"year as number", `{kind: project, id: x, name: X, during: 2008}`},
		{"open interval", `{kind: project, id: x, name: X, during: 1997~/..}`},
		{"open start", `{kind: project, id: x, name: X, during: ../2004}`},
		{"quantity number", `{kind: region, id: x, name: X, area_km2: 22990.5}`},
		{"inline capital", `{kind: region, id: x, name: X, capital: {name: Firenze, type: city}}`},
		{"membership with generated id", `{kind: membership, member: x, organization: y, role: Commander, during: 2001/..}`},
		{"numeric identifier", `{kind: place, id: x, name: X, identifiers: {geonames: 3165361, pic: 999999999}}`},
		{"list of records", `[{kind: place, id: x, name: X}, {kind: person, id: y, name: Y}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := yamlDocuments(t, []byte(tc.record))
			require.Len(t, docs, 1)
			assert.NoError(t, s.Validate(docs[0]), "Validate(%s)", tc.record)
		})
	}
}

// TestRecordSchemaNestedFields checks the nested objects the schema
// describes against the fields the decoder reads, which it lists when it
// meets an unknown one.
func TestRecordSchemaNestedFields(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, recordfile.WriteSchema(&buf))
	var schema struct {
		Definitions map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"definitions"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &schema))
	fieldList := regexp.MustCompile(`fields are: (.*)$`)
	tests := []struct {
		def, record string
	}{
		{"source", `{kind: place, id: x, name: X, sources: [{zzzzzzzzzz: 1}]}`},
		{"heritageSite", `{kind: region, id: x, name: X, heritage_sites: [{zzzzzzzzzz: 1}]}`},
		{"funding", `{kind: project, id: x, name: X, funding: [{zzzzzzzzzz: 1}]}`},
		{"namedQuantity", `{kind: project, id: x, name: X, quantities: [{zzzzzzzzzz: 1}]}`},
		{"location", `{kind: event, id: x, name: X, location: {zzzzzzzzzz: 1}}`},
		{"dataset", `{zzzzzzzzzz: 1}`},
	}
	for _, tc := range tests {
		t.Run(tc.def, func(t *testing.T) {
			name := "records.yaml"
			if tc.def == "dataset" {
				name = model.DatasetFile
			}
			_, problems := recordfile.LoadFS(fsWith(name, tc.record), recordfile.Options{})
			var fields []string
			for _, p := range problems {
				if m := fieldList.FindStringSubmatch(p.Detail); p.Code == "unknown-field" && m != nil {
					fields = strings.Split(m[1], ", ")
				}
			}
			require.NotEmpty(t, fields, "problems: %v", problems)
			var props []string
			for k := range schema.Definitions[tc.def].Properties {
				props = append(props, k)
			}
			slices.Sort(fields)
			slices.Sort(props)
			assert.Equal(t, fields, props)
		})
	}
}

// fsWith is a file system holding one file.
func fsWith(name, content string) fs.FS {
	return fstest.MapFS{name: &fstest.MapFile{Data: []byte(content)}}
}
