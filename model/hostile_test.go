package model

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHostileInput checks that input built to exhaust a parser gets a
// diagnostic. Timings are not asserted here; docs/robustness.md records
// what was measured.
func TestHostileInput(t *testing.T) {
	bomb := `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
kind: organization
id: x
name: x
alt_names: *i
`
	tests := []struct {
		name, file, src string
		code, pos       string
	}{
		{"alias bomb", "b.yaml", bomb, "unknown-field", "b.yaml:1:1"},
		{"YAML nested 100k deep", "n.yaml", "kind: place\nid: a\nname: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n",
			"syntax", "n.yaml:3"},
		{"JSON nested 100k deep", "n.json", `{"kind":"place","id":"a","name":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}",
			"syntax", "n.json:1:1032"},
		{"50 MB YAML scalar", "s.yaml", "kind: place\nid: a\nname: " + strings.Repeat("x", 50<<20) + "\n", "value-too-long", "s.yaml:3:1"},
		{"50 MB JSON string", "s.json", `{"kind":"place","id":"a","name":"` + strings.Repeat("x", 50<<20) + `"}`, "value-too-long", "s.json:1:34"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Decode(strings.NewReader(tc.src), tc.file, Options{})
			require.NotEmpty(t, problems)
			assert.Equal(t, tc.code, problems[0].Code, "first problem: %v", problems[0])
			assert.Equal(t, tc.pos, problems[0].Pos.String())
		})
	}
}
