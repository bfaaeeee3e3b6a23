package diff_test

import (
	"os"
	"strings"
	"time"

	"github.com/civicnet/civicnet/export/diff"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

// load decodes records written in YAML.
func load(yaml string) *model.Dataset {
	ds, _ := recordfile.Decode(strings.NewReader(yaml), "records.yaml", recordfile.Options{Base: "https://data.example.org/net/"})
	return ds
}

func ExampleCompare() {
	old := load(`
- {kind: organization, id: efus, name: European Forum for Urban Security}
- kind: region
  id: regione-toscana
  name: {it: Regione Toscana, en: Tuscany Region}
  memberships: [{organization: efus, during: 2001/..}]
`)
	new := load(`
- {kind: organization, id: efus, name: Efus}
- kind: region
  id: regione-toscana
  name: {it: Regione Toscana, en: Tuscany Region}
  memberships: [{organization: efus, during: 2001/2019}]
`)
	// The command passes the current date; a fixed one keeps the
	// report the same whenever it runs.
	report := diff.Compare(old, new, diff.Options{Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	diff.WriteText(os.Stdout, report, diff.TextOptions{})
	// Output:
	// civicnet diff: 2 changed, 1 active membership changed (3 records)
	//
	// organization
	//   ~ organization efus: name changed from “European Forum for Urban Security” to “Efus”; IRI unchanged
	//
	// membership
	//   ~ membership of Regione Toscana in Efus: end set to 2019; IRI changes, as the id is derived from these fields
	//
	// memberships active on 2026-12-01
	//   - Regione Toscana in European Forum for Urban Security (member): no longer active
}

func ExampleTriples() {
	old := load(`{kind: organization, id: efus, name: Efus}`)
	new := load(`{kind: organization, id: efus, name: Efus, website: "https://efus.eu/"}`)
	changes, err := diff.Triples(old, new)
	if err != nil {
		panic(err)
	}
	changes.WriteRDFPatch(os.Stdout)
	// Output:
	// TX .
	// A <https://data.example.org/net/id/efus> <http://schema.org/url> <https://efus.eu/> .
	// TC .
}
