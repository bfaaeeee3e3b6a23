package csvw_test

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/civicnet/civicnet/export/csvw"
	"github.com/civicnet/civicnet/model"
)

func ExampleGuardCell() {
	for _, s := range []string{`=HYPERLINK("http://evil.example/")`, "-12.5", "'Ndrangheta", "'=1"} {
		g := csvw.GuardCell(s)
		fmt.Printf("%-36s → %-38s → %s\n", s, g, csvw.UnguardCell(g))
	}
	// Output:
	// =HYPERLINK("http://evil.example/")   → '=HYPERLINK("http://evil.example/")    → =HYPERLINK("http://evil.example/")
	// -12.5                                → -12.5                                  → -12.5
	// 'Ndrangheta                          → 'Ndrangheta                            → 'Ndrangheta
	// '=1                                  → ''=1                                   → '=1
}

func ExampleWriteMetadata() {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/", Language: "en"})
	var buf bytes.Buffer
	if err := csvw.WriteMetadata(&buf, ds); err != nil {
		fmt.Println(err)
		return
	}
	var md struct {
		Tables []struct {
			URL    string `json:"url"`
			Schema struct {
				AboutURL string `json:"aboutUrl"`
				Columns  []struct {
					Name, PropertyURL, ValueURL string
				} `json:"columns"`
			} `json:"tableSchema"`
		} `json:"tables"`
	}
	if err := json.Unmarshal(buf.Bytes(), &md); err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range md.Tables {
		if t.URL != "memberships.csv" {
			continue
		}
		fmt.Println(t.URL, t.Schema.AboutURL)
		for _, c := range t.Schema.Columns[1:4] {
			fmt.Println(c.Name, c.PropertyURL, c.ValueURL)
		}
	}
	// Output:
	// memberships.csv https://data.example.org/net/id/{id}
	// member http://www.w3.org/ns/org#member https://data.example.org/net/id/{member}
	// organization http://www.w3.org/ns/org#organization https://data.example.org/net/id/{organization}
	// role http://www.w3.org/ns/org#role https://data.example.org/net/roles/{role}
}
