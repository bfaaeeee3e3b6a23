package model

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"2001", Date{Year: 2001, Precision: PrecisionYear}},
		{"0000", Date{Year: 0, Precision: PrecisionYear}},
		{"9999", Date{Year: 9999, Precision: PrecisionYear}},
		{"2008-06", Date{Year: 2008, Month: 6, Precision: PrecisionMonth}},
		{"2008-07-18", Date{Year: 2008, Month: 7, Day: 18, Precision: PrecisionDay}},
		{"2008-02-29", Date{Year: 2008, Month: 2, Day: 29, Precision: PrecisionDay}},
		{"2000-02-29", Date{Year: 2000, Month: 2, Day: 29, Precision: PrecisionDay}},
		{"1997~", Date{Year: 1997, Precision: PrecisionYear, Approximate: true}},
		{"2005?", Date{Year: 2005, Precision: PrecisionYear, Uncertain: true}},
		{"2005%", Date{Year: 2005, Precision: PrecisionYear, Approximate: true, Uncertain: true}},
		{"2004-06~", Date{Year: 2004, Month: 6, Precision: PrecisionMonth, Approximate: true}},
		{"2004-06-11?", Date{Year: 2004, Month: 6, Day: 11, Precision: PrecisionDay, Uncertain: true}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			require.NoError(t, err, "ParseDate(%q)", tc.in)
			assert.Equal(t, tc.want, got, "ParseDate(%q)", tc.in)
			assert.Equal(t, tc.in, got.String(), "ParseDate(%q).String()", tc.in)
		})
	}
}

// invalidDates are rejected by ParseDate and ParseInterval alike, with the
// same message.
var invalidDates = []struct {
	name, in, msg string
}{
	{"empty", "", "empty date"},
	{"month 13", "2008-13", "month 13 out of range 01-12"},
	{"month 00", "2008-00-01", "month 00 out of range 01-12"},
	{"february 30", "2006-02-30", "2006-02-30 is not a day: February 2006 has 28 days"},
	{"not leap 1900", "1900-02-29", "1900-02-29 is not a day: February 1900 has 28 days"},
	{"april 31", "2008-04-31~", "2008-04-31 is not a day: April 2008 has 30 days"},
	{"day 00", "2008-01-00", "2008-01-00 is not a day: January 2008 has 31 days"},
	{"X digits", "200X", "unspecified digits (X) are not supported"},
	{"X month", "2004-XX", "unspecified digits (X) are not supported"},
	{"season", "2001-21", "seasons are not supported"},
	{"season 41", "2001-41", "seasons are not supported"},
	{"Y year", "Y170000002", "years with a Y prefix are not supported"},
	{"negative year", "-0100", "negative years are not supported"},
	{"time", "2004-01-01T10:10:10Z", "times of day are not supported"},
	{"time no T", "2004-01-01 10:10", "whitespace is not allowed"},
	{"set brackets", "[1667,1668,1670..1672]", "sets ([...] and {...}) are not supported"},
	{"set braces", "{1667,1668}", "sets ([...] and {...}) are not supported"},
	{"leading space", " 2008", "whitespace is not allowed"},
	{"trailing newline", "2008\n", "whitespace is not allowed"},
	{"no-break space", "2008\u00a0", "whitespace is not allowed"},
	{"significant digits", "1950S2", "significant digits (S) are not supported"},
	{"short year", "208", "a year has four digits"},
	{"long year", "20080", "a year has four digits"},
	{"basic format", "20080718", "write the date with hyphens, as in 2008-07-18"},
	{"one-digit month", "2008-6", "a month has two digits"},
	{"one-digit day", "2008-06-1", "a day has two digits"},
	{"too many parts", "2008-06-18-01", "too many parts: a date is YYYY, YYYY-MM or YYYY-MM-DD"},
	{"qualifier inside", "2004?-06-11", "a qualifier can only follow the whole date, as in 2005?"},
	{"qualifier before", "?2004", "a qualifier can only follow the whole date, as in 2005?"},
	{"two qualifiers", "2004~?", "write % for approximate and uncertain together"},
	{"repeated qualifier", "2004??", "only one qualifier is allowed"},
	{"open alone", "..", "an open end (..) is only allowed in an interval, as in 2001/.."},
	{"open glued", "..2004", `".." stands alone on one side of the /, as in 2001/.. or ../2004`},
	{"word", "today", "not a date"},
}

func TestParseDateInvalid(t *testing.T) {
	for _, tc := range invalidDates {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseDate(tc.in)
			var de *DateError
			require.ErrorAs(t, err, &de, "ParseDate(%q)", tc.in)
			assert.Equal(t, tc.in, de.Input)
			assert.Equal(t, tc.msg, de.Msg, "ParseDate(%q)", tc.in)
		})
	}
	for _, in := range []string{"2005/2006", "2008/06/18", "2001/.."} {
		t.Run("interval "+in, func(t *testing.T) {
			_, err := ParseDate(in)
			var de *DateError
			require.ErrorAs(t, err, &de, "ParseDate(%q)", in)
			assert.Equal(t, "a single date is expected here, not an interval", de.Msg, "ParseDate(%q)", in)
		})
	}
}

func TestDateError(t *testing.T) {
	_, err := ParseInterval("2008-13")
	require.Error(t, err)
	assert.Equal(t, `model: invalid date "2008-13": month 13 out of range 01-12`, err.Error())
	assert.ErrorIs(t, err, ErrBadDate)
	var de *DateError
	require.True(t, errors.As(err, &de))
	assert.Equal(t, "accepted forms: 2008, 2008-06, 2008-07-18, 1997~, 2005?, 2005%, "+
		"2005/2006, 2001/.., ../2004, 2001/, /2004", de.Hint())
}

func TestDateISO(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2008", "2008"},
		{"2008-06~", "2008-06"},
		{"2008-07-18%", "2008-07-18"},
		{"0033?", "0033"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseDate(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, d.ISO(), "ParseDate(%q).ISO()", tc.in)
		})
	}
	t.Run("zero", func(t *testing.T) {
		assert.Equal(t, "", Date{}.ISO())
		assert.Equal(t, "", Date{}.String())
	})
}

func TestDateFirstLast(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in          string
		first, last time.Time
	}{
		{"2008", day(2008, 1, 1), day(2008, 12, 31)},
		{"2008-02", day(2008, 2, 1), day(2008, 2, 29)},
		{"2007-02", day(2007, 2, 1), day(2007, 2, 28)},
		{"2000-02", day(2000, 2, 1), day(2000, 2, 29)},
		{"2008-11~", day(2008, 11, 1), day(2008, 11, 30)},
		{"2008-07-18", day(2008, 7, 18), day(2008, 7, 18)},
		{"0000", day(0, 1, 1), day(0, 12, 31)},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseDate(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.first, d.First(), "ParseDate(%q).First()", tc.in)
			assert.Equal(t, tc.last, d.Last(), "ParseDate(%q).Last()", tc.in)
		})
	}
	t.Run("zero", func(t *testing.T) {
		assert.True(t, Date{}.First().IsZero())
		assert.True(t, Date{}.Last().IsZero())
	})
}

func TestDateCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2008", "2008", 0},
		{"2008~", "2008?", 0},
		{"2008", "2009", -1},
		{"2008-01", "2008", -1},
		{"2008", "2008-02", -1},
		{"2008-01-01", "2008-01", -1},
		{"2008-12", "2008", 1},
		{"2008-12-31", "2008", 1},
		{"2007-12-31", "2008", -1},
		{"", "0000", -1},
		{"", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.a+" vs "+tc.b, func(t *testing.T) {
			a, b := mustDate(t, tc.a), mustDate(t, tc.b)
			assert.Equal(t, tc.want, a.Compare(b), "%q.Compare(%q)", tc.a, tc.b)
			assert.Equal(t, -tc.want, b.Compare(a), "%q.Compare(%q)", tc.b, tc.a)
		})
	}
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	require.NoError(t, err)
	return d
}

func TestParseInterval(t *testing.T) {
	y := func(year int16) Date { return Date{Year: year, Precision: PrecisionYear} }
	tests := []struct {
		in   string
		want Interval
	}{
		{"2008", Interval{Start: y(2008), End: y(2008), StartBound: BoundDate, EndBound: BoundDate, Single: true}},
		{"2005/2006", Interval{Start: y(2005), End: y(2006), StartBound: BoundDate, EndBound: BoundDate}},
		{"2006-11-02/2006-11-04", Interval{
			Start:      Date{Year: 2006, Month: 11, Day: 2, Precision: PrecisionDay},
			End:        Date{Year: 2006, Month: 11, Day: 4, Precision: PrecisionDay},
			StartBound: BoundDate, EndBound: BoundDate,
		}},
		{"1997~/..", Interval{Start: Date{Year: 1997, Precision: PrecisionYear, Approximate: true}, StartBound: BoundDate, EndBound: BoundOpen}},
		{"2004?/2006", Interval{Start: Date{Year: 2004, Precision: PrecisionYear, Uncertain: true}, End: y(2006), StartBound: BoundDate, EndBound: BoundDate}},
		{"2001/..", Interval{Start: y(2001), StartBound: BoundDate, EndBound: BoundOpen}},
		{"../2004", Interval{End: y(2004), StartBound: BoundOpen, EndBound: BoundDate}},
		{"2001/", Interval{Start: y(2001), StartBound: BoundDate, EndBound: BoundUnknown}},
		{"/2004", Interval{End: y(2004), StartBound: BoundUnknown, EndBound: BoundDate}},
		{"/..", Interval{StartBound: BoundUnknown, EndBound: BoundOpen}},
		{"../..", Interval{StartBound: BoundOpen, EndBound: BoundOpen}},
		{"2008-06/2008", Interval{Start: Date{Year: 2008, Month: 6, Precision: PrecisionMonth}, End: y(2008), StartBound: BoundDate, EndBound: BoundDate}},
		{"2008/2008-01-01", Interval{Start: y(2008), End: Date{Year: 2008, Month: 1, Day: 1, Precision: PrecisionDay}, StartBound: BoundDate, EndBound: BoundDate}},
		{"2008/2008", Interval{Start: y(2008), End: y(2008), StartBound: BoundDate, EndBound: BoundDate}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseInterval(tc.in)
			require.NoError(t, err, "ParseInterval(%q)", tc.in)
			assert.Equal(t, tc.want, got, "ParseInterval(%q)", tc.in)
			assert.Equal(t, tc.in, got.String(), "ParseInterval(%q).String()", tc.in)
			assert.False(t, got.IsZero())
		})
	}
}

func TestParseIntervalInvalid(t *testing.T) {
	tests := []struct {
		name, in, msg string
	}{
		{"reversed years", "2011/2008", "end 2008 is before start 2011"},
		{"reversed by extent", "2009/2008-06", "end 2008-06 is before start 2009"},
		{"reversed days", "2006-11-04/2006-11-02", "end 2006-11-02 is before start 2006-11-04"},
		{"reversed qualified", "2011~/2008?", "end 2008? is before start 2011~"},
		{"both unknown", "/", "both ends are unknown"},
		{"open start unknown end", "../", "an open start needs an end: write ../2004 or ../.."},
		{"two slashes", "2001/2002/2003", "an interval has exactly one /"},
		{"slashed date", "2008/06/18", "an interval has exactly one /"},
		{"bad start", "2006-02-30/2007", "2006-02-30 is not a day: February 2006 has 28 days"},
		{"bad end", "2006/2007-13", "month 13 out of range 01-12"},
		{"spaces around slash", "2005 / 2006", "whitespace is not allowed"},
		{"set with interval", "[2001/2002]", "sets ([...] and {...}) are not supported"},
		{"set of open range", "[..1760-12-03]", "sets ([...] and {...}) are not supported"},
		{"X end", "2004/20XX", "unspecified digits (X) are not supported"},
		{"season start", "2001-21/2002", "seasons are not supported"},
		{"time end", "2004/2005-01-01T00:00", "times of day are not supported"},
		{"negative start", "-0100/2000", "negative years are not supported"},
		{"Y end", "2000/Y20000", "years with a Y prefix are not supported"},
		{"dots glued", "2001/..2004", `".." stands alone on one side of the /, as in 2001/.. or ../2004`},
		{"three dots", "2001/...", `".." stands alone on one side of the /, as in 2001/.. or ../2004`},
	}
	for _, tc := range invalidDates {
		tests = append(tests, struct{ name, in, msg string }{"date " + tc.name, tc.in, tc.msg})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseInterval(tc.in)
			var de *DateError
			require.ErrorAs(t, err, &de, "ParseInterval(%q)", tc.in)
			assert.Equal(t, tc.in, de.Input)
			assert.Equal(t, tc.msg, de.Msg, "ParseInterval(%q)", tc.in)
		})
	}
}

func TestIntervalOngoing(t *testing.T) {
	for in, want := range map[string]bool{"2001/..": true, "../..": true, "/..": true, "2001/": false, "../2004": false, "2008": false} {
		t.Run(in, func(t *testing.T) {
			assert.Equal(t, want, mustInterval(t, in).Ongoing(), "ParseInterval(%q).Ongoing()", in)
		})
	}
}

func TestIntervalZero(t *testing.T) {
	var iv Interval
	assert.True(t, iv.IsZero())
	assert.Equal(t, "", iv.String())
	assert.False(t, iv.Ongoing())
}

func TestIntervalContains(t *testing.T) {
	tests := []struct {
		outer, inner string
		want         bool
	}{
		{"2005/2010", "2008", true},
		{"2005/2010", "2005-01-01", true},
		{"2005/2010", "2010-12-31", true},
		{"2005/2010", "2004-12-31", false},
		{"2005/2010", "2011-01", false},
		{"2005/2010", "2010/2011", false},
		{"2005/2010", "2006/2007-06-30", true},
		{"2008", "2008-06-18", true},
		{"2008-06", "2008", false},
		{"2001/..", "2030", true},
		{"2001/..", "2000", false},
		{"2001/", "2030", true},
		{"../2004", "1900", true},
		{"/2004", "2005", false},
		{"2001/2010", "2005/..", false},
		{"2001/2010", "/2004", false},
		{"2001/..", "2005/..", true},
		{"../..", "/..", true},
		{"", "2008", true},
		{"2008", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.outer+" contains "+tc.inner, func(t *testing.T) {
			outer, inner := mustInterval(t, tc.outer), mustInterval(t, tc.inner)
			assert.Equal(t, tc.want, outer.Contains(inner), "%q.Contains(%q)", tc.outer, tc.inner)
		})
	}
}

func mustInterval(t *testing.T, s string) Interval {
	t.Helper()
	if s == "" {
		return Interval{}
	}
	iv, err := ParseInterval(s)
	require.NoError(t, err)
	return iv
}

func FuzzParseInterval(f *testing.F) {
	for _, s := range []string{
		"2008", "2008-06", "2008-07-18", "1997~", "2005?", "2005%",
		"2005/2006", "2006-11-02/2006-11-04", "1997~/..", "2004?/2006",
		"2001/..", "../2004", "2001/", "/2004", "/..", "../..", "/", "../",
		"2008-06/2008", "2009/2008-06", "2006-02-30", "2008-13", "200X",
		"2001-21", "Y170000002", "-0100", "2004-01-01T10:10:10Z",
		"[1667,1668]", " 2008", "2004~?", "0000-02-29",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iv, err := ParseInterval(s)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || de.Msg == "" || de.Input != s {
				t.Fatalf("ParseInterval(%q) error = %#v, want a *DateError with Input and Msg", s, err)
			}
			return
		}
		out := iv.String()
		if out != s {
			t.Fatalf("ParseInterval(%q).String() = %q, want the input", s, out)
		}
		again, err := ParseInterval(out)
		if err != nil {
			t.Fatalf("ParseInterval(%q) (printed back) = %v", out, err)
		}
		if again != iv {
			t.Fatalf("ParseInterval(%q) = %+v, want %+v", out, again, iv)
		}
		if iv.StartBound == BoundDate && iv.EndBound == BoundDate && iv.Start.First().After(iv.End.Last()) {
			t.Fatalf("ParseInterval(%q) accepted a reversed interval", s)
		}
		if !iv.Contains(iv) {
			t.Fatalf("ParseInterval(%q) does not contain itself", s)
		}
		if !iv.Single {
			return
		}
		d, err := ParseDate(s)
		if err != nil || d != iv.Start {
			t.Fatalf("ParseDate(%q) = %+v, %v; want %+v", s, d, err, iv.Start)
		}
	})
}

func BenchmarkParseInterval(b *testing.B) {
	inputs := []string{"2008", "2008-07-18", "2006-11-02/2006-11-04", "1997~/..", "2008-06/2008"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := ParseInterval(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}
