package validate_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/validate"
)

// TestExamples checks that the example record set has no errors, and only
// the warnings its README expects: events without a date and sources
// under a licence more restrictive than the dataset's.
func TestExamples(t *testing.T) {
	ds, problems := examples.Load()
	diags := validate.Validate(ds, problems)
	expected := map[string]bool{"missing-date": true, "license-restrictive": true}
	for _, d := range diags {
		assert.True(t, d.Severity == validate.Warning && expected[d.Code], "Validate(examples): unexpected %v\n    %s", d, d.Detail)
	}
}

func TestUnitCycles(t *testing.T) {
	org := func(id, unitOf, subOf string) *model.Organization {
		return &model.Organization{Common: model.Common{ID: id, Name: model.Plain(id), Sources: []*model.Source{{Title: "t"}}},
			UnitOf: unitOf, SubOrganizationOf: subOf}
	}
	chain := func(n int, loop bool) []model.Record {
		rs := make([]model.Record, 0, n)
		for i := range n {
			next := "u" + strconv.Itoa(i+1)
			if i == n-1 {
				next = ""
				if loop {
					next = "u0"
				}
			}
			rs = append(rs, org("u"+strconv.Itoa(i), next, ""))
		}
		return rs
	}
	tests := []struct {
		name    string
		records []model.Record
		want    []string // summaries of the unit-cycle diagnostics
	}{
		{"no loop", []model.Record{org("a", "b", ""), org("b", "", "c"), org("c", "", "")}, nil},
		{"itself", []model.Record{org("a", "a", "")}, []string{"unit_of loops: a → a"}},
		{"two", []model.Record{org("a", "b", ""), org("b", "a", "")}, []string{"unit_of loops: a → b → a"}},
		{"mixed links", []model.Record{org("a", "b", ""), org("b", "", "c"), org("c", "a", "")},
			[]string{"unit_of and sub_organization_of loops: a → b → c → a"}},
		{"two loops", []model.Record{org("a", "b", ""), org("b", "a", ""), org("c", "d", ""), org("d", "c", "")},
			[]string{"unit_of loops: a → b → a", "unit_of loops: c → d → c"}},
		{"long chain", chain(20_000, false), nil},
		{"long loop", chain(20_000, true), []string{"unit_of loops: u0 → u1 → u2 → u3 → u4 → u5 → u6 → u7 → u8 → u9 → … → u0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds := model.NewDataset(model.DatasetInfo{})
			ds.Add(tc.records...)
			var got []string
			for _, d := range validate.Validate(ds, nil) {
				if d.Code == "unit-cycle" {
					got = append(got, d.Summary)
				}
			}
			assert.Equal(t, tc.want, got, "unit-cycle diagnostics")
		})
	}
}

func TestDanglingRefSuggestions(t *testing.T) {
	ds := model.NewDataset(model.DatasetInfo{})
	src := []*model.Source{{Title: "t"}}
	ds.Add(&model.Organization{Common: model.Common{ID: "efus", Name: model.Plain("Efus"), Sources: src}},
		&model.Organization{Common: model.Common{ID: "regione-toscana", Name: model.Plain("Regione Toscana"), Sources: src}})
	tests := []struct{ ref, detail string }{
		{"efsu", `did you mean "efus"?`},
		{"EFUS", `did you mean "efus"?`},
		{"Regione Toscana", `did you mean "regione-toscana"?`},
		{"regione-tuscany", `did you mean "regione-toscana"?`},
		{"zzzzzzzz", `correct the id, or add a record with id "zzzzzzzz"`},
	}
	for _, tc := range tests {
		t.Run(tc.ref, func(t *testing.T) {
			ds := *ds
			ds.Records = append(ds.Records[:len(ds.Records):len(ds.Records)],
				&model.Membership{Common: model.Common{Sources: src}, Member: "regione-toscana", Organization: tc.ref,
					Role: model.ParseRole("member")})
			diags := validate.Validate(&ds, nil)
			if assert.Len(t, diags, 1) {
				assert.Equal(t, "dangling-ref", diags[0].Code)
				assert.Equal(t, tc.detail, diags[0].Detail)
			}
		})
	}
}

func TestDuplicateMemberships(t *testing.T) {
	src := []*model.Source{{Title: "t"}}
	orgs := []model.Record{
		&model.Organization{Common: model.Common{ID: "efus", Name: model.Plain("Efus"), Sources: src}},
		&model.Organization{Common: model.Common{ID: "toscana", Name: model.Plain("Toscana"), Sources: src}},
	}
	member := func(id, role string) *model.Membership {
		return &model.Membership{Common: model.Common{ID: id, Sources: src}, Member: "toscana", Organization: "efus",
			Role: model.ParseRole(role)}
	}
	tests := []struct {
		name string
		ms   []model.Record
		want int
	}{
		{"two without id", []model.Record{member("", "member"), member("", "member")}, 1},
		{"two with ids", []model.Record{member("m1", "member"), member("m2", "member")}, 1},
		{"generated first", []model.Record{member("", "member"), member("m1", "member")}, 1},
		{"written first", []model.Record{member("m1", "member"), member("", "member")}, 1},
		{"three", []model.Record{member("", "member"), member("m1", "member"), member("", "member")}, 2},
		{"other roles", []model.Record{member("", "member"), member("m1", "partner"), member("", "coordinator")}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
			ds.Add(orgs...)
			ds.Add(tc.ms...)
			got := 0
			for _, d := range validate.Validate(ds, nil) {
				if d.Code != "duplicate-membership" {
					t.Errorf("unexpected %v", d)
					continue
				}
				got++
				assert.Len(t, d.Related, 1, "%v: related positions", d)
			}
			assert.Equal(t, tc.want, got, "duplicate-membership diagnostics")
		})
	}
}
