package csvw

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The column lists of docs/dump.md are made from the table description,
// between these markers; go test -run TestDumpDocColumns -update rewrites
// them.
const (
	docColumnsBegin = "<!-- BEGIN generated CSV columns: go test ./export -run TestDumpDocColumns -update -->\n"
	docColumnsEnd   = "<!-- END generated CSV columns -->\n"
	dumpDoc         = "../../docs/dump.md"
)

func TestDumpDocColumns(t *testing.T) {
	data, err := os.ReadFile(dumpDoc)
	require.NoError(t, err)
	doc := string(data)
	begin := strings.Index(doc, docColumnsBegin)
	end := strings.Index(doc, docColumnsEnd)
	require.True(t, begin >= 0 && end > begin, "%s has the markers of the generated column lists", dumpDoc)
	want := doc[:begin+len(docColumnsBegin)] + columnDocs() + doc[end:]
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		require.NoError(t, os.WriteFile(dumpDoc, []byte(want), 0o644))
		return
	}
	assert.Equal(t, want, doc, "the CSV columns of %s are out of date: run go test ./export -run TestDumpDocColumns -update", dumpDoc)
}

// columnDocs renders every table's columns as Markdown.
func columnDocs() string {
	var b strings.Builder
	for _, t := range csvTables {
		fmt.Fprintf(&b, "\n#### csv/%s.csv\n\nOne row per record: %s.", t.name, t.about)
		if len(t.classes) > 0 {
			var cs []string
			for _, c := range t.classes {
				cs = append(cs, "`"+curie(c)+"`")
			}
			fmt.Fprintf(&b, " CSVW gives each row's record the types %s.", strings.Join(cs, ", "))
		}
		b.WriteString("\n\n| column | content | datatype | CSVW → RDF |\n|---|---|---|---|\n")
		for _, c := range t.specs {
			name := "`" + c.name + "`"
			if c.text != nil {
				name += ", `" + c.name + "_<lang>`"
			}
			dt := c.datatype
			if c.id {
				dt = "id"
			}
			if dt == "" {
				dt = "string"
			}
			var notes []string
			if c.required {
				notes = append(notes, "required")
			}
			if c.multi {
				notes = append(notes, "several, pipe-separated")
			}
			if c.guarded {
				notes = append(notes, "formula-guarded")
			}
			if c.table != "" && !c.multi {
				notes = append(notes, "→ `"+c.table+".csv`")
			}
			content := c.doc
			if len(notes) > 0 {
				content += " (" + strings.Join(notes, "; ") + ")"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name, content, dt, columnRDF(c))
		}
	}
	b.WriteString("\n")
	return b.String()
}

// columnRDF says what a CSVW processor makes of a column.
func columnRDF(c csvColumnSpec) string {
	if c.name == idColumn.name {
		return "the subject of the row, `{base}id/{id}` (the column itself is suppressed)"
	}
	if c.suppress {
		return "— (in the RDF dump as `" + curie(c.property) + "`)"
	}
	subject := "record"
	if c.about != "" {
		subject = "`{base}" + c.about + "`"
	}
	object := "literal"
	switch {
	case c.ref == "{+}":
		object = "the URL as IRI"
	case c.ref != "" && !c.multi:
		object = "`{base}" + strings.ReplaceAll(c.ref, "{}", "{"+c.name+"}") + "`"
	}
	return fmt.Sprintf("%s `%s` %s", subject, curie(c.property), object)
}

// curie writes a term as a prefixed name.
func curie(t *rdf.Term) string { return t.String() }
