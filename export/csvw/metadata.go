package csvw

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

// MetadataFile is the name of the CSVW metadata beside the tables; a
// CSVW processor finds it there by the standard's metadata discovery
// (csv-metadata.json in the tables' directory).
const MetadataFile = "csv-metadata.json"

// guardNote says how to read the columns marked with civic:formulaGuard
// (CSVW common properties are absolute IRIs), whose cells may carry the
// leading "'" of [GuardCell].
var guardNote = "Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR, and not a number) " +
	"carry a leading apostrophe; in the columns marked " + rdf.Civic.FormulaGuard.IRI() + ", remove one leading apostrophe " +
	"from a cell when what follows, without its leading apostrophes, starts that way."

// WriteMetadata writes csv/csv-metadata.json for ds: a CSVW table
// group describing the tables [Writer] writes (SPEC 4.3). Each column
// has its name, title, datatype, and the RDF property and value template
// that make a CSVW processor's minimal-mode output agree with the RDF
// dump: the same record and concept IRIs, and the same membership member,
// organisation and role.
//
// CSVW templates have no base variable, so the base IRI is written out in
// every template.
func WriteMetadata(w io.Writer, ds *model.Dataset) error {
	tables, _ := newTables(ds)
	doc := csvwTableGroup{
		Context:     csvwContext(ds.Info.Language),
		Title:       rdf.DatasetTitle(ds.Info),
		Description: guardNote,
		License:     csvwLink(rdf.LicenseIRI(rdf.DatasetLicense(ds.Info))),
		Dialect:     csvwDialect{Header: true, Trim: false, LineTerminators: []string{"\r\n"}},
	}
	for _, t := range tables {
		doc.Tables = append(doc.Tables, csvwTableFor(t, ds.Info.Base))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func csvwContext(lang string) any {
	if lang == "" {
		return "http://www.w3.org/ns/csvw"
	}
	return []any{"http://www.w3.org/ns/csvw", map[string]string{"@language": lang}}
}

func csvwTableFor(t *csvTable, base string) csvwTable {
	schema := csvwSchema{PrimaryKey: "id", AboutURL: base + rdf.PathRecords + "{id}"}
	for _, c := range t.columns {
		col := csvwColumn{
			Name:        c.name,
			Titles:      c.name,
			Description: c.doc,
			Datatype:    csvwDatatype(c.csvColumnSpec),
			Required:    c.required,
			Lang:        c.lang,
			PropertyURL: c.property.IRI(),
			Suppress:    c.suppress,
			Guarded:     c.guarded,
		}
		if c.multi {
			col.Separator = multiSeparator
		}
		if c.about != "" {
			col.AboutURL = base + c.about
		}
		if c.ref != "" && !c.multi {
			col.ValueURL = strings.ReplaceAll(c.ref, "{}", "{"+c.name+"}")
			col.ValueURL = strings.ReplaceAll(col.ValueURL, "{+}", "{+"+c.name+"}")
			if !strings.HasPrefix(c.ref, "{") {
				col.ValueURL = base + col.ValueURL
			}
		}
		schema.Columns = append(schema.Columns, col)
		if c.table != "" && !c.multi {
			schema.ForeignKeys = append(schema.ForeignKeys, csvwForeignKey{
				ColumnReference: c.name,
				Reference:       csvwReference{Resource: c.table + ".csv", ColumnReference: "id"},
			})
		}
	}
	for _, class := range t.classes {
		schema.Columns = append(schema.Columns, csvwColumn{
			Name:        "type_" + class.Prefix() + "_" + class.Local(),
			Virtual:     true,
			PropertyURL: rdf.RDF.Type.IRI(),
			ValueURL:    class.IRI(),
		})
	}
	return csvwTable{URL: t.name + ".csv", Description: "One row per record: " + t.about + ".", Schema: schema}
}

func csvwDatatype(c csvColumnSpec) any {
	if c.id {
		return csvwDerived{Base: dtString, Format: model.IDPattern}
	}
	if c.datatype == "" {
		return dtString
	}
	return c.datatype
}

func csvwLink(iri string) any {
	if iri == "" {
		return nil
	}
	return map[string]string{"@id": iri}
}

// The JSON shapes of the CSVW metadata vocabulary, in the order the
// properties are written.

type csvwTableGroup struct {
	Context     any         `json:"@context"`
	Title       string      `json:"dc:title,omitempty"`
	Description string      `json:"dc:description,omitempty"`
	License     any         `json:"dc:license,omitempty"`
	Dialect     csvwDialect `json:"dialect"`
	Tables      []csvwTable `json:"tables"`
}

type csvwDialect struct {
	Header          bool     `json:"header"`
	Trim            bool     `json:"trim"`
	LineTerminators []string `json:"lineTerminators"`
}

type csvwTable struct {
	URL         string     `json:"url"`
	Description string     `json:"dc:description,omitempty"`
	Schema      csvwSchema `json:"tableSchema"`
}

type csvwSchema struct {
	Columns     []csvwColumn     `json:"columns"`
	PrimaryKey  string           `json:"primaryKey"`
	AboutURL    string           `json:"aboutUrl"`
	ForeignKeys []csvwForeignKey `json:"foreignKeys,omitempty"`
}

type csvwColumn struct {
	Name        string `json:"name"`
	Titles      string `json:"titles,omitempty"`
	Description string `json:"dc:description,omitempty"`
	Datatype    any    `json:"datatype,omitempty"`
	Required    bool   `json:"required"`
	Separator   string `json:"separator,omitempty"`
	Lang        string `json:"lang,omitempty"`
	AboutURL    string `json:"aboutUrl,omitempty"`
	PropertyURL string `json:"propertyUrl,omitempty"`
	ValueURL    string `json:"valueUrl,omitempty"`
	Virtual     bool   `json:"virtual,omitempty"`
	Suppress    bool   `json:"suppressOutput,omitempty"`
	Guarded     bool   `json:"https://w3id.org/civicnet/ns#formulaGuard,omitempty"`
}

type csvwDerived struct {
	Base   string `json:"base"`
	Format string `json:"format"`
}

type csvwForeignKey struct {
	ColumnReference string        `json:"columnReference"`
	Reference       csvwReference `json:"reference"`
}

type csvwReference struct {
	Resource        string `json:"resource"`
	ColumnReference string `json:"columnReference"`
}
