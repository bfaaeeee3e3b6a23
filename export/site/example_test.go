package site_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/civicnet/civicnet/export/site"
	"github.com/civicnet/civicnet/model"
)

// A site for two records: each has its page at its IRI's path and its
// triples beside it.
func ExampleWrite() {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/", Title: "Example"})
	ds.Add(
		&model.Organization{Common: model.Common{ID: "efus", Name: model.Plain("European Forum for Urban Security")}, Type: "network"},
		&model.Region{Organization: model.Organization{Common: model.Common{ID: "toscana", Name: model.Text{{Lang: "it", Value: "Regione Toscana"}}},
			Memberships: []*model.Membership{{Organization: "efus", Role: model.ParseRole("associate-member")}}}},
	)
	dir, err := os.MkdirTemp("", "site")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := site.Write(context.Background(), dir, ds, site.Options{}); err != nil {
		log.Fatal(err)
	}
	for _, f := range []string{"id/toscana/index.html", "id/toscana.ttl", "id/toscana.nt", "id/toscana.jsonld", "roles/associate-member/index.html", "index.html"} {
		_, err := os.Stat(filepath.Join(dir, f))
		fmt.Println(f, err == nil)
	}
	// Output:
	// id/toscana/index.html true
	// id/toscana.ttl true
	// id/toscana.nt true
	// id/toscana.jsonld true
	// roles/associate-member/index.html true
	// index.html true
}
