package ntriples_test

import (
	"fmt"
	"os"

	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/model"
)

func ExampleNewWriter() {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	ds.Add(&model.Place{Common: model.Common{ID: "florence", Name: model.Text{{Lang: "it", Value: "Firenze"}}}, Type: "city"})
	w := ntriples.NewWriter(os.Stdout)
	if err := w.Write(ds); err != nil {
		fmt.Println(err)
	}
	if err := w.Close(); err != nil { // flushes: always call it
		fmt.Println(err)
	}
	// Output:
	// <https://data.example.org/net/id/florence> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/City> .
	// <https://data.example.org/net/id/florence> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Place> .
	// <https://data.example.org/net/id/florence> <http://schema.org/name> "Firenze"@it .
	// <https://data.example.org/net/id/florence> <http://www.w3.org/2004/02/skos/core#prefLabel> "Firenze"@it .
}
