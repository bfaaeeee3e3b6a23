package validate_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

// Records built in code for the tests below: each valid, with sources,
// so that a case adds exactly the mistake it is about.
var src = []*model.Source{{Title: "in code"}}

func orgRec(id string) *model.Organization {
	return &model.Organization{Common: model.Common{ID: id, Name: model.Plain(id), Sources: src}}
}

func projRec(id string, during model.Interval) *model.Project {
	return &model.Project{Common: model.Common{ID: id, Name: model.Plain(id), Sources: src}, During: during}
}

const testBase = "https://data.example.org/net/"

// inCodeCases builds, for each diagnostic code that records built in
// code can have, a dataset that has it, with struct literals and
// Dataset.Add only: no file is read.
var inCodeCases = map[string]func() *model.Dataset{
	"missing-field": func() *model.Dataset {
		return dataset(&model.Organization{Common: model.Common{ID: "efus", Sources: src}})
	},
	"bad-date": func() *model.Dataset {
		return dataset(orgRec("efus"), &model.Event{Common: model.Common{ID: "ga", Name: model.Plain("GA"), Sources: src},
			Date: model.During(model.YearMonth(2008, 13))})
	},
	"reversed-interval": func() *model.Dataset {
		o := orgRec("efus")
		o.Memberships = []*model.Membership{{Organization: "fisu", During: model.Between(model.Year(2011), model.Year(2008))}}
		return dataset(o, orgRec("fisu"))
	},
	"unsupported-date": func() *model.Dataset {
		return dataset(projRec("p", model.Since(model.Year(-300))))
	},
	"bad-quantity": func() *model.Dataset {
		p := projRec("p", model.Interval{})
		p.Funding = []*model.Funding{{Funder: "efus", Amount: model.Quantity{Value: "abc", Unit: "EUR"}}}
		return dataset(orgRec("efus"), p)
	},
	"bad-id": func() *model.Dataset { return dataset(orgRec("Efus")) },
	"duplicate-id": func() *model.Dataset {
		return dataset(orgRec("efus"), projRec("efus", model.Interval{}))
	},
	"dangling-ref": func() *model.Dataset {
		o := orgRec("toscana")
		o.Memberships = []*model.Membership{{Organization: "efsu"}}
		return dataset(o, orgRec("efus"))
	},
	"wrong-ref-kind": func() *model.Dataset {
		return dataset(orgRec("efus"), &model.Person{Common: model.Common{ID: "ada", Name: model.Plain("Ada"), Sources: src}},
			&model.Membership{Common: model.Common{Sources: src}, Member: "efus", Organization: "ada"})
	},
	"unresolved-publisher": func() *model.Dataset {
		o := orgRec("efus")
		o.Sources = []*model.Source{{Title: "t", Publisher: "efsu"}}
		return dataset(o)
	},
	"bad-value": func() *model.Dataset {
		p := projRec("p", model.Interval{})
		p.Funding = []*model.Funding{{Funder: "efus", Share: "half"}}
		return dataset(orgRec("efus"), p)
	},
	"bad-language-tag": func() *model.Dataset {
		o := orgRec("efus")
		o.Name = model.Text{{Lang: "english", Value: "Efus"}}
		return dataset(o)
	},
	"bad-url": func() *model.Dataset {
		o := orgRec("efus")
		o.Website = "efus.eu"
		return dataset(o)
	},
	"bad-email": func() *model.Dataset {
		o := orgRec("efus")
		o.Email = "contact at efus.eu"
		return dataset(o)
	},
	"bad-country": func() *model.Dataset {
		o := orgRec("athens")
		o.Country = "EL"
		return dataset(o)
	},
	"bad-identifier": func() *model.Dataset {
		o := orgRec("efus")
		o.Identifiers = []model.Identifier{{Scheme: "wikidata", Value: "1273"}}
		return dataset(o)
	},
	"negative-quantity": func() *model.Dataset {
		return dataset(&model.Region{Organization: *orgRec("toscana"), Population: model.Quantity{Value: "-5"}})
	},
	"bad-unit": func() *model.Dataset {
		return dataset(&model.Region{Organization: *orgRec("toscana"), Population: model.Quantity{Value: "5", Unit: "EUR"}})
	},
	"control-character": func() *model.Dataset {
		o := orgRec("efus")
		o.Name = model.Plain("Efus\a")
		return dataset(o)
	},
	"pipe-in-item": func() *model.Dataset {
		o := orgRec("efus")
		o.Topics = []string{"security | prevention"}
		return dataset(o)
	},
	"self-membership": func() *model.Dataset {
		o := orgRec("efus")
		o.Memberships = []*model.Membership{{Organization: "efus"}}
		return dataset(o)
	},
	"duplicate-membership": func() *model.Dataset {
		o := orgRec("toscana")
		o.Memberships = []*model.Membership{{Organization: "efus"}, {Organization: "efus"}}
		return dataset(o, orgRec("efus"))
	},
	"duplicate-participation": func() *model.Dataset {
		return dataset(orgRec("efus"), &model.Event{Common: model.Common{ID: "ga", Name: model.Plain("GA"), Sources: src},
			Date: model.During(model.Year(2008)), Organizers: []string{"efus", "efus"}})
	},
	"unit-cycle": func() *model.Dataset {
		o := orgRec("efus")
		o.UnitOf = "efus"
		return dataset(o)
	},
	"bad-base": func() *model.Dataset {
		ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net"})
		ds.Add(orgRec("efus"))
		return ds
	},
	"bad-license": func() *model.Dataset {
		o := orgRec("efus")
		o.Sources = []*model.Source{{Title: "t", License: "CC BY 4.0"}}
		return dataset(o)
	},
	"event-outside-project": func() *model.Dataset {
		return dataset(projRec("p", model.Between(model.Year(2017), model.Year(2019))),
			&model.Event{Common: model.Common{ID: "w", Name: model.Plain("W"), Sources: src}, Project: "p",
				Date: model.During(model.YearMonth(2021, 3))})
	},
	"participant-outside-project": func() *model.Dataset {
		p := projRec("p", model.Between(model.Year(2005), model.Year(2007)))
		p.Participants = []*model.Membership{{Member: "efus", Role: model.ParseRole("partner"),
			During: model.Between(model.Year(2006), model.Year(2009))}}
		return dataset(orgRec("efus"), p)
	},
	"overlapping-membership": func() *model.Dataset {
		o := orgRec("toscana")
		o.Memberships = []*model.Membership{{Organization: "efus", During: model.Between(model.Year(2001), model.Year(2010))},
			{Organization: "efus", During: model.Since(model.Year(2005))}}
		return dataset(o, orgRec("efus"))
	},
	"missing-date": func() *model.Dataset {
		return dataset(&model.Event{Common: model.Common{ID: "rt", Name: model.Plain("Round table"), Sources: src}})
	},
	"license-restrictive": func() *model.Dataset {
		o := orgRec("efus")
		o.Sources = []*model.Source{{Title: "t", License: "CC-BY-NC-SA-3.0"}}
		return dataset(o)
	},
	"personal-email": func() *model.Dataset {
		return dataset(&model.Person{Common: model.Common{ID: "ada", Name: model.Plain("Ada"), Email: "ada@example.org", Sources: src}})
	},
	"alt-name-equals-name": func() *model.Dataset {
		o := orgRec("efus")
		o.AltNames = []model.Text{model.Plain("efus")}
		return dataset(o)
	},
	"no-sources": func() *model.Dataset {
		o := orgRec("efus")
		o.Sources = nil
		return dataset(o)
	},
	"bad-rule": func() *model.Dataset {
		o := orgRec("efus")
		o.Ignore = []string{"no-sourcs"}
		return dataset(o)
	},
	"inconsistent-type": func() *model.Dataset {
		o := orgRec("efus")
		o.Type = "netwrok"
		return dataset(o)
	},
}

func dataset(records ...model.Record) *model.Dataset {
	ds := model.NewDataset(model.DatasetInfo{Base: testBase})
	ds.Add(records...)
	return ds
}

// TestEveryCodeInCode proves that validation does not depend on how the
// records were made: every code is produced by records built in code,
// or docs/diagnostics.md says it is for files only, and why.
func TestEveryCodeInCode(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(packageDir, "..", "docs", "diagnostics.md"))
	require.NoError(t, err)
	sections := map[string]string{}
	for _, part := range strings.Split(string(doc), "\n### `")[1:] {
		code, body, _ := strings.Cut(part, "`")
		sections[code] = body
	}
	filesOnly := regexp.MustCompile(`(?m)^\*\*Files only\*\*: \S`)
	for _, c := range validate.Codes() {
		t.Run(c.Code, func(t *testing.T) {
			build, ok := inCodeCases[c.Code]
			if !ok {
				assert.Regexp(t, filesOnly, sections[c.Code],
					"no in-code case produces %s, and docs/diagnostics.md does not say it is for files only", c.Code)
				return
			}
			assert.NotRegexp(t, filesOnly, sections[c.Code], "docs/diagnostics.md says %s is for files only, but records built in code have it", c.Code)
			diags := validate.Validate(build(), nil)
			var found *validate.Diagnostic
			for i := range diags {
				if diags[i].Code == c.Code {
					found = &diags[i]
					break
				}
			}
			require.NotNil(t, found, "Validate(in-code %s) = %v", c.Code, diags)
			assert.False(t, found.Pos.IsValid(), "%v: a record built in code has no position", found)
			assert.NotEmpty(t, found.Record.Kind, "%v: names no record", found)
			assert.Equal(t, c.Severity, found.Severity, "%v", found)
		})
	}
}

// TestInCodeErrorsNameTheRecord is the done criterion of issue 13 from
// the validation side: records built only in code, each with one
// mistake, each get an error whose text names the record and field.
func TestInCodeErrorsNameTheRecord(t *testing.T) {
	tests := []struct {
		code  string
		build func() *model.Dataset
		want  string // the diagnostic's first line
	}{
		{"reversed-interval", inCodeCases["reversed-interval"],
			"organization efus: memberships[0].during: error[reversed-interval]: during: end 2008 is before start 2011"},
		{"bad-date", inCodeCases["bad-date"], "event ga: date: error[bad-date]: date: month 13 out of range 01-12"},
		{"bad-quantity", inCodeCases["bad-quantity"], `project p: funding[0].amount: error[bad-quantity]: amount "abc" is not a number`},
		{"bad-base", inCodeCases["bad-base"], `dataset: base: error[bad-base]: base "https://data.example.org/net" does not end with /`},
		{"duplicate-id", inCodeCases["duplicate-id"], `project efus: id: error[duplicate-id]: duplicate id "efus"`},
		{"dangling-ref", inCodeCases["dangling-ref"],
			`organization toscana: memberships[0].organization: error[dangling-ref]: organization: no record has id "efsu"`},
		{"missing-field", inCodeCases["missing-field"], `organization efus: name: error[missing-field]: organization "efus" has no name`},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			diags := validate.Validate(tc.build(), nil)
			var lines []string
			for _, d := range diags {
				lines = append(lines, d.String())
			}
			assert.Contains(t, lines, tc.want, "Validate(in-code records with a %s)", tc.code)
			assert.True(t, diags.HasErrors())
		})
	}
}

// A value that the decoder reads but is not valid is reported once, by
// the rule that checks values built in code too.
func TestFileValuesReportedOnce(t *testing.T) {
	ds, problems := recordfile.Decode(strings.NewReader("kind: project\nid: p\nname: P\nduring: 2011/2008\nsources: [{title: t}]\n"),
		"p.yaml", recordfile.Options{Base: testBase})
	diags := validate.Validate(ds, problems)
	require.Len(t, diags, 1, "Validate = %v", diags)
	assert.Equal(t, "p.yaml:4:9: error[reversed-interval]: during: end 2008 is before start 2011", diags[0].String())
	assert.Equal(t, validate.RecordName{Kind: "project", ID: "p"}, diags[0].Record)
	assert.Equal(t, "during", diags[0].Field)
}

// A record built in code is an accepted exception by its ignore list as
// one read from a file is: the rules find the record a diagnostic names
// by its kind and id, and a nested record by its key path.
func TestInCodeIgnore(t *testing.T) {
	suppressed := func(diags validate.Diagnostics, code string) []string {
		var out []string
		for _, d := range diags {
			if d.Code == code && d.Suppressed != nil {
				out = append(out, d.Where()+" "+d.Suppressed.Kind+" "+d.Suppressed.Justification)
			}
		}
		return out
	}

	t.Run("record", func(t *testing.T) {
		o := orgRec("efus")
		o.Sources = nil
		o.Ignore = []string{"no-sources"}
		other := orgRec("fisu")
		other.Sources = nil
		diags := validate.Validate(dataset(o, other), nil)
		assert.Equal(t, []string{"organization efus record ignore: [no-sources] on organization efus"}, suppressed(diags, "no-sources"))
		e, w := diags.Counts()
		assert.Equal(t, [2]int{0, 1}, [2]int{e, w}, "fisu's no-sources still counts: %v", diags)
	})

	overlapping := func(ownIgnore, memberIgnore []string) validate.Diagnostics {
		o := orgRec("toscana")
		o.Ignore = memberIgnore
		o.Memberships = []*model.Membership{
			{Organization: "efus", During: model.Between(model.Year(2001), model.Year(2010))},
			{Organization: "efus", During: model.Since(model.Year(2005))},
		}
		for _, m := range o.Memberships {
			m.Ignore = ownIgnore
		}
		return validate.Validate(dataset(o, orgRec("efus")), nil)
	}
	t.Run("nested by its own list", func(t *testing.T) {
		diags := overlapping([]string{"overlapping-membership"}, nil)
		got := suppressed(diags, "overlapping-membership")
		require.Len(t, got, 1, "%v", diags)
		assert.Regexp(t, `^organization toscana: memberships\[\d\]\.during record ignore: \[overlapping-membership\] on organization toscana: memberships\[\d\]$`, got[0])
		assert.False(t, diags.HasErrors())
		_, w := diags.Counts()
		assert.Zero(t, w, "%v", diags)
	})
	t.Run("nested by its member's list", func(t *testing.T) {
		diags := overlapping(nil, []string{"overlapping-membership"})
		got := suppressed(diags, "overlapping-membership")
		require.Len(t, got, 1, "%v", diags)
		assert.Contains(t, got[0], " on organization toscana")
	})
	t.Run("not by another record's list", func(t *testing.T) {
		o := orgRec("toscana")
		o.Memberships = []*model.Membership{
			{Organization: "efus", During: model.Between(model.Year(2001), model.Year(2010))},
			{Organization: "efus", During: model.Since(model.Year(2005))},
		}
		efus := orgRec("efus")
		efus.Ignore = []string{"overlapping-membership"}
		diags := validate.Validate(dataset(o, efus), nil)
		assert.Empty(t, suppressed(diags, "overlapping-membership"), "%v", diags)
	})
	t.Run("bad item names the record", func(t *testing.T) {
		diags := validate.Validate(inCodeCases["bad-rule"](), nil)
		require.Len(t, diags, 1, "%v", diags)
		assert.Equal(t, `organization efus: ignore[0]: error[bad-rule]: ignore: unknown diagnostic code "no-sourcs"; did you mean "no-sources"?`, diags[0].String())
	})
}

// In a file too, a nested membership's ignore list covers its own
// diagnostics, which name the organisation it is written in, and not
// those of the other memberships of that organisation.
func TestFileIgnoreNested(t *testing.T) {
	const file = `kind: organization
id: toscana
name: Toscana
sources: [{title: t}]
memberships:
  - organization: efus
    during: 2001/2010
  - organization: efus
    during: 2005/..
    ignore: [overlapping-membership]
  - organization: efus
    during: 2008/2009
---
kind: organization
id: efus
name: Efus
sources: [{title: t}]
`
	ds, problems := recordfile.Decode(strings.NewReader(file), "t.yaml", recordfile.Options{Base: testBase})
	diags := validate.Validate(ds, problems)
	var shown, suppressed []string
	for _, d := range diags {
		if d.Code != "overlapping-membership" {
			continue
		}
		line := d.Record.String() + ": " + d.Field
		if d.Suppressed != nil {
			suppressed = append(suppressed, line+" "+d.Suppressed.Justification+" "+d.Suppressed.Pos.String())
		} else {
			shown = append(shown, line)
		}
	}
	assert.Equal(t, []string{"organization toscana: memberships[1].during ignore: [overlapping-membership] on organization toscana: memberships[1] t.yaml:10:14"}, suppressed, "%v", diags)
	assert.NotEmpty(t, shown, "the third membership's overlap still counts: %v", diags)
	for _, s := range shown {
		assert.NotContains(t, s, "memberships[1]")
	}
}
