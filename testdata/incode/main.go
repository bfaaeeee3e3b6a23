// Command incode is an external program that uses civicnet as a Go
// module, building its records only in code, as the test of the
// repository root (incode_test.go) runs it: for each mistake it prints
// what validate reports and what each writer does with the records, one
// JSON object a line; then it exports a valid dataset to every format.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/csvw"
	"github.com/civicnet/civicnet/export/jsonld"
	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/export/turtle"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/validate"
)

type result struct {
	Case        string            `json:"case"`
	Diagnostics []string          `json:"diagnostics"` // errors only, as text
	Writers     map[string]string `json:"writers"`     // writer → its error, "" when it wrote
	Dump        string            `json:"dump"`        // WriteDump's error, "" when it wrote
}

const base = "https://data.example.org/net/"

// valid returns a small dataset without mistakes.
func valid(info model.DatasetInfo) *model.Dataset {
	ds := model.NewDataset(info)
	src := []*model.Source{{Title: "Efus member profile", URL: "https://efus.eu/members/"}}
	ds.Add(
		&model.Organization{Common: model.Common{ID: "efus", Name: model.Plain("European Forum for Urban Security"), Sources: src},
			Type: "network"},
		&model.Organization{Common: model.Common{ID: "anci", Name: model.Plain("ANCI"), Sources: src},
			Memberships: []*model.Membership{{Organization: "efus", During: model.Since(model.Year(2001))}}},
		&model.Project{Common: model.Common{ID: "parterre", Name: model.Plain("PARTERRE"), Sources: src},
			During: model.Between(model.Year(2008), model.Year(2011)),
			Funding: []*model.Funding{{Funder: "efus", Share: "part",
				Amount: model.Quantity{Value: "100000", Unit: "EUR", Qualifier: model.QualifierMoreThan}}}},
	)
	return ds
}

func main() {
	out := json.NewEncoder(os.Stdout)
	info := model.DatasetInfo{Base: base, Language: "en", License: "CC-BY-4.0"}
	cases := []struct {
		name  string
		build func() *model.Dataset
	}{
		{"reversed interval", func() *model.Dataset {
			ds := valid(info)
			ds.Add(&model.Membership{Member: "parterre", Organization: "efus",
				During: model.Interval{Start: model.Year(2011), StartBound: model.BoundDate, End: model.Year(2008), EndBound: model.BoundDate}})
			return ds
		}},
		{"month 13", func() *model.Dataset {
			ds := valid(info)
			ds.Add(&model.Event{Common: model.Common{ID: "ga-2008", Name: model.Plain("General assembly")},
				Date: model.During(model.YearMonth(2008, 13)), Organizers: []string{"efus"}})
			return ds
		}},
		{"non-numeric quantity", func() *model.Dataset {
			ds := valid(info)
			ds.Add(&model.Event{Common: model.Common{ID: "ga-2009", Name: model.Plain("General assembly")},
				Date: model.During(model.Year(2009)), ParticipantCount: model.Quantity{Value: "abc"}})
			return ds
		}},
		{"base without slash", func() *model.Dataset {
			return valid(model.DatasetInfo{Base: "https://data.example.org/net", Language: "en"})
		}},
		{"duplicate id", func() *model.Dataset {
			ds := valid(info)
			ds.Add(&model.Organization{Common: model.Common{ID: "efus", Name: model.Plain("Efus again")}})
			return ds
		}},
		{"dangling reference", func() *model.Dataset {
			ds := valid(info)
			ds.Add(&model.Membership{Member: "anci", Organization: "efsu"})
			return ds
		}},
		{"empty required field", func() *model.Dataset {
			ds := valid(info)
			ds.Add(&model.Organization{Common: model.Common{ID: "nameless"}})
			return ds
		}},
		{"valid", func() *model.Dataset { return valid(info) }},
	}
	tmp, err := os.MkdirTemp("", "incode-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(tmp)
	for i, c := range cases {
		r := result{Case: c.name, Writers: map[string]string{}}
		ds := c.build()
		for _, d := range validate.Validate(ds, nil) {
			if d.Severity == validate.Error {
				r.Diagnostics = append(r.Diagnostics, d.String())
			}
		}
		for name, w := range map[string]interface {
			Write(*model.Dataset) error
			Close() error
		}{
			"nt": ntriples.NewWriter(io.Discard), "ttl": turtle.NewWriter(io.Discard),
			"jsonld": jsonld.NewWriter(io.Discard), "csv": csvw.NewWriter(io.Discard, "memberships"),
		} {
			if err := w.Write(ds); err != nil {
				r.Writers[name] = err.Error()
			} else {
				r.Writers[name] = ""
			}
		}
		if err := export.WriteDump(context.Background(), filepath.Join(tmp, fmt.Sprint(i)), ds, export.DumpOptions{}); err != nil {
			r.Dump = err.Error()
		}
		if err := out.Encode(r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
