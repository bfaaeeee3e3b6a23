package recordfile

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/civicnet/civicnet/model"
)

// FuzzQuantityField decodes a region whose population is a quantity
// mapping written with arbitrary value, unit, qualifier and as_of, in YAML
// and in JSON, and checks the decoder against the parsers it is built on:
// a value ParseDecimal accepts is stored in its canonical form and any
// other is stored as written and is a bad-quantity of CheckRecord; likewise for the qualifier
// (ParseQualifier) and the date (ParseDate). A value that is a JSON
// number is also tried unquoted, as people write it. Empty strings leave
// the key out.
func FuzzQuantityField(f *testing.F) {
	for _, s := range [][4]string{
		{"3600000", "", "approximate", ""},
		{"3.6e6", "EUR", "more-than", "2008"},
		{"22990.5", "KMK", "exact", "2021-01-01"},
		{"about 3.6 million", "", "roughly", "2008-13"},
		{"-5", "km²", "at-least", "1997~"},
		{"1e999999999", "", "", ""},
		{"", "EUR", "", ""},
		{"0x1F", "\"quoted\"", "less-than", "2001/.."},
		{"1_000", "\n", "at-most", "../2004"},
		{".5", "€", "Approximate", "2006-02-30"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, value, unit, qualifier, asOf string) {
		if len(value)+len(unit)+len(qualifier)+len(asOf) > 1<<16 {
			t.Skip("the value limits have tests of their own")
		}
		// Decoding reads UTF-8 text; json.Marshal makes any string valid.
		value, unit, qualifier, asOf = validText(value), validText(unit), validText(qualifier), validText(asOf)
		// fields writes the quantity mapping with strings quoted by quote;
		// the value is written as is when raw.
		fields := func(quote func(string) string, raw bool) string {
			var parts []string
			for _, kv := range [][2]string{{"value", value}, {"unit", unit}, {"qualifier", qualifier}, {"as_of", asOf}} {
				switch {
				case kv[1] == "":
				case kv[0] == "value" && raw:
					parts = append(parts, `"value": `+kv[1])
				default:
					parts = append(parts, `"`+kv[0]+`": `+quote(kv[1]))
				}
			}
			return "{" + strings.Join(parts, ", ") + "}"
		}
		raws := []bool{false}
		if isJSONNumber(value) {
			raws = append(raws, true)
		}
		for _, raw := range raws {
			docs := map[string]string{
				"q.yaml": "kind: region\nid: r\nname: R\npopulation: " + fields(quoteYAML, raw) + "\n",
				"q.json": `{"kind": "region", "id": "r", "name": "R", "population": ` + fields(quoteJSON, raw) + "}",
			}
			for file, src := range docs {
				ds, problems := Decode(strings.NewReader(src), file, Options{})
				problems = checked(ds, problems)
				r, ok := ds.Lookup("r").(*model.Region)
				if !ok {
					t.Fatalf("%s: no region decoded from %s; problems %v", file, src, problems)
				}
				checkQuantity(t, src, r.Population, problems, value, unit, qualifier, asOf)
			}
		}
	})
}

// checkQuantity compares a decoded quantity with what the parsers make of
// the text it was written with.
func checkQuantity(t *testing.T, what string, got model.Quantity, problems []model.Problem, value, unit, qualifier, asOf string) {
	t.Helper()
	codes := map[string]int{}
	for _, p := range problems {
		codes[p.Code]++
	}
	wantProblems := 0
	switch want, err := model.ParseDecimal(value); {
	case value == "":
		wantProblems++ // population has no value
		if codes["missing-field"] != 1 {
			t.Errorf("%s: no value, want one missing-field problem, got %v", what, problems)
		}
	case len(value) > MaxScalarLen:
		wantProblems++
		if got.Value != "" {
			t.Errorf("%s: value of %d bytes decoded as %q", what, len(value), got.Value)
		}
	case err != nil:
		// Kept as written, for Quantity.Check to report.
		wantProblems++
		if got.Value != value || codes["bad-quantity"] == 0 {
			t.Errorf("%s: value %q decoded as %q with problems %v, want it kept and a bad-quantity", what, value, got.Value, problems)
		}
	default:
		if canon, err := model.ParseDecimal(got.Value); got.Value != want || err != nil || canon != got.Value {
			t.Errorf("%s: value %q decoded as %q, want %q", what, value, got.Value, want)
		}
	}
	if got.Unit != unit && len(unit) <= MaxScalarLen {
		t.Errorf("%s: unit %q decoded as %q", what, unit, got.Unit)
	}
	if qualifier != "" {
		if want, err := model.ParseQualifier(qualifier); err != nil {
			wantProblems++
		} else if got.Qualifier != want || got.Qualifier.String() != qualifier {
			t.Errorf("%s: qualifier %q decoded as %v", what, qualifier, got.Qualifier)
		}
	}
	if asOf != "" {
		if want, err := model.ParseDate(asOf); err != nil {
			wantProblems++
			if read, err := model.ReadDate(asOf); err == nil && got.AsOf != read {
				t.Errorf("%s: as_of %q decoded as %+v, want it kept as %+v", what, asOf, got.AsOf, read)
			}
		} else if got.AsOf != want || got.AsOf.String() != asOf {
			t.Errorf("%s: as_of %q decoded as %+v", what, asOf, got.AsOf)
		}
	}
	if len(problems) != wantProblems {
		t.Errorf("%s: %d problems, want %d: %v", what, len(problems), wantProblems, problems)
	}
}

func validText(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

func quoteJSON(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// quoteYAML quotes s as a YAML double-quoted scalar: JSON's escapes, plus
// escapes for the characters YAML does not allow raw in a stream (DEL, C1
// controls but NEL, U+FEFF, U+FFFE, U+FFFF).
func quoteYAML(s string) string {
	var b strings.Builder
	for _, r := range quoteJSON(s) {
		if r == 0x7f || r >= 0x80 && r <= 0x9f && r != 0x85 || r == 0xfeff || r == 0xfffe || r == 0xffff {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isJSONNumber reports whether s is a number token of JSON, which YAML
// reads as a plain number too.
func isJSONNumber(s string) bool {
	var n json.Number
	return s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') && json.Unmarshal([]byte(s), &n) == nil
}
