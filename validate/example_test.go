package validate_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

// Validate a record set and print the report as civicnet validate does.
func ExampleValidate() {
	records := `kind: organization
id: efus
name: European Forum for Urban Security
sources: [{title: Efus member profile}]
---
kind: membership
member: regione-toscana
organization: efsu
sources: [{title: Efus member profile}]
---
kind: region
id: regione-toscana
name: {it: Regione Toscana, en: Tuscany Region}
country: EL
sources: [{title: Efus member profile}]
`
	ds, problems := recordfile.Decode(strings.NewReader(records), "toscana.yaml", recordfile.Options{})
	diags := validate.Validate(ds, problems)
	opts := validate.RenderOptions{Files: validate.CountFiles(ds, diags)}
	if err := validate.WriteText(os.Stdout, diags, opts); err != nil {
		fmt.Println(err)
	}
	// Output:
	// toscana.yaml:8:15: error[dangling-ref]: organization: no record has id "efsu"
	//     did you mean "efus"?
	// toscana.yaml:14:10: error[bad-country]: country "EL" is the EU's code for Greece, not ISO 3166-1
	//     write GR, the ISO 3166-1 code of Greece
	// 2 errors, 0 warnings in 1 file
}

// Diagnostics are values: count them, or use them as an error.
func ExampleDiagnostics_Err() {
	ds := model.NewDataset(model.DatasetInfo{})
	ds.Add(&model.Organization{Common: model.Common{ID: "Efus", Name: model.Plain("Efus"),
		Sources: []*model.Source{{Title: "notes"}}}})
	diags := validate.Validate(ds, nil)
	errs, warns := diags.Counts()
	fmt.Printf("errors: %d, warnings: %d\n", errs, warns)
	if err := diags.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// errors: 1, warnings: 0
	// organization Efus: id: error[bad-id]: id "Efus" is not a valid id
}

// Validate records built in code: each value is checked as it would be
// in a file, and a diagnostic without a position names the record and
// the key path of the value.
func ExampleValidate_inCode() {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	sources := []*model.Source{{Title: "Efus member profile", URL: "https://efus.eu/members/"}}
	ds.Add(
		&model.Organization{Common: model.Common{ID: "efus", Name: model.Plain("European Forum for Urban Security"), Sources: sources}},
		&model.Region{Organization: model.Organization{
			Common: model.Common{ID: "regione-toscana", Name: model.Plain("Regione Toscana"), Sources: sources},
			Memberships: []*model.Membership{
				{Organization: "efus", During: model.Since(model.Year(2001))},
				// A mistake: the years are swapped.
				{Organization: "efus", Role: model.ParseRole("executive-committee-member"),
					During: model.Between(model.Year(2011), model.Year(2008))},
			}},
			Population: model.Quantity{Value: "3600000", Qualifier: model.QualifierApproximate},
		},
	)
	diags := validate.Validate(ds, nil)
	if err := validate.WriteText(os.Stdout, diags, validate.RenderOptions{Records: ds.Len()}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// region regione-toscana: memberships[1].during: error[reversed-interval]: during: end 2008 is before start 2011
	//     accepted forms: 2008, 2008-06, 2008-07-18, 1997~, 2005?, 2005%, 2005/2006, 2001/.., ../2004, 2001/, /2004
	// 1 error, 0 warnings in 4 records
}
