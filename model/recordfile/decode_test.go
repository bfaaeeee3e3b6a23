package recordfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/civicnet/civicnet/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeString decodes src as the file name and fails the test on nothing.
func decodeString(t *testing.T, name, src string) (*model.Dataset, []model.Problem) {
	t.Helper()
	return Decode(strings.NewReader(src), name, Options{Base: "https://data.example.org/net/"})
}

// checked is what the model reports on a record set: the decoder's
// problems and the CheckRecord errors of every record, sorted by
// position, as validate combines them.
func checked(ds *model.Dataset, problems []model.Problem) []model.Problem {
	out := append([]model.Problem(nil), problems...)
	for _, r := range ds.Records {
		for _, fe := range model.CheckRecord(r) {
			out = append(out, model.Problem{Pos: fe.Pos, Code: fe.Code, Summary: fieldSummary(fe)})
		}
	}
	slices.SortStableFunc(out, func(a, b model.Problem) int {
		if a.Pos.Before(b.Pos) {
			return -1
		}
		if b.Pos.Before(a.Pos) {
			return 1
		}
		return 0
	})
	return out
}

func fieldSummary(fe model.FieldError) string {
	var ve *model.ValueError
	if errors.As(fe.Err, &ve) {
		return ve.Text()
	}
	var de *model.DateError
	if errors.As(fe.Err, &de) {
		return fe.Field + ": " + de.Msg
	}
	return fe.Error()
}

func codes(ps []model.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}

func TestDecodePositions(t *testing.T) {
	src := `kind: region
id: regione-toscana
name: {it: Regione Toscana, en: Tuscany Region}
alt_names:
  - Tuscany
  - Toscana
identifiers:
  wikidata: Q1273
memberships:
  - organization: efus
    during: 2001/..
`
	ds, problems := decodeString(t, "r.yaml", src)
	require.Empty(t, problems)
	r, ok := ds.Lookup("regione-toscana").(*model.Region)
	require.True(t, ok, "Lookup(regione-toscana) = %T, want *Region", ds.Lookup("regione-toscana"))

	tests := []struct {
		name string
		got  model.Pos
		want string
	}{
		{"record", r.Pos(), "r.yaml:1:1"},
		{"id key", r.KeyPos("id"), "r.yaml:2:1"},
		{"id value", r.ValuePos("id"), "r.yaml:2:5"},
		{"name.en value", r.ValuePos("name.en"), "r.yaml:3:33"},
		{"alt_names[1]", r.ItemPos("alt_names", 1), "r.yaml:6:5"},
		{"identifiers.wikidata", r.ValuePos("identifiers.wikidata"), "r.yaml:8:13"},
		{"unwritten key falls back to record", r.KeyPos("website"), "r.yaml:1:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.got.String())
		})
	}

	ms := ds.Memberships()
	require.Len(t, ms, 1)
	assert.Equal(t, "regione-toscana", ms[0].Member, "nested membership gets its member")
	assert.Equal(t, "r.yaml:10:5", ms[0].KeyPos("organization").String())
	assert.Equal(t, "r.yaml:10:19", ms[0].ValuePos("organization").String())
	assert.Equal(t, "r.yaml:11:13", ms[0].ValuePos("during").String())
	assert.True(t, ms[0].Generated)
}

func TestDecodeColumnsCountCodePoints(t *testing.T) {
	// "Città" has one two-byte code point: the id that follows it on the
	// same line starts at code point 24, byte 25.
	src := `{kind: place, name: Città, id: BAD}`
	ds, problems := decodeString(t, "p.yaml", src)
	require.Empty(t, problems)
	assert.Equal(t, "p.yaml:1:32", ds.Records[0].Base().ValuePos("id").String())

	json := `{"kind": "place", "name": "Città", "id": "x"}`
	ds, problems = decodeString(t, "p.json", json)
	require.Empty(t, problems)
	assert.Equal(t, "p.json:1:42", ds.Records[0].Base().ValuePos("id").String())
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // "pos code summary" prefixes, in order
	}{
		{
			name: "duplicate key in YAML",
			file: "d.yaml",
			src:  "kind: organization\nid: efus\nname: A\nname: B\n",
			want: []string{`d.yaml:4:1 duplicate-key key "name" appears twice in organization`},
		},
		{
			name: "duplicate key in JSON",
			file: "d.json",
			src:  `{"kind": "organization", "id": "efus", "name": "A",` + "\n" + ` "name": "B"}`,
			want: []string{`d.json:2:2 duplicate-key key "name" appears twice in organization`},
		},
		{
			name: "duplicate language in a name",
			file: "l.yaml",
			src:  "kind: organization\nid: efus\nname: {en: A, en: B}\n",
			want: []string{`l.yaml:3:15 duplicate-key key "en" appears twice in name`},
		},
		{
			name: "several problems at once",
			file: "m.yaml",
			src:  "kind: organization\nid: efus\nnmae: Efus\nwebsite: [a, b]\nmemberships:\n  - organization: x\n    during: 2011/2008\n",
			want: []string{
				`m.yaml:3:1 unknown-field unknown field "nmae" in organization`,
				`m.yaml:4:10 wrong-type website must be a string, not a list`,
				`m.yaml:7:13 reversed-interval during: `,
			},
		},
		{
			name: "unknown kind with suggestion",
			file: "k.yaml",
			src:  "kind: organisation\nid: efus\n",
			want: []string{`k.yaml:1:7 unknown-kind unknown kind "organisation"`},
		},
		{
			name: "missing kind",
			file: "k.yaml",
			src:  "id: efus\nname: Efus\n",
			want: []string{`k.yaml:1:1 missing-field record has no kind`},
		},
		{
			name: "YAML syntax error keeps earlier documents",
			file: "s.yaml",
			src:  "kind: place\nid: a\nname: A\n---\nkind: place\nid: [b\n",
			want: []string{`s.yaml:6:5 syntax YAML syntax error: `},
		},
		{
			name: "JSON syntax error with line and column",
			file: "s.json",
			src:  "[\n  {\"kind\": \"place\", \"id\": \"a\",}\n]",
			want: []string{`s.json:2:31 syntax JSON syntax error: unexpected '}', expected a quoted key`},
		},
		{
			name: "bad quantity and qualifier",
			file: "q.yaml",
			src:  "kind: region\nid: r\nname: R\npopulation: {value: lots, qualifier: about}\n",
			want: []string{
				`q.yaml:4:21 bad-quantity population "lots" is not a number`,
				`q.yaml:4:38 bad-quantity population.qualifier "about" is not a qualifier`,
			},
		},
		{
			name: "unsupported EDTF",
			file: "u.yaml",
			src:  "kind: project\nid: p\nname: P\nduring: 19XX\n",
			want: []string{`u.yaml:4:9 unsupported-date during: `},
		},
		{
			name: "invalid UTF-8 with position",
			file: "e.yaml",
			src:  "kind: place\nid: a\nname: Citt\xe0\n",
			want: []string{`e.yaml:3:11 bad-encoding invalid UTF-8 byte 0xe0`},
		},
		{
			name: "NUL byte",
			file: "n.yaml",
			src:  "kind: place\nid: a\x00\n",
			want: []string{`n.yaml:2:6 control-character NUL byte in the file`},
		},
		{
			name: "UTF-16",
			file: "w.yaml",
			src:  "\xff\xfek\x00",
			want: []string{`w.yaml:1:1 bad-encoding file is UTF-16, not UTF-8`},
		},
		{
			name: "implied field in a nested membership",
			file: "i.yaml",
			src:  "kind: person\nid: p\nname: P\nmemberships:\n  - member: q\n    organization: o\n",
			want: []string{`i.yaml:5:5 unknown-field unknown field "member" in membership`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			problems := checked(decodeString(t, tc.file, tc.src))
			require.Len(t, problems, len(tc.want), "Decode(%q) problems = %v", tc.src, problems)
			for i, p := range problems {
				got := p.Pos.String() + " " + p.Code + " " + p.Summary
				assert.True(t, strings.HasPrefix(got, tc.want[i]), "problem %d:\n got  %s\n want %s…", i, got, tc.want[i])
			}
		})
	}
}

func TestDecodeSuggestions(t *testing.T) {
	_, problems := decodeString(t, "k.yaml", "kind: organisation\nid: efus\n")
	require.Len(t, problems, 1)
	assert.Contains(t, problems[0].Detail, `did you mean "organization"?`)

	_, problems = decodeString(t, "f.yaml", "kind: event\nid: e\nname: E\nparticipant_cuont: 3\n")
	require.Len(t, problems, 1)
	assert.Equal(t, `did you mean "participant_count"?`, problems[0].Detail)

	_, problems = decodeString(t, "dup.yaml", "kind: place\nid: a\nid: b\nname: A\n")
	require.Len(t, problems, 1)
	require.Len(t, problems[0].Related, 1)
	assert.Equal(t, "dup.yaml:2:1", problems[0].Related[0].String(), "duplicate key points at the first")
}

func TestDecodeShapesOfFiles(t *testing.T) {
	tests := []struct {
		name, file, src string
		ids             []string
	}{
		{"one YAML record", "a.yaml", "kind: place\nid: a\nname: A\n", []string{"a"}},
		{"YAML documents", "a.yaml", "kind: place\nid: a\nname: A\n---\nkind: place\nid: b\nname: B\n---\n", []string{"a", "b"}},
		{"YAML list", "a.yml", "- {kind: place, id: a, name: A}\n- {kind: place, id: b, name: B}\n", []string{"a", "b"}},
		{"JSON object", "a.json", `{"kind": "place", "id": "a", "name": "A", "$schema": "../records.schema.json"}`, []string{"a"}},
		{"JSON array", "a.json", `[{"kind": "place", "id": "a", "name": "A"}, {"kind": "place", "id": "b", "name": {"en": "B"}}]`, []string{"a", "b"}},
		{"JSON sniffed from stdin", StdinName, ` [{"kind": "place", "id": "a", "name": "A"}]`, []string{"a"}},
		{"BOM is skipped", "a.yaml", "\xef\xbb\xbfkind: place\nid: a\nname: A\n", []string{"a"}},
		{"CRLF line ends", "a.yaml", "kind: place\r\nid: a\r\nname: A\r\n", []string{"a"}},
		{"empty file", "a.yaml", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, problems := decodeString(t, tc.file, tc.src)
			require.Empty(t, problems)
			var ids []string
			for _, r := range ds.Records {
				ids = append(ids, r.Base().ID)
			}
			assert.Equal(t, tc.ids, ids)
		})
	}
}

func TestDecodeValues(t *testing.T) {
	src := `kind: project
id: e-toscana
name: e-Toscana
type: programme
during: 2001~/..
quantities:
  - {name: specific projects, value: 50}
  - {name: overall investment, value: 100000000, unit: EUR, qualifier: more-than}
funding:
  - {funder: european-commission, programme: CIP ICT-PSP, year: 2009, share: part}
participants:
  - {member: regione-toscana, role: Scientific Committee Member, during: 2008}
sources:
  - {title: PARTERRE, url: "http://www.parterre-project.eu/", license: CC-BY-NC-SA-3.0, published: 2011-07}
`
	ds, problems := decodeString(t, "p.yaml", src)
	require.Empty(t, problems)
	p := ds.Lookup("e-toscana").(*model.Project)
	assert.Equal(t, "2001~/..", p.During.String())
	assert.True(t, p.During.Start.Approximate)
	assert.True(t, p.During.Ongoing())
	require.Len(t, p.Quantities, 2)
	assert.Equal(t, "100000000", p.Quantities[1].Value)
	assert.Equal(t, model.QualifierMoreThan, p.Quantities[1].Qualifier)
	assert.Equal(t, "EUR", p.Quantities[1].Unit)
	require.Len(t, p.Funding, 1)
	assert.Equal(t, model.Funding{Funder: "european-commission", Programme: "CIP ICT-PSP", Year: 2009, Share: "part"},
		model.Funding{Funder: p.Funding[0].Funder, Programme: p.Funding[0].Programme, Year: p.Funding[0].Year, Share: p.Funding[0].Share})
	require.Len(t, p.Sources, 1)
	assert.Equal(t, "2011-07", p.Sources[0].Published.String())
	assert.NotEmpty(t, p.Sources[0].ID, "a source gets a generated id")

	ms := ds.Memberships()
	require.Len(t, ms, 1)
	assert.Equal(t, model.Membership{Member: "regione-toscana", Organization: "e-toscana"},
		model.Membership{Member: ms[0].Member, Organization: ms[0].Organization})
	assert.Equal(t, model.Role{Slug: "scientific-committee-member", Label: "Scientific Committee Member"}, ms[0].Role)
	assert.True(t, ms[0].During.Single)
}

func TestInlinePlacesAreShared(t *testing.T) {
	src := `- kind: event
  id: ga-2006
  name: General Assembly Brussels
  date: 2006-05-05
  location: {city: Brussels, country: BE}
  organizers: [efus]
- kind: event
  id: ga-2004
  name: General Assembly Brussels
  date: 2004-05-10
  location: {venue: European Parliament, city: Brussels, country: BE}
`
	ds, problems := decodeString(t, "e.yaml", src)
	require.Empty(t, problems)
	e1, e2 := ds.Lookup("ga-2006").(*model.Event), ds.Lookup("ga-2004").(*model.Event)
	city := ds.Lookup(e1.Place).(*model.Place)
	assert.Equal(t, "city", city.Type)
	assert.Equal(t, "Brussels", city.Name.String())
	venue := ds.Lookup(e2.Place).(*model.Place)
	assert.Equal(t, "venue", venue.Type)
	assert.Equal(t, e1.Place, venue.ContainedIn, "the venue is in the same city node")
	country := ds.Lookup(city.ContainedIn).(*model.Place)
	assert.Equal(t, "Belgium", country.Name.String())

	places := 0
	for _, r := range ds.Records {
		if _, ok := r.(*model.Place); ok {
			places++
		}
	}
	assert.Equal(t, 3, places, "one country, one city, one venue")

	ps := ds.Participations()
	require.Len(t, ps, 1)
	assert.Equal(t, model.Participation{Agent: "efus", Event: "ga-2006"}, model.Participation{Agent: ps[0].Agent, Event: ps[0].Event})
	assert.Equal(t, "organizer", ps[0].Role.Slug)
}

func TestGeneratedIDsAreDeterministic(t *testing.T) {
	src := "kind: membership\nmember: a\norganization: b\nduring: 2001/..\n"
	id := func(base string) string {
		ds, problems := Decode(strings.NewReader(src), "m.yaml", Options{Base: base})
		require.Empty(t, problems)
		return ds.Records[0].Base().ID
	}
	a := id("https://data.example.org/net/")
	assert.Equal(t, a, id("https://data.example.org/net/"))
	assert.NotEqual(t, a, id("https://other.example.org/"))
	// The recipe of SPEC 2.6, spelled out.
	want := model.GenerateID("https://data.example.org/net/", "membership", "a", "b", "member", "2001/..")
	assert.Equal(t, want, a)
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"civicnet.yaml":          {Data: []byte("base: https://data.example.org/net/\ntitle: T\nlanguage: en\n")},
		"orgs/efus.yaml":         {Data: []byte("kind: organization\nid: efus\nname: Efus\n")},
		"orgs/notes.txt":         {Data: []byte("not a record file")},
		"sub/civicnet.yaml.json": {Data: []byte(`{"kind": "place", "id": "x", "name": "X"}`)},
	}
	ds, problems := LoadFS(fsys, Options{})
	require.Empty(t, problems)
	assert.Equal(t, "https://data.example.org/net/", ds.Info.Base)
	assert.Equal(t, "en", ds.Info.Language)
	assert.Equal(t, 2, ds.Len())
	assert.Equal(t, "orgs/efus.yaml:1:1", ds.Lookup("efus").Base().Pos().String())

	ds, _ = LoadFS(fsys, Options{Base: "https://override.example/"})
	assert.Equal(t, "https://override.example/", ds.Info.Base, "Options.Base overrides civicnet.yaml")
}

func TestLoadFilesReportsUnreadablePaths(t *testing.T) {
	_, problems := LoadFiles([]string{"testdata/does-not-exist"}, Options{})
	require.Len(t, problems, 1)
	assert.Equal(t, "read-error", problems[0].Code)
	assert.Equal(t, "testdata/does-not-exist", problems[0].Pos.File)
}

func TestTooManyProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("kind: organization\nid: o\nname: O\nalt_names:\n")
	for range MaxProblemsPerFile + 50 {
		b.WriteString("  - [x]\n")
	}
	_, problems := decodeString(t, "big.yaml", b.String())
	require.Len(t, problems, MaxProblemsPerFile+1)
	last := problems[len(problems)-1]
	assert.Equal(t, "too-many-problems", last.Code)
	assert.Equal(t, "50 more problems in this file were not reported", last.Summary)
}

func FuzzDecode(f *testing.F) {
	f.Add("a.yaml", []byte("kind: region\nid: r\nname: {it: R}\npopulation: {value: 3, qualifier: approximate}\n"))
	f.Add("a.json", []byte(`[{"kind": "event", "id": "e", "name": "E", "date": "2006-11-02/2006-11-04", "location": {"city": "Zaragoza"}}]`))
	f.Add("a.yaml", []byte("a: &a [1, *a]\nkind: *a\n"))
	f.Add("a.json", []byte(`{"kind": "person", "name": "\ud83d\ude00", "memberships": [{"organization": "o"}]}`))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		for _, file := range []string{"f.yaml", "f.json", name} {
			ds, problems := Decode(strings.NewReader(string(data)), file, Options{Base: "https://x.example/"})
			if ds == nil {
				t.Fatalf("Decode returned a nil dataset")
			}
			for _, p := range problems {
				if p.Code == "" || p.Summary == "" {
					t.Fatalf("problem without code or summary: %+v", p)
				}
			}
		}
	})
}

// A role without letters is kept rather than read as the default role,
// and CheckRecord reports it.
func TestRoleWithoutLettersIsReported(t *testing.T) {
	ds, problems := decodeString(t, "r.yaml", "kind: membership\nmember: a\norganization: b\nrole: \"—\"\n")
	assert.Empty(t, problems, "decoding problems")
	problems = checked(ds, problems)
	require.Len(t, problems, 1)
	assert.Equal(t, "r.yaml:4:7 bad-value role \"—\" has no letters or digits", problems[0].Pos.String()+" "+problems[0].Code+" "+problems[0].Summary)
}

func TestUnknownFieldListsNoSchemaKey(t *testing.T) {
	_, problems := decodeString(t, "u.yaml", "kind: place\nid: a\nname: A\nzzzzzzzzzzzz: 1\n")
	require.Len(t, problems, 1)
	assert.NotContains(t, problems[0].Detail, "$schema")
	assert.Contains(t, problems[0].Detail, "fields are: kind, id, name")
}

func TestCheckRecordPositions(t *testing.T) {
	ds, problems := Decode(strings.NewReader("kind: project\nid: p\nname: P\nduring: 2011/2008\n"+
		"funding:\n  - {funder: f, share: half, amount: {value: abc, unit: EUR}}\n"), "p.yaml", Options{})
	require.Empty(t, problems)
	var got []string
	for _, fe := range model.CheckRecord(ds.Records[0]) {
		got = append(got, fe.Pos.String()+" "+fe.Field+" "+fe.Code)
	}
	assert.Equal(t, []string{
		"p.yaml:4:9 during reversed-interval",
		"p.yaml:6:24 funding[0].share bad-value",
		"p.yaml:6:46 funding[0].amount.value bad-quantity",
	}, got)
}

// TestDecodeWideColumns decodes a JSON file written on one line, whose
// columns do not fit in 16 bits.
func TestDecodeWideColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range 3000 {
		fmt.Fprintf(&b, `{"kind":"place","id":"p-%d","name":"P","topics":["a","b"]},`, i)
	}
	b.WriteString(`{"kind":"place","id":"last","name":"Last","topics":["a","b"]}]`)
	src := b.String()
	ds, problems := decodeString(t, "wide.json", src)
	require.Empty(t, problems)
	r := ds.Lookup("last")
	require.NotNil(t, r)
	col := strings.LastIndex(src, `"last"`) + 1
	require.Greater(t, col, 1<<16)
	assert.Equal(t, fmt.Sprintf("wide.json:1:%d", col), r.Base().ValuePos("id").String())
	assert.Equal(t, fmt.Sprintf("wide.json:1:%d", strings.LastIndex(src, `"b"`)+1), r.Base().ItemPos("topics", 1).String())
}

// The fast parser hands documents over one at a time; when it gives up
// after some (here at the anchor of the third), the file is decoded again
// by the library, and each record and problem comes out once.
func TestDecodeAfterTheFastParserGivesUpMidFile(t *testing.T) {
	first := "kind: organization\nid: a\nname: A\ncolour: red\n"
	second := "---\nkind: organization\nid: b\nname: B\n"
	third := "---\nkind: organization\nid: c\nname: &n C\nalt_names: [*n]\n"
	data := []byte(first + second + third)
	var a arena
	var seen int
	_, ok := parseYAMLFastEach(data, &a, func(*node) { seen++ })
	require.False(t, ok, "the fast parser reads anchors now; pick another construct it gives up on")
	require.Equal(t, 2, seen, "the fast parser should give up at the third document")

	ds, problems := decodeString(t, "mixed.yaml", string(data))
	var ids []string
	for _, r := range ds.Records {
		ids = append(ids, r.Base().ID)
	}
	assert.Equal(t, []string{"a", "b", "c"}, ids)
	assert.Equal(t, []string{"unknown-field"}, codes(problems))
	assert.Equal(t, 4, problems[0].Pos.Line)
	assert.Equal(t, "C", ds.Lookup("c").Base().AltNames[0].Best(""))
}

// Records decoded from the documents of one file keep their values and
// positions while the nodes they were read from are reused for the next
// documents.
func TestDecodeDocumentsThroughReusedNodes(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		fmt.Fprintf(&b, "---\nkind: organization\nid: o%d\nname: {en: Name %d, fr: Nom %d}\nwebsite: https://o%d.example.org/\n", i, i, i, i)
	}
	ds, problems := decodeString(t, "many.yaml", b.String())
	require.Empty(t, problems)
	require.Equal(t, 300, ds.Len())
	for i, r := range ds.Records {
		o := r.(*model.Organization)
		assert.Equal(t, fmt.Sprintf("o%d", i), o.ID)
		assert.Equal(t, fmt.Sprintf("Nom %d", i), o.Name.Best("fr"))
		assert.Equal(t, fmt.Sprintf("https://o%d.example.org/", i), o.Website)
		assert.Equal(t, 5*i+5, o.ValuePos("website").Line)
	}
}

// The items of a JSON array are decoded as they are parsed; a syntax
// error after some of them still leaves the file with no records and the
// error alone, as a file that does not parse has nothing to read.
func TestDecodeJSONItemsAsTheyAreParsed(t *testing.T) {
	good := "[\n" +
		`{"kind": "organization", "id": "a", "name": "A", "colour": "red"},` + "\n" +
		`{"kind": "organization", "id": "b", "name": {"en": "B", "fr": "Bé"}, "website": "https://b.example.org/"}` + "\n]\n"
	ds, problems := decodeString(t, "two.json", good)
	assert.Equal(t, []string{"unknown-field"}, codes(problems))
	require.Equal(t, 2, ds.Len())
	b := ds.Lookup("b").(*model.Organization)
	assert.Equal(t, "Bé", b.Name.Best("fr"))
	assert.Equal(t, model.Pos{File: "two.json", Line: 3, Col: 81}, b.ValuePos("website"))

	bad := strings.Replace(good, "\n]\n", ",\n{\"kind\": }\n]\n", 1)
	ds, problems = decodeString(t, "bad.json", bad)
	assert.Equal(t, 0, ds.Len())
	require.Equal(t, []string{"syntax"}, codes(problems))
	assert.Equal(t, 4, problems[0].Pos.Line)
}

// Making records as the parser reads them gives what decoding the whole
// parsed file gives: the same records, values and positions, and the
// same problems, for YAML and JSON, whatever the input.
func FuzzDecodeStreamingIsWholeFile(f *testing.F) {
	f.Add("a.yaml", []byte("kind: organization\nid: a\nname: A\n---\nkind: region\nid: r\nname: {it: R}\ncolour: red\n"))
	f.Add("a.yaml", []byte("- kind: organization\n  id: a\n  name: A\n---\nkind: person\nname: &n P\nalt_names: [*n]\n"))
	f.Add("a.json", []byte(`[{"kind": "event", "id": "e", "name": "E", "date": "2006-11-02"}, 3, null, {"kind": "x"}]`))
	f.Add("a.json", []byte(`[{"kind": "organization", "id": "a", "name": "A"}, {"kind": }]`))
	f.Add("a.json", []byte(`{"kind": "organization", "id": "a", "name": "A"}`))
	// And every record file of the examples.
	err := filepath.WalkDir("../../examples", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".json")) {
			return err
		}
		data, err := os.ReadFile(path)
		f.Add(filepath.Base(path), data)
		return err
	})
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		for _, file := range []string{"f.yaml", "f.json", name} {
			in := input{name: file}
			whole := decodeStreaming(in, new(arena), data, false)
			streamed := decodeStreaming(in, new(arena), data, true)
			if !assert.Equal(t, whole.problems, streamed.problems, "problems of %s", file) ||
				!assert.Equal(t, whole.records, streamed.records, "records of %s", file) {
				t.FailNow()
			}
		}
	})
}
