package model_test

import (
	"fmt"

	"github.com/civicnet/civicnet/model"
)

// Build records in code; nested memberships become top-level records.
func ExampleDataset_Add() {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	ds.Add(&model.Organization{
		Common: model.Common{ID: "regione-toscana", Name: model.Plain("Regione Toscana")},
		Memberships: []*model.Membership{{
			Organization: "fisu-executive-committee",
			Role:         model.ParseRole("executive-committee-member"),
			During:       model.Between(model.Year(2008), model.Year(2011)),
		}},
	})
	m := ds.Memberships()[0]
	fmt.Println(m.Member, "→", m.Organization, m.Role.Label, m.During)
	fmt.Println(len(m.ID), "character generated id")
	// Output:
	// regione-toscana → fisu-executive-committee executive committee member 2008/2011
	// 36 character generated id
}

// Build dates and intervals in code; Check says what is wrong with a
// value, as ParseInterval does for text.
func ExampleBetween() {
	fmt.Println(model.Between(model.Year(2005), model.YearMonth(2006, 3)))
	fmt.Println(model.Since(model.Day(2001, 5, 4)), model.Until(model.Year(2004)), model.During(model.Year(2008)))
	fmt.Println(model.MustParseInterval("1997~/.."))
	fmt.Println(model.Between(model.Year(2011), model.Year(2008)).Check())
	fmt.Println(model.YearMonth(2008, 13).Check())
	// Output:
	// 2005/2006-03
	// 2001-05-04/.. ../2004 2008
	// 1997~/..
	// model: invalid date "2011/2008": end 2008 is before start 2011
	// model: invalid date "2008-13": month 13 out of range 01-12
}

// Check every value of a record before adding it; validate does the same
// for the whole dataset.
func ExampleCheckRecord() {
	p := &model.Project{
		Common: model.Common{ID: "secucities", Name: model.Plain("Secucities")},
		During: model.Between(model.Year(2005), model.Year(2007)),
		Funding: []*model.Funding{
			{Funder: "efus", Share: "full"},
			{Funder: "eu", Share: "half", Amount: model.Quantity{Value: "about 1 million", Unit: "EUR"}},
		},
	}
	for _, fe := range model.CheckRecord(p) {
		fmt.Println(fe.Code, fe)
	}
	// Output:
	// bad-value model: funding[1].share: share "half" is neither full nor part
	// bad-quantity model: funding[1].amount: amount "about 1 million" is not a number
}

// Parse EDTF intervals; errors say what is wrong.
func ExampleParseInterval() {
	for _, s := range []string{"1997~/..", "2006-11-02/2006-11-04", "2011/2008", "2006-02-30"} {
		iv, err := model.ParseInterval(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(iv, "from", iv.Start.ISO(), "ongoing:", iv.Ongoing())
	}
	// Output:
	// 1997~/.. from 1997 ongoing: true
	// 2006-11-02/2006-11-04 from 2006-11-02 ongoing: false
	// model: invalid date "2011/2008": end 2008 is before start 2011
	// model: invalid date "2006-02-30": 2006-02-30 is not a day: February 2006 has 28 days
}
