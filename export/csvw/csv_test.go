package csvw_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/csvw"
	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/model"
)

// csvwMetadata is the part of csv-metadata.json the tests read.
type csvwMetadata struct {
	Context any         `json:"@context"`
	Tables  []csvwTable `json:"tables"`
}

type csvwTable struct {
	URL    string `json:"url"`
	Schema struct {
		Columns     []csvwColumn `json:"columns"`
		PrimaryKey  string       `json:"primaryKey"`
		AboutURL    string       `json:"aboutUrl"`
		ForeignKeys []struct {
			ColumnReference string `json:"columnReference"`
			Reference       struct {
				Resource        string `json:"resource"`
				ColumnReference string `json:"columnReference"`
			} `json:"reference"`
		} `json:"foreignKeys"`
	} `json:"tableSchema"`
}

type csvwColumn struct {
	Name        string `json:"name"`
	Titles      string `json:"titles"`
	Datatype    any    `json:"datatype"`
	Required    bool   `json:"required"`
	Separator   string `json:"separator"`
	Lang        string `json:"lang"`
	AboutURL    string `json:"aboutUrl"`
	PropertyURL string `json:"propertyUrl"`
	ValueURL    string `json:"valueUrl"`
	Virtual     bool   `json:"virtual"`
	Suppress    bool   `json:"suppressOutput"`
	Guarded     bool   `json:"https://w3id.org/civicnet/ns#formulaGuard"`
}

func readMetadata(t *testing.T, dir string) csvwMetadata {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "csv", csvw.MetadataFile))
	require.NoError(t, err)
	var md csvwMetadata
	require.NoError(t, json.Unmarshal(data, &md))
	return md
}

// readCSV parses a CSV file strictly and returns its header and rows.

func TestCSVTablesOfExamples(t *testing.T) {
	dir := exampleDump(t)
	md := readMetadata(t, dir)
	require.Len(t, md.Tables, len(csvw.Tables()))
	for i, name := range csvw.Tables() {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "csv", name+".csv"))
			require.NoError(t, err)
			exporttest.AssertGolden(t, "csv/"+name+".csv", data)

			assert.False(t, bytes.HasPrefix(data, []byte("\ufeff")), "no BOM without CSVBOM")
			assert.NotContains(t, strings.ReplaceAll(string(data), "\r\n", ""), "\n", "every line break is CRLF")
			assert.NotContains(t, strings.ReplaceAll(string(data), "\r\n", ""), "\r", "no bare CR")

			header, rows := exporttest.ReadCSV(t, data)
			table := md.Tables[i]
			require.Equal(t, name+".csv", table.URL)
			var documented []string
			for _, c := range table.Schema.Columns {
				if !c.Virtual {
					documented = append(documented, c.Name)
				}
			}
			assert.Equal(t, documented, header, "header of %s.csv against its CSVW columns", name)
			assert.Equal(t, "id", header[0])
			require.NotEmpty(t, rows)
			var ids []string
			for _, row := range rows {
				require.NotEmpty(t, row[0], "every row has an id")
				ids = append(ids, row[0])
			}
			assert.True(t, slices.IsSorted(ids), "rows sorted by id")
			assert.Len(t, slices.Compact(slices.Clone(ids)), len(ids), "ids unique")
		})
	}
}

func TestCSVMetadataOfExamples(t *testing.T) {
	dir := exampleDump(t)
	data, err := os.ReadFile(filepath.Join(dir, "csv", csvw.MetadataFile))
	require.NoError(t, err)
	exporttest.AssertGolden(t, "csv/"+csvw.MetadataFile, data)

	md := readMetadata(t, dir)
	const base = "https://data.example.org/net/"
	ids := map[string]map[string]bool{} // table file → ids
	cells := map[string]map[string][]string{}
	for _, table := range md.Tables {
		b, err := os.ReadFile(filepath.Join(dir, "csv", table.URL))
		require.NoError(t, err)
		header, rows := exporttest.ReadCSV(t, b)
		ids[table.URL] = map[string]bool{}
		cells[table.URL] = map[string][]string{}
		for _, row := range rows {
			ids[table.URL][row[0]] = true
			for i, h := range header {
				cells[table.URL][h] = append(cells[table.URL][h], row[i])
			}
		}
	}
	variable := regexp.MustCompile(`\{([^}]*)\}`)
	for _, table := range md.Tables {
		t.Run(table.URL, func(t *testing.T) {
			s := table.Schema
			assert.Equal(t, "id", s.PrimaryKey)
			assert.Equal(t, base+"id/{id}", s.AboutURL)
			names := map[string]bool{}
			for _, c := range s.Columns {
				names[c.Name] = true
			}
			for _, c := range s.Columns {
				assert.Regexp(t, `^[A-Za-z0-9_]+$`, c.Name, "a CSVW column name is a URI template variable")
				if !c.Virtual {
					assert.Equal(t, c.Name, c.Titles, "titles = name")
					assert.NotNil(t, c.Datatype, "%s has a datatype", c.Name)
				}
				assert.Regexp(t, `^https?://`, c.PropertyURL, "%s: propertyUrl is an absolute IRI", c.Name)
				for _, tpl := range []string{c.AboutURL, c.ValueURL} {
					if tpl == "" || c.Virtual {
						continue
					}
					if tpl != "{+"+c.Name+"}" {
						assert.True(t, strings.HasPrefix(tpl, base), "%s: template %s starts with the base", c.Name, tpl)
					}
					for _, m := range variable.FindAllStringSubmatch(tpl, -1) {
						v := strings.TrimLeft(m[1], "+#")
						assert.True(t, names[v], "%s: template variable {%s} is a column", c.Name, v)
					}
				}
				if c.Separator != "" {
					assert.Empty(t, c.ValueURL, "%s: a multi-valued column has no valueUrl", c.Name)
				}
				if c.Name == "start" || c.Name == "end" {
					assert.True(t, c.Suppress, "%s is suppressOutput", c.Name)
				}
			}
			for _, fk := range s.ForeignKeys {
				target := fk.Reference.Resource
				require.Contains(t, ids, target, "foreign key %s → %s", fk.ColumnReference, target)
				assert.Equal(t, "id", fk.Reference.ColumnReference)
				for _, v := range cells[table.URL][fk.ColumnReference] {
					if v != "" {
						assert.True(t, ids[target][v], "%s %s=%s resolves in %s", table.URL, fk.ColumnReference, v, target)
					}
				}
			}
		})
	}
	t.Run("memberships", func(t *testing.T) {
		i := slices.IndexFunc(md.Tables, func(tb csvwTable) bool { return tb.URL == "memberships.csv" })
		require.GreaterOrEqual(t, i, 0)
		byName := map[string]string{}
		for _, c := range md.Tables[i].Schema.Columns {
			byName[c.Name] = c.PropertyURL + " " + c.ValueURL
		}
		assert.Equal(t, "http://www.w3.org/ns/org#member "+base+"id/{member}", byName["member"])
		assert.Equal(t, "http://www.w3.org/ns/org#organization "+base+"id/{organization}", byName["organization"])
		assert.Equal(t, "http://www.w3.org/ns/org#role "+base+"roles/{role}", byName["role"])
	})
}

// riskyDataset holds an organisation whose text fields are formula-like.
func riskyDataset(name, desc string, topics ...string) *model.Dataset {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/", Language: "en"})
	ds.Add(&model.Organization{Common: model.Common{ID: "x", Name: model.Plain(name), Description: model.Plain(desc), Topics: topics}})
	return ds
}

func writeTable(t testing.TB, ds *model.Dataset, table string, bom bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csvw.NewWriter(&buf, table)
	w.BOM = bom
	require.NoError(t, w.Write(ds))
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func TestCSVFormulaNeutralised(t *testing.T) {
	ds := riskyDataset(`=HYPERLINK("http://evil.example/","click")`, "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-12.5")
	header, rows := exporttest.ReadCSV(t, writeTable(t, ds, "organizations", false))
	require.Len(t, rows, 1)
	cell := func(col string) string { return rows[0][slices.Index(header, col)] }
	assert.Equal(t, `'=HYPERLINK("http://evil.example/","click")`, cell("name"))
	assert.Equal(t, "'@SUM(A1:A9)", cell("description"))
	assert.Equal(t, "'+cmd|' /C calc'!A0|-12.5", cell("topics"))
	for _, c := range rows[0] {
		assert.False(t, exporttest.FormulaLike(c), "cell %q could run as a formula", c)
	}
}

func TestGuardCell(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Regione Toscana", "Regione Toscana"},
		{"=1+1", "'=1+1"},
		{`=HYPERLINK("x")`, `'=HYPERLINK("x")`},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"+39 055 4382111", "'+39 055 4382111"},
		{"-foo", "'-foo"},
		{"-", "'-"},
		{"-12.5", "-12.5"},
		{"+5", "+5"},
		{"1e-3", "1e-3"},
		{"-1e-3", "-1e-3"},
		{"\tindented", "'\tindented"},
		{"\rx", "'\rx"},
		{"'Ndrangheta", "'Ndrangheta"},
		{"'=x", "''=x"},
		{"''@x", "'''@x"},
		{"a=b", "a=b"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := csvw.GuardCell(tc.in)
			assert.Equal(t, tc.want, got, "GuardCell(%q)", tc.in)
			assert.Equal(t, tc.in, csvw.UnguardCell(got), "UnguardCSVCell(%q)", got)
		})
	}
}

func TestWriterBOM(t *testing.T) {
	data := writeTable(t, riskyDataset("a", "b"), "organizations", true)
	assert.True(t, bytes.HasPrefix(data, []byte("\ufeffid,")), "BOM then the header")
	header, _ := exporttest.ReadCSV(t, bytes.TrimPrefix(data, []byte("\ufeff")))
	assert.Equal(t, "id", header[0])
}

func TestWriterUnknownTable(t *testing.T) {
	w := csvw.NewWriter(&bytes.Buffer{}, "sources")
	err := w.Write(riskyDataset("a", "b"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `csvw: unknown table "sources"`)
}

func TestCSVLanguageColumns(t *testing.T) {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/", Language: "en"})
	ds.Add(
		&model.Place{Common: model.Common{ID: "rome", Name: model.Text{{Lang: "en", Value: "Rome"}, {Lang: "it", Value: "Roma"}}}},
		&model.Place{Common: model.Common{ID: "lisbon", Name: model.Text{{Lang: "pt-PT", Value: "Lisboa"}, {Value: "Lisbon"}}}},
		&model.Place{Common: model.Common{ID: "both", Name: model.Text{{Value: "Plain"}, {Lang: "en", Value: "Tagged"}}}},
	)
	header, rows := exporttest.ReadCSV(t, writeTable(t, ds, "places", false))
	assert.Equal(t, []string{"id", "name", "name_en", "name_it", "name_pt_pt", "alt_names", "type"}, header[:7])
	assert.Equal(t, [][]string{
		{"both", "Plain", "Tagged", "", ""},
		{"lisbon", "Lisbon", "", "", "Lisboa"},
		{"rome", "Rome", "", "Roma", ""},
	}, [][]string{rows[0][:5], rows[1][:5], rows[2][:5]})
}

func FuzzWriter(f *testing.F) {
	f.Add("Regione Toscana", "multi\nline", "a")
	f.Add(`=HYPERLINK("x")`, "\"quoted\", with comma", "-foo")
	f.Add("'=x", "crlf\r\ninside\rand cr", "\t")
	f.Add("\xff\xfeinvalid", "", "@")
	f.Fuzz(func(t *testing.T, name, desc, topic string) {
		ds := riskyDataset(name, desc, topic)
		data := writeTable(t, ds, "organizations", false)
		header, rows := exporttest.ReadCSV(t, data)
		require.Len(t, rows, 1, "one row")
		cell := func(col string) string { return csvw.UnguardCell(rows[0][slices.Index(header, col)]) }
		assert.Equal(t, normalized(name), cell("name"))
		assert.Equal(t, normalized(desc), cell("description"))
		assert.Equal(t, normalized(topic), cell("topics"))
		assert.NotContains(t, strings.ReplaceAll(string(data), "\r\n", ""), "\r", "no bare CR")
	})
}

// normalized is what a cell holds after a round trip: valid UTF-8, line
// breaks as LF.
func normalized(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func ExampleNewWriter() {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/", Language: "en"})
	since2001, _ := model.ParseInterval("2001/..")
	ds.Add(&model.Membership{
		Common: model.Common{ID: "toscana-in-efus"},
		Member: "regione-toscana", Organization: "efus", During: since2001,
	})
	var out strings.Builder
	w := csvw.NewWriter(&out, "memberships")
	if err := w.Write(ds); err != nil {
		fmt.Println(err)
	}
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Lines end with CRLF; shown here with LF.
	fmt.Print(strings.ReplaceAll(out.String(), "\r\n", "\n"))
	// Output:
	// id,member,organization,role,role_label,during,start,end,name,alt_names,description,identifiers,website,email,topics,sources
	// toscana-in-efus,regione-toscana,efus,member,member,2001/..,2001,,,,,,,,,
}

func FuzzGuardCell(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "''", "-12.5", "+", "@x", "\tx", "'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := csvw.GuardCell(s)
		assert.Equal(t, s, csvw.UnguardCell(g), "UnguardCSVCell(GuardCell(%q))", s)
		assert.False(t, exporttest.FormulaLike(g), "GuardCell(%q) = %q could run as a formula", s, g)
		if g != s {
			assert.Equal(t, "'"+s, g)
		}
	})
}

func TestDumpCSVBOM(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, exporttest.Examples(t), export.DumpOptions{
		Formats: []export.Format{export.FormatCSV}, CSVBOM: true,
	}))
	for _, name := range csvw.Tables() {
		data, err := os.ReadFile(filepath.Join(dir, "csv", name+".csv"))
		require.NoError(t, err)
		assert.True(t, bytes.HasPrefix(data, []byte("\ufeffid,")), "%s.csv starts with a BOM and the header", name)
	}
	md, err := os.ReadFile(filepath.Join(dir, "csv", csvw.MetadataFile))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(md, []byte("{")), "no BOM in the JSON metadata")
}

// exampleDump writes the CSV part of a dump of the examples and returns
// its directory.
func exampleDump(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, exporttest.Examples(t), export.DumpOptions{Formats: []export.Format{export.FormatCSV}}))
	return dir
}

// CSVW requires column names unique within a table (virtual columns
// included); a strict processor rejects the metadata otherwise.
func TestMetadataColumnNamesAreUnique(t *testing.T) {
	dir := exampleDump(t)
	md := readMetadata(t, dir)
	require.NotEmpty(t, md.Tables)
	for _, table := range md.Tables {
		seen := map[string]bool{}
		for _, c := range table.Schema.Columns {
			assert.False(t, seen[c.Name], "%s: column name %q twice", table.URL, c.Name)
			seen[c.Name] = true
		}
	}
}
