package model

import (
	"fmt"
	"strings"
)

// Qualifier says how a Quantity's value relates to the true figure.
type Qualifier uint8

// Qualifiers; the zero value is exact.
const (
	QualifierExact Qualifier = iota
	QualifierApproximate
	QualifierAtLeast
	QualifierMoreThan
	QualifierAtMost
	QualifierLessThan
)

// ParseQualifier reads a qualifier's name: "exact", "approximate",
// "at-least", "more-than", "at-most" or "less-than".
func ParseQualifier(s string) (Qualifier, error) {
	switch s {
	case "exact":
		return QualifierExact, nil
	case "approximate":
		return QualifierApproximate, nil
	case "at-least":
		return QualifierAtLeast, nil
	case "more-than":
		return QualifierMoreThan, nil
	case "at-most":
		return QualifierAtMost, nil
	case "less-than":
		return QualifierLessThan, nil
	}
	return QualifierExact, fmt.Errorf("unknown qualifier %q: want exact, approximate, at-least, more-than, at-most or less-than", s)
}

// String returns the name ParseQualifier reads, which is also the slug
// written as civic:qualifier.
func (q Qualifier) String() string {
	switch q {
	case QualifierExact:
		return "exact"
	case QualifierApproximate:
		return "approximate"
	case QualifierAtLeast:
		return "at-least"
	case QualifierMoreThan:
		return "more-than"
	case QualifierAtMost:
		return "at-most"
	case QualifierLessThan:
		return "less-than"
	}
	return fmt.Sprintf("Qualifier(%d)", uint8(q))
}

// Quantity is a number with an optional unit, qualifier and as-of date.
type Quantity struct {
	// Value is the canonical decimal form [ParseDecimal] returns: "3600000",
	// "22990", "0.5", "-3" (no exponent, no leading +, no leading zeros, no
	// trailing fractional zeros). "" means no quantity.
	Value     string
	Unit      string // "" none; ISO 4217 code, UN/CEFACT common code, or free text
	Qualifier Qualifier
	AsOf      Date
}

// IsZero reports whether q is absent.
func (q Quantity) IsZero() bool { return q == Quantity{} }

// IsInteger reports whether the value has no fractional part, which is
// what decides between xsd:integer and xsd:decimal.
func (q Quantity) IsInteger() bool {
	return q.Value != "" && strings.IndexByte(q.Value, '.') < 0
}

// Negative reports whether the value is below zero.
func (q Quantity) Negative() bool { return strings.HasPrefix(q.Value, "-") }

// maxDecimalLen bounds the canonical form, so that "1e999999999" is an
// error and not a gigabyte of zeros. It is far beyond any real figure
// (float64 itself stops near 1e308).
const maxDecimalLen = 1000

// ParseDecimal reads number text as JSON and YAML write it ("3600000",
// "3.6e6", "22990.0", "+5", ".5", "1.") and returns its canonical decimal
// form: no exponent, no leading + or zeros, no trailing fractional zeros,
// "0" for any zero. Digit separators, hexadecimal and octal, NaN and
// infinities are errors.
func ParseDecimal(s string) (string, error) {
	if isCanonicalDecimal(s) {
		return s, nil // the common case, without allocating
	}
	neg, sig, point, msg := scanDecimal(s)
	if msg != "" {
		return "", fmt.Errorf("invalid number %q: %s", quoteLimit(s), msg)
	}
	if sig == "" {
		return "0", nil
	}
	// point is where the decimal point falls, counted in digits of sig
	// from its left end; it may lie outside sig on either side.
	var n int
	switch {
	case point <= 0:
		n = 2 - point + len(sig)
	case point >= len(sig):
		n = point
	default:
		n = len(sig) + 1
	}
	if n > maxDecimalLen {
		return "", fmt.Errorf("invalid number %q: more than %d digits", quoteLimit(s), maxDecimalLen)
	}
	var b strings.Builder
	b.Grow(n + 1)
	if neg {
		b.WriteByte('-')
	}
	switch {
	case point <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -point))
		b.WriteString(sig)
	case point >= len(sig):
		b.WriteString(sig)
		b.WriteString(strings.Repeat("0", point-len(sig)))
	default:
		b.WriteString(sig[:point])
		b.WriteByte('.')
		b.WriteString(sig[point:])
	}
	return b.String(), nil
}

// scanDecimal splits number text into its sign, its significant digits
// (no leading or trailing zeros; "" for zero) and the position of the
// decimal point relative to them, or says what is wrong with it.
func scanDecimal(s string) (neg bool, sig string, point int, msg string) {
	if m := decimalProblem(s); m != "" {
		return false, "", 0, m
	}
	i := 0
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		i++
	}
	intStart := i
	i += leadingDigits(s[i:])
	intPart := s[intStart:i]
	var frac string
	if i < len(s) && s[i] == '.' {
		fracStart := i + 1
		i = fracStart + leadingDigits(s[fracStart:])
		frac = s[fracStart:i]
	}
	if intPart == "" && frac == "" {
		return false, "", 0, "not a number"
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		expNeg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			expNeg = s[i] == '-'
			i++
		}
		n := leadingDigits(s[i:])
		if n == 0 {
			return false, "", 0, "exponent without digits"
		}
		for k := i; k < i+n; k++ {
			// Saturate: anything this large fails maxDecimalLen anyway,
			// unless the number is zero.
			if exp < 1e9 {
				exp = exp*10 + int(s[k]-'0')
			}
		}
		if expNeg {
			exp = -exp
		}
		i += n
	}
	if i != len(s) {
		return false, "", 0, "not a number"
	}
	// Work on int and frac as one digit string without joining them.
	digits := len(intPart) + len(frac)
	at := func(k int) byte {
		if k < len(intPart) {
			return intPart[k]
		}
		return frac[k-len(intPart)]
	}
	lo, hi := 0, digits
	for lo < hi && at(lo) == '0' {
		lo++
	}
	for hi > lo && at(hi-1) == '0' {
		hi--
	}
	if lo == hi {
		return false, "", 0, ""
	}
	point = len(intPart) + exp - lo
	switch {
	case hi <= len(intPart):
		sig = intPart[lo:hi]
	case lo >= len(intPart):
		sig = frac[lo-len(intPart) : hi-len(intPart)]
	default:
		sig = intPart[lo:] + frac[:hi-len(intPart)]
	}
	return neg, sig, point, ""
}

// decimalProblem names the mistakes worth naming before the text is
// simply "not a number".
func decimalProblem(s string) string {
	t := strings.ToLower(strings.TrimLeft(s, "+-"))
	switch {
	case s == "":
		return "empty number"
	case hasSpace(s):
		return "whitespace is not allowed"
	case strings.Contains(t, "nan") || strings.Contains(t, "inf"):
		return "not a finite number"
	case strings.IndexByte(s, '_') >= 0 || strings.IndexByte(s, ',') >= 0:
		return "digit separators (_ and ,) are not allowed"
	case len(t) > 1 && t[0] == '0' && strings.IndexByte("xob", t[1]) >= 0:
		return "only decimal numbers are allowed"
	}
	return ""
}

// isCanonicalDecimal reports whether s is already what ParseDecimal
// returns: -?(0|[1-9][0-9]*)(\.[0-9]*[1-9])? and not "-0".
func isCanonicalDecimal(s string) bool {
	if len(s) > maxDecimalLen {
		return false
	}
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	n := leadingDigits(s[i:])
	if n == 0 || (n > 1 && s[i] == '0') {
		return false
	}
	intZero := n == 1 && s[i] == '0'
	i += n
	if i == len(s) {
		return !(intZero && s[0] == '-')
	}
	if s[i] != '.' {
		return false
	}
	i++
	f := leadingDigits(s[i:])
	return f > 0 && i+f == len(s) && s[len(s)-1] != '0'
}

// quoteLimit shortens text quoted in an error, which may be a huge hostile
// scalar.
func quoteLimit(s string) string {
	const limit = 64
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}

// IsCurrency reports whether code is an active ISO 4217 alphabetic code
// (List One as in force in 2026), in upper case. XXX (no currency) and XTS
// (testing) are left out. Withdrawn codes are not currencies here and so
// read as free-text units: the euro area's former currencies (ITL, DEM,
// HRK, and BGN, replaced on 1 January 2026) among them.
func IsCurrency(code string) bool {
	if len(code) != 3 {
		return false
	}
	lo, hi := 0, len(currencyCodes)/3
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch c := currencyCodes[3*mid : 3*mid+3]; {
		case c == code:
			return true
		case c < code:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return false
}

// currencyCodes is the sorted table IsCurrency searches: three letters a
// code, no separators, so that it is a constant and needs no setup.
const currencyCodes = "" +
	"AEDAFNALLAMDAOAARSAUDAWGAZN" +
	"BAMBBDBDTBHDBIFBMDBNDBOBBOVBRLBSDBTNBWPBYNBZD" +
	"CADCDFCHECHFCHWCLFCLPCNYCOPCOUCRCCUPCVECZK" +
	"DJFDKKDOPDZD" +
	"EGPERNETBEUR" +
	"FJDFKP" +
	"GBPGELGHSGIPGMDGNFGTQGYD" +
	"HKDHNLHTGHUF" +
	"IDRILSINRIQDIRRISK" +
	"JMDJODJPY" +
	"KESKGSKHRKMFKPWKRWKWDKYDKZT" +
	"LAKLBPLKRLRDLSLLYD" +
	"MADMDLMGAMKDMMKMNTMOPMRUMURMVRMWKMXNMXVMYRMZN" +
	"NADNGNNIONOKNPRNZD" +
	"OMR" +
	"PABPENPGKPHPPKRPLNPYG" +
	"QAR" +
	"RONRSDRUBRWF" +
	"SARSBDSCRSDGSEKSGDSHPSLESOSSRDSSPSTNSVCSYPSZL" +
	"THBTJSTMTTNDTOPTRYTTDTWDTZS" +
	"UAHUGXUSDUSNUYIUYUUYWUZS" +
	"VEDVESVNDVUV" +
	"WST" +
	"XAFXAGXAUXBAXBBXBCXBDXCDXCGXDRXOFXPDXPFXPTXSUXUA" +
	"YER" +
	"ZARZMWZWG"

// IsUNCEFACTCode reports whether code is one of the UN/CEFACT
// Recommendation 20 common codes civicnet knows, which are exported as
// schema:unitCode. It is a subset chosen for the figures regional networks
// publish: area, length, time, mass, volume, energy, power, counts of
// things and people, and percentages. Any other unit is kept as free text
// (schema:unitText).
func IsUNCEFACTCode(code string) bool {
	switch code {
	case "KMK", // square kilometre
		"MTK", // square metre
		"HAR", // hectare
		"KMT", // kilometre
		"MTR", // metre
		"CMT", // centimetre
		"MMT", // millimetre
		"ANN", // year
		"MON", // month
		"WEE", // week
		"DAY", // day
		"HUR", // hour
		"MIN", // minute
		"SEC", // second
		"GRM", // gram
		"KGM", // kilogram
		"TNE", // tonne
		"KTN", // kilotonne
		"LTR", // litre
		"MTQ", // cubic metre
		"WTT", // watt
		"KWT", // kilowatt
		"MAW", // megawatt
		"KWH", // kilowatt hour
		"MWH", // megawatt hour
		"GWH", // gigawatt hour
		"CEL", // degree Celsius
		"KMH", // kilometre per hour
		"C62", // one (a count)
		"H87", // piece
		"IE",  // person
		"P1":  // percent
		return true
	}
	return false
}
