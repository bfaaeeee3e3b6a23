package model

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDateCheck(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		msg  string // "" for valid
		kind error
	}{
		{"zero", Date{}, "", nil},
		{"year", Year(2008), "", nil},
		{"month", YearMonth(2008, 6), "", nil},
		{"leap day", Day(2008, 2, 29), "", nil},
		{"qualified", Date{Year: 1997, Precision: PrecisionYear, Approximate: true}, "", nil},
		{"month 13", YearMonth(2008, 13), "month 13 out of range 01-12", ErrBadDate},
		{"month 0", YearMonth(2008, 0), "month 00 out of range 01-12", ErrBadDate},
		{"season", YearMonth(2004, 21), "seasons are not supported", ErrUnsupportedDate},
		{"February 30", Day(2006, 2, 30), "2006-02-30 is not a day: February 2006 has 28 days", ErrBadDate},
		{"negative year", Year(-5), "negative years are not supported", ErrUnsupportedDate},
		{"five digits", Year(12000), "year 12000 has more than four digits", ErrBadDate},
		{"no precision", Date{Year: 2008}, "a date without a precision must be the zero Date; set Precision, or build it with model.Year, YearMonth or Day", ErrBadDate},
		{"month below precision", Date{Year: 2008, Month: 6, Precision: PrecisionYear}, "month 6 is set on a date of year precision", ErrBadDate},
		{"day below precision", Date{Year: 2008, Month: 6, Day: 3, Precision: PrecisionMonth}, "day 3 is set on a date of month precision", ErrBadDate},
		{"unknown precision", Date{Year: 2008, Precision: 7}, "precision 7 is not a Precision", ErrBadDate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.d.Check()
			if tc.msg == "" {
				assert.NoError(t, err, "%+v.Check()", tc.d)
				return
			}
			var de *DateError
			require.ErrorAs(t, err, &de, "%+v.Check()", tc.d)
			assert.Equal(t, tc.msg, de.Msg, "%+v.Check()", tc.d)
			assert.ErrorIs(t, err, tc.kind)
			assert.Equal(t, tc.d.String(), de.Input)
		})
	}
}

func TestIntervalCheck(t *testing.T) {
	tests := []struct {
		name string
		iv   Interval
		msg  string
		kind error
	}{
		{"zero", Interval{}, "", nil},
		{"between", Between(Year(2005), YearMonth(2006, 3)), "", nil},
		{"since", Since(Year(2001)), "", nil},
		{"until", Until(Year(2004)), "", nil},
		{"during", During(Day(2008, 7, 18)), "", nil},
		{"extent", Between(YearMonth(2008, 6), Year(2008)), "", nil},
		{"reversed", Between(Year(2011), Year(2008)), "end 2008 is before start 2011", ErrReversedInterval},
		{"reversed by extent", Between(Year(2009), YearMonth(2008, 6)), "end 2008-06 is before start 2009", ErrReversedInterval},
		{"bad end", Since(YearMonth(2008, 13)), "month 13 out of range 01-12", ErrBadDate},
		{"no bounds", Interval{Start: Year(2008), End: Year(2011)},
			"StartBound and EndBound must both be set (BoundNone is only for the zero Interval); build intervals with model.Between, Since, Until or During", ErrBadDate},
		{"date on an open end", Interval{Start: Year(2001), End: Year(2003), StartBound: BoundDate, EndBound: BoundOpen},
			"end date 2003 is set but its bound is not BoundDate", ErrBadDate},
		{"bound without date", Interval{StartBound: BoundDate, EndBound: BoundOpen}, "the start bound is BoundDate but the start date is zero", ErrBadDate},
		{"both unknown", Interval{StartBound: BoundUnknown, EndBound: BoundUnknown}, "both ends are unknown", ErrBadDate},
		{"open start unknown end", Interval{StartBound: BoundOpen, EndBound: BoundUnknown}, "an open start needs an end: write ../2004 or ../..", ErrBadDate},
		{"single of two dates", Interval{Start: Year(2001), End: Year(2003), StartBound: BoundDate, EndBound: BoundDate, Single: true},
			"Single is set but the interval is not one date at both ends", ErrBadDate},
		{"unknown bound", Interval{Start: Year(2001), StartBound: BoundDate, EndBound: 9}, "a bound is not one of BoundDate, BoundOpen, BoundUnknown", ErrBadDate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.iv.Check()
			if tc.msg == "" {
				assert.NoError(t, err, "%+v.Check()", tc.iv)
				if tc.iv.IsZero() {
					return
				}
				back, perr := ParseInterval(tc.iv.String())
				require.NoError(t, perr, "ParseInterval(%q)", tc.iv.String())
				assert.Equal(t, tc.iv, back, "ParseInterval(%q)", tc.iv.String())
				return
			}
			var de *DateError
			require.ErrorAs(t, err, &de, "%+v.Check()", tc.iv)
			assert.Equal(t, tc.msg, de.Msg, "%+v.Check()", tc.iv)
			assert.ErrorIs(t, err, tc.kind)
		})
	}
}

// Every text ParseInterval refuses for its value, not its syntax, is a
// value Check refuses with the same message: one rule.
func TestParseIsSyntaxThenCheck(t *testing.T) {
	for _, s := range []string{"2011/2008", "2006-02-30", "2008-13/2009", "2004-21", "/", "../", "2009/2008-06"} {
		_, perr := ParseInterval(s)
		require.Error(t, perr, "ParseInterval(%q)", s)
		iv, err := ReadInterval(s)
		require.NoError(t, err, "ReadInterval(%q): the syntax is fine", s)
		cerr := iv.Check()
		require.Error(t, cerr, "%q: Check", s)
		assert.Equal(t, perr.Error(), cerr.Error(), "%q: ParseInterval and Check disagree", s)
	}
}

func TestMustParse(t *testing.T) {
	assert.Equal(t, Day(2008, 7, 18), MustParseDate("2008-07-18"))
	assert.Equal(t, Since(Year(2001)), MustParseInterval("2001/.."))
	assert.Panics(t, func() { MustParseDate("2008-13") })
	assert.Panics(t, func() { MustParseInterval("2011/2008") })
}

func TestQuantityCheck(t *testing.T) {
	tests := []struct {
		name string
		q    Quantity
		want string // error text, "" for valid
	}{
		{"zero", Quantity{}, ""},
		{"integer", Quantity{Value: "3600000"}, ""},
		{"negative", Quantity{Value: "-3"}, ""}, // the field's rule, not the value's
		{"decimal with unit", Quantity{Value: "22990.5", Unit: "KMK", Qualifier: QualifierApproximate, AsOf: Year(2021)}, ""},
		{"not a number", Quantity{Value: "abc"}, `model: quantity "abc" is not a number`},
		{"not canonical", Quantity{Value: "3.6e6"}, `model: quantity "3.6e6" is not in canonical form`},
		{"no value", Quantity{Unit: "EUR"}, "model: quantity has no value"},
		{"bad qualifier", Quantity{Value: "5", Qualifier: 42}, `model: qualifier "Qualifier(42)" is not a qualifier`},
		{"bad date", Quantity{Value: "5", AsOf: YearMonth(2008, 13)}, `model: invalid date "2008-13": month 13 out of range 01-12`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.q.Check()
			if tc.want == "" {
				assert.NoError(t, err, "%+v.Check()", tc.q)
				return
			}
			assert.EqualError(t, err, tc.want, "%+v.Check()", tc.q)
		})
	}
	assert.ErrorIs(t, Quantity{Unit: "EUR"}.Check(), ErrMissing)
}

func TestRoleFundingSourceCheck(t *testing.T) {
	assert.NoError(t, Role{}.Check())
	assert.NoError(t, ParseRole("Commander").Check())
	assert.EqualError(t, ParseRole("—").Check(), `model: role "—" has no letters or digits`)
	assert.EqualError(t, Role{Label: "Board member"}.Check(), `model: role "Board member" has no slug`)
	assert.EqualError(t, Role{Slug: "Board Member"}.Check(), `model: role slug "Board Member" is not a slug`)

	assert.NoError(t, (&Funding{Share: "part", Amount: Quantity{Value: "100", Unit: "EUR"}}).Check())
	assert.EqualError(t, (&Funding{Share: "half"}).Check(), `model: share "half" is neither full nor part`)
	assert.EqualError(t, (&Funding{Amount: Quantity{Value: "abc"}}).Check(), `model: quantity "abc" is not a number`)

	assert.NoError(t, (&Source{URL: "https://efus.eu/"}).Check())
	err := (&Source{Publisher: "efus"}).Check()
	assert.EqualError(t, err, "model: source has neither title nor url")
	assert.ErrorIs(t, err, ErrMissing)
	assert.Error(t, (&Source{Title: "t", Published: Day(2011, 2, 29)}).Check())

	assert.EqualError(t, (&HeritageSite{Inscribed: 1982}).Check(), "model: heritage site has no name")
}

func TestCheckBase(t *testing.T) {
	tests := []struct{ base, msg string }{
		{"https://data.example.org/net/", ""},
		{"http://192.0.2.1:8080/", ""},
		{"", "is not set"},
		{"https://data.example.org/net", "does not end with /"},
		{"ftp://data.example.org/", "is not an absolute http(s) IRI"},
		{"data.example.org/", "is not an absolute http(s) IRI"},
		{"https://data.example.org/net?x/", "holds a character not allowed in an IRI base (space, <>\"{}|\\^` # ?)"},
		{"https://data.example.org/a b/", "holds a character not allowed in an IRI base (space, <>\"{}|\\^` # ?)"},
		{"https:///net/", "has no host name"},
		{"https://data_set.example.org/", `has no valid host name: "data_set.example.org" is not one`},
		{"https://x.example/%zz/", "is not a valid IRI: a % is not followed by two hexadecimal digits"},
		{"https://[::1]:8080/", ""},
		{"https://[zz]/", `has no valid host name: "[zz]" is not one`},
		{"https://example.org:99999999/", `has no valid host name: "example.org:99999999" is not one`},
		{"https://123/", `has no valid host name: "123" is not one`},
	}
	for _, tc := range tests {
		err := CheckBase(tc.base)
		if tc.msg == "" {
			assert.NoError(t, err, "CheckBase(%q)", tc.base)
			continue
		}
		var ve *ValueError
		if assert.ErrorAs(t, err, &ve, "CheckBase(%q)", tc.base) {
			assert.Equal(t, tc.msg, ve.Msg, "CheckBase(%q)", tc.base)
			assert.Equal(t, "base", ve.Name)
		}
	}
	assert.ErrorIs(t, CheckBase(""), ErrMissing)
	assert.EqualError(t, CheckBase("https://data.example.org/net"), `model: base "https://data.example.org/net" does not end with /`)
}

func TestCheckRecord(t *testing.T) {
	org := &Organization{
		Common: Common{ID: "efus", Name: Plain("Efus"), Sources: []*Source{{Title: "t"}, {Publisher: "x", Retrieved: YearMonth(2020, 13)}}},
		Memberships: []*Membership{
			{Organization: "a", During: Since(Year(2001))},
			{Organization: "b", During: Between(Year(2011), Year(2008)), Role: Role{Slug: "Board"}},
		},
	}
	proj := &Project{
		Common: Common{ID: "p", Name: Plain("P")},
		During: Between(Year(2005), Year(2008)),
		Funding: []*Funding{
			{Funder: "efus", Share: "full"},
			{Funder: "efus", Share: "half", Amount: Quantity{Value: "abc", Unit: "EUR"}},
		},
		Quantities: []*NamedQuantity{{Name: "projects"}, {Name: "x", Quantity: Quantity{Value: "1", AsOf: Day(2006, 2, 30)}}},
	}
	reg := &Region{Organization: Organization{Common: Common{ID: "r", Name: Plain("R")}},
		Population: Quantity{Value: "about 3.6 million"}, AreaKm2: Quantity{Value: "22990", Qualifier: 77},
		HeritageSites: []*HeritageSite{{Inscribed: 1982}}}
	ev := &Event{Common: Common{ID: "e", Name: Plain("E")}, Date: During(Day(2006, 2, 30)),
		Participants: []*Participation{{Agent: "efus", Role: ParseRole("—")}}}
	tests := []struct {
		r    Record
		want []string // "field code"
	}{
		{org, []string{"sources[1] missing-field", "sources[1].retrieved bad-date",
			"memberships[1].role bad-value", "memberships[1].during reversed-interval"}},
		{proj, []string{"funding[1].share bad-value", "funding[1].amount bad-quantity",
			"quantities[0] missing-field", "quantities[1].as_of bad-date"}},
		{reg, []string{"area_km2.qualifier bad-quantity", "population bad-quantity", "heritage_sites[0] missing-field"}},
		{ev, []string{"date bad-date", "participants[0].role bad-value"}},
		{&Place{Common: Common{ID: "x", Name: Plain("X")}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.r.Kind().String(), func(t *testing.T) {
			var got []string
			for _, fe := range CheckRecord(tc.r) {
				got = append(got, fe.Field+" "+fe.Code)
				assert.False(t, fe.Pos.IsValid(), "%v: a record built in code has no position", fe)
			}
			assert.Equal(t, tc.want, got, "CheckRecord(%s)", tc.r.Base().ID)
		})
	}
	fe := CheckRecord(reg)[1]
	assert.EqualError(t, fe, `model: population: population "about 3.6 million" is not a number`)
	assert.True(t, errors.Is(fe, ErrMissing) == false)
}

// The checks run for millions of values: a valid one costs no
// allocation.
func TestChecksDoNotAllocate(t *testing.T) {
	reg := &Region{Organization: Organization{Common: Common{ID: "r", Name: Plain("R"), Sources: []*Source{{Title: "t", Published: Year(2010)}}},
		Memberships: []*Membership{{Organization: "efus", During: Since(Year(2001)), Role: ParseRole("member")}}},
		Population:    Quantity{Value: "3600000", Qualifier: QualifierApproximate, AsOf: Year(2020)},
		HeritageSites: []*HeritageSite{{Name: Plain("Piazza del Duomo"), Inscribed: 1982}}}
	proj := &Project{During: Between(Year(2005), Day(2008, 2, 29)),
		Funding: []*Funding{{Share: "part", Amount: Quantity{Value: "100000.5", Unit: "EUR"}}}}
	allocs := testing.AllocsPerRun(100, func() {
		if CheckRecord(reg) != nil || CheckRecord(proj) != nil || CheckBase("https://data.example.org/net/") != nil {
			t.Fatal("valid values reported")
		}
	})
	assert.Zero(t, allocs, "allocations of CheckRecord and CheckBase on valid values")
}

func TestOwner(t *testing.T) {
	ds := NewDataset(DatasetInfo{Base: "https://data.example.org/net/"})
	org := &Organization{Common: Common{ID: "efus", Name: Plain("Efus")},
		Memberships: []*Membership{{Organization: "a"}, {Organization: "b"}}}
	ev := &Event{Common: Common{ID: "e", Name: Plain("E")}, Organizers: []string{"efus"},
		Location: &Location{City: "Torino", Country: "IT"}}
	top := &Membership{Member: "efus", Organization: "c"}
	ds.Add(org, ev, top)
	var got []string
	for _, r := range ds.Records {
		if owner, path := r.Base().Owner(); owner != nil {
			got = append(got, r.Kind().String()+" in "+owner.Base().ID+" at "+path)
		}
	}
	assert.Equal(t, []string{
		"membership in efus at memberships[0]", "membership in efus at memberships[1]",
		"place in e at location", "place in e at location", "participation in e at organizers[0]",
	}, got)
	owner, path := top.Owner()
	assert.Nil(t, owner)
	assert.Empty(t, path)
}

// A role with a label but no slug is kept, for validate to report, rather
// than replaced by the default role.
func TestAddKeepsARoleWithoutSlug(t *testing.T) {
	ds := NewDataset(DatasetInfo{})
	m := &Membership{Member: "a", Organization: "b", Role: ParseRole("—")}
	ds.Add(m, &Membership{Member: "a", Organization: "c"})
	assert.Equal(t, Role{Label: "—"}, m.Role)
	assert.Equal(t, "member", ds.Memberships()[1].Role.Slug)
}
