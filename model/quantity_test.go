package model

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseQualifier(t *testing.T) {
	tests := []struct {
		in   string
		want Qualifier
	}{
		{"exact", QualifierExact},
		{"approximate", QualifierApproximate},
		{"at-least", QualifierAtLeast},
		{"more-than", QualifierMoreThan},
		{"at-most", QualifierAtMost},
		{"less-than", QualifierLessThan},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseQualifier(tc.in)
			require.NoError(t, err, "ParseQualifier(%q)", tc.in)
			assert.Equal(t, tc.want, got, "ParseQualifier(%q)", tc.in)
			assert.Equal(t, tc.in, got.String(), "%v.String()", got)
		})
	}
	for _, in := range []string{"", "Exact", "about", "at_least", "more than"} {
		t.Run("invalid "+in, func(t *testing.T) {
			_, err := ParseQualifier(in)
			require.Error(t, err, "ParseQualifier(%q)", in)
			assert.Contains(t, err.Error(), "want exact, approximate, at-least, more-than, at-most or less-than")
		})
	}
	t.Run("out of range", func(t *testing.T) {
		assert.Equal(t, "Qualifier(9)", Qualifier(9).String())
	})
}

func TestParseDecimal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3600000", "3600000"},
		{"22990", "22990"},
		{"0", "0"},
		{"-3", "-3"},
		{"0.5", "0.5"},
		{"-0.5", "-0.5"},
		{"3.6e6", "3600000"},
		{"3.6E+6", "3600000"},
		{"22990.0", "22990"},
		{"22990.50", "22990.5"},
		{"+5", "5"},
		{"007", "7"},
		{"-0", "0"},
		{"-0.0", "0"},
		{"0.000", "0"},
		{"0e10", "0"},
		{"0e999999999999", "0"},
		{".5", "0.5"},
		{"-.5", "-0.5"},
		{"1.", "1"},
		{"1e0", "1"},
		{"1e-3", "0.001"},
		{"12.5e-1", "1.25"},
		{"12.5e-3", "0.0125"},
		{"0.00123e2", "0.123"},
		{"123e-1", "12.3"},
		{"100e-2", "1"},
		{"1.5e1", "15"},
		{"1.50e1", "15"},
		{"0.1e1", "1"},
		{"1e21", "1000000000000000000000"},
		{"12345678901234567890123", "12345678901234567890123"},
		{"0.1", "0.1"},
		{"10.01", "10.01"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseDecimal(tc.in)
			require.NoError(t, err, "ParseDecimal(%q)", tc.in)
			assert.Equal(t, tc.want, got, "ParseDecimal(%q)", tc.in)
		})
	}
}

func TestParseDecimalInvalid(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", `invalid number "": empty number`},
		{"NaN", `invalid number "NaN": not a finite number`},
		{".nan", `invalid number ".nan": not a finite number`},
		{"-.inf", `invalid number "-.inf": not a finite number`},
		{"Infinity", `invalid number "Infinity": not a finite number`},
		{"1_000", `invalid number "1_000": digit separators (_ and ,) are not allowed`},
		{"1,000", `invalid number "1,000": digit separators (_ and ,) are not allowed`},
		{"0x1F", `invalid number "0x1F": only decimal numbers are allowed`},
		{"0o17", `invalid number "0o17": only decimal numbers are allowed`},
		{" 5", `invalid number " 5": whitespace is not allowed`},
		{"5 EUR", `invalid number "5 EUR": whitespace is not allowed`},
		{"abc", `invalid number "abc": not a number`},
		{"-", `invalid number "-": not a number`},
		{".", `invalid number ".": not a number`},
		{"1e", `invalid number "1e": exponent without digits`},
		{"1e+", `invalid number "1e+": exponent without digits`},
		{"1.2.3", `invalid number "1.2.3": not a number`},
		{"--1", `invalid number "--1": not a number`},
		{"1e2000", `invalid number "1e2000": more than 1000 digits`},
		{"1e-2000", `invalid number "1e-2000": more than 1000 digits`},
		{"1e999999999999", `invalid number "1e999999999999": more than 1000 digits`},
		{strings.Repeat("9", 1001), `invalid number "` + strings.Repeat("9", 64) + `…": more than 1000 digits`},
	}
	for _, tc := range tests {
		name := tc.in
		if len(name) > 20 {
			name = name[:20]
		}
		t.Run(name, func(t *testing.T) {
			got, err := ParseDecimal(tc.in)
			require.Error(t, err, "ParseDecimal(%q) = %q", tc.in, got)
			assert.Equal(t, tc.msg, err.Error(), "ParseDecimal(%q)", tc.in)
		})
	}
}

func TestQuantityPredicates(t *testing.T) {
	tests := []struct {
		name                    string
		q                       Quantity
		zero, integer, negative bool
	}{
		{"zero", Quantity{}, true, false, false},
		{"integer", Quantity{Value: "3600000", Qualifier: QualifierApproximate}, false, true, false},
		{"decimal", Quantity{Value: "0.5", Unit: "P1"}, false, false, false},
		{"negative", Quantity{Value: "-3"}, false, true, true},
		{"negative decimal", Quantity{Value: "-0.5"}, false, false, true},
		{"unit only", Quantity{Unit: "EUR"}, false, false, false},
		{"as of only", Quantity{AsOf: Date{Year: 2020, Precision: PrecisionYear}}, false, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.zero, tc.q.IsZero(), "%+v.IsZero()", tc.q)
			assert.Equal(t, tc.integer, tc.q.IsInteger(), "%+v.IsInteger()", tc.q)
			assert.Equal(t, tc.negative, tc.q.Negative(), "%+v.Negative()", tc.q)
		})
	}
}

func TestCurrencyTable(t *testing.T) {
	require.Zero(t, len(currencyCodes)%3, "currencyCodes length")
	for i := 3; i < len(currencyCodes); i += 3 {
		prev, code := currencyCodes[i-3:i], currencyCodes[i:i+3]
		require.Less(t, prev, code, "currencyCodes not sorted or duplicated at %d", i/3)
	}
	for i := 0; i < len(currencyCodes); i += 3 {
		code := currencyCodes[i : i+3]
		require.Equal(t, strings.ToUpper(code), code)
		require.True(t, IsCurrency(code), "IsCurrency(%q)", code)
	}
	assert.Len(t, currencyCodes, 3*175, "number of codes changed: update the list's date in the IsCurrency comment")
}

func TestIsCurrency(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"EUR", true}, {"USD", true}, {"GBP", true}, {"CHF", true}, {"PLN", true},
		{"RON", true}, {"SEK", true}, {"AED", true}, {"ZWG", true}, {"XCG", true},
		{"XAU", true}, {"CHE", true},
		{"eur", false}, {"Eur", false}, {"EU", false}, {"EURO", false}, {"", false},
		{"HRK", false}, {"ITL", false}, {"DEM", false}, {"XXX", false}, {"XTS", false},
		{"KMK", false}, {"AAA", false}, {"ZZZ", false},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			assert.Equal(t, tc.want, IsCurrency(tc.code), "IsCurrency(%q)", tc.code)
		})
	}
}

func TestIsUNCEFACTCode(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"KMK", true}, {"MTK", true}, {"HAR", true}, {"KMT", true}, {"C62", true},
		{"P1", true}, {"ANN", true}, {"IE", true}, {"KWH", true},
		{"kmk", false}, {"km2", false}, {"EUR", false}, {"", false}, {"percent", false},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			assert.Equal(t, tc.want, IsUNCEFACTCode(tc.code), "IsUNCEFACTCode(%q)", tc.code)
		})
	}
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{
		"3600000", "3.6e6", "22990.0", "0.5", "-3", "+5", ".5", "1.", "-0",
		"1e-3", "1_000", "NaN", "0x1F", "1e2000", "12.5e-1", "0e99999",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDecimal(s)
		if err != nil {
			return
		}
		if !isCanonicalDecimal(got) {
			t.Fatalf("ParseDecimal(%q) = %q, not in canonical form", s, got)
		}
		again, err := ParseDecimal(got)
		if err != nil || again != got {
			t.Fatalf("ParseDecimal(%q) = %q, %v; want %q (idempotent)", got, again, err, got)
		}
		// An independent check: at most 15 significant digits survive a
		// trip through float64, so there strconv must agree.
		if len(got) <= 15 {
			if want, ok := floatText(s); ok && want != got {
				t.Fatalf("ParseDecimal(%q) = %q, strconv reads %q", s, got, want)
			}
		}
	})
}

// floatText is s as strconv reads and prints it, in ParseDecimal's form.
func floatText(s string) (string, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return "", false
	}
	if f == 0 {
		return "0", true // not "-0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64), true
}
