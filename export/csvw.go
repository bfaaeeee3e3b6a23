package export

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// CSVMetadataFile is the name of the CSVW metadata beside the tables; a
// CSVW processor finds it there by the standard's metadata discovery
// (csv-metadata.json in the tables' directory).
const CSVMetadataFile = "csv-metadata.json"

// formulaGuardProperty marks a column whose cells may carry the leading
// "'" of [GuardCSVCell]. CSVW common properties are absolute IRIs.
const formulaGuardProperty = NSCivic + "formulaGuard"

const guardNote = "Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR, and not a number) " +
	"carry a leading apostrophe; in the columns marked " + formulaGuardProperty + ", remove one leading apostrophe " +
	"from a cell when what follows, without its leading apostrophes, starts that way."

// WriteCSVMetadata writes csv/csv-metadata.json for ds: a CSVW table
// group describing the tables [CSVWriter] writes (SPEC 4.3). Each column
// has its name, title, datatype, and the RDF property and value template
// that make a CSVW processor's minimal-mode output agree with the RDF
// dump: the same record and concept IRIs, and the same membership member,
// organisation and role.
//
// CSVW templates have no base variable, so the base IRI is written out in
// every template.
func WriteCSVMetadata(w io.Writer, ds *model.Dataset) error {
	tables, _ := newTables(ds)
	doc := csvwTableGroup{
		Context:     csvwContext(ds.Info.Language),
		Title:       datasetTitle(ds),
		Description: guardNote,
		License:     csvwLink(licenseIRI(datasetLicense(ds))),
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
	schema := csvwSchema{PrimaryKey: "id", AboutURL: base + "id/{id}"}
	for _, c := range t.columns {
		col := csvwColumn{
			Name:        c.name,
			Titles:      c.name,
			Description: c.doc,
			Datatype:    csvwDatatype(c.csvColumnSpec),
			Required:    c.required,
			Lang:        c.lang,
			PropertyURL: c.property,
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
			Name:        "type_" + localName(class),
			Virtual:     true,
			PropertyURL: NSRDF + "type",
			ValueURL:    class,
		})
	}
	return csvwTable{URL: t.name + ".csv", Description: "One row per record: " + t.about + ".", Schema: schema}
}

func csvwDatatype(c csvColumnSpec) any {
	if c.id {
		return csvwDerived{Base: dtString, Format: idPattern}
	}
	if c.datatype == "" {
		return dtString
	}
	return c.datatype
}

// localName is the part of an IRI after its last # or /.
func localName(iri string) string {
	return iri[strings.LastIndexAny(iri, "#/")+1:]
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
