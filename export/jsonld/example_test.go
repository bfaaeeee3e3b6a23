package jsonld_test

import (
	"fmt"
	"os"

	"github.com/civicnet/civicnet/export/jsonld"
	"github.com/civicnet/civicnet/model"
)

func ExampleNewWriter() {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	ds.Add(&model.Place{Common: model.Common{ID: "florence", Name: model.Text{{Lang: "it", Value: "Firenze"}, {Lang: "en", Value: "Florence"}}}, Type: "city"})
	w := jsonld.NewWriter(os.Stdout)
	if err := w.Write(ds); err != nil {
		fmt.Println(err)
	}
	if err := w.Close(); err != nil { // ends the document: always call it
		fmt.Println(err)
	}
	// Output:
	// {
	//   "@context": "context.jsonld",
	//   "@graph": [
	//     {
	//       "id": "https://data.example.org/net/id/florence",
	//       "type": ["schema:City", "schema:Place"],
	//       "name": {"en": "Florence", "it": "Firenze"},
	//       "prefLabel": {"en": "Florence", "it": "Firenze"}
	//     }
	//   ]
	// }
}
