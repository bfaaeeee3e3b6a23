package recordfile_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing/fstest"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

func ExampleWriteSchema() {
	var buf bytes.Buffer
	if err := recordfile.WriteSchema(&buf); err != nil {
		fmt.Println(err)
		return
	}
	var schema struct {
		Schema      string                     `json:"$schema"`
		Definitions map[string]json.RawMessage `json:"definitions"`
	}
	if err := json.Unmarshal(buf.Bytes(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Schema)
	_, ok := schema.Definitions["membership"]
	fmt.Println("has membership:", ok)
	// Output:
	// http://json-schema.org/draft-07/schema#
	// has membership: true
}

// Load a record set from a file system and read a record.
func ExampleLoadFS() {
	fsys := fstest.MapFS{
		"civicnet.yaml": {Data: []byte("base: https://data.example.org/net/\n")},
		"toscana.yaml": {Data: []byte(`kind: region
id: regione-toscana
name: {it: Regione Toscana, en: Tuscany Region}
memberships:
  - {organization: efus, during: 2001/..}
`)},
		"efus.json": {Data: []byte(`{"kind": "organization", "id": "efus", "name": "European Forum for Urban Security"}`)},
	}
	ds, problems := recordfile.LoadFS(fsys, recordfile.Options{})
	for _, p := range problems {
		fmt.Println(p)
	}
	r := ds.Lookup("regione-toscana").(*model.Region)
	fmt.Println(r.Name.Best("it"), "at", r.Pos())
	for _, m := range ds.Memberships() {
		fmt.Println(m.Member, m.Role.Slug, m.Organization, "since", m.During.Start)
	}
	// Output:
	// Regione Toscana at toscana.yaml:1:1
	// regione-toscana member efus since 2001
}
