package recordfile

import (
	"strings"
	"testing"

	"github.com/civicnet/civicnet/model"
)

// TestYAMLSyntaxErrorPositions: a YAML syntax error carries the line and
// the column of the culprit, and the hint fits what is wrong there.
func TestYAMLSyntaxErrorPositions(t *testing.T) {
	tests := []struct {
		name, src, pos, hint string
	}{
		{"unclosed list", "kind: place\nid: a\ntopics: [a, b\nname: A\n",
			"s.yaml:3:9", "the list opened with [ here is not closed"},
		{"unclosed list on the first line", "topics: [a, b\nkind: place\n",
			"s.yaml:1:9", "the list opened with [ here is not closed"},
		{"unclosed mapping", "kind: place\nid: a\nname: {it: A\nalt_names: [B]\n",
			"s.yaml:3:7", "the mapping opened with { here is not closed"},
		{"unclosed list in a later document", "kind: place\nid: a\nname: A\n---\nkind: place\nid: [b\n",
			"s.yaml:6:5", "the list opened with [ here is not closed"},
		{"colon in a value", "kind: event\nid: e\nname: Seminar: Role of cities\n",
			"s.yaml:3:14", `quote a value that contains ": "`},
		{"line indented too deep", "kind: place\nid: a\n  name: A\n",
			"s.yaml:3:3", "indented more than the line above"},
		{"tab indentation", "kind: place\n\tid: a\n",
			"s.yaml:2:1", "indent with spaces, not tabs"},
		{"value starting with @", "kind: place\nid: a\nname: @home\n",
			"s.yaml:3:7", "cannot start with @"},
		{"unclosed quote", "kind: place\nid: a\nname: \"A\n",
			"s.yaml:3:7", "the value quoted with \" here is not closed"},
		{"stray bracket", "kind: place\nid: a\ntopics: [a, b]]\n",
			"s.yaml:3:15", "remove the ] that closes nothing"},
		{"list item indented wrong", "kind: place\nid: a\nsources:\n  - title: a\n   url: b\n",
			"s.yaml:", "check the indentation"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Decode(strings.NewReader(tc.src), "s.yaml", Options{})
			var got *model.Problem
			for i := range problems {
				if problems[i].Code == "syntax" {
					got = &problems[i]
				}
			}
			if got == nil {
				t.Fatalf("Decode(%q): no syntax problem in %v", tc.src, problems)
			}
			if p := got.Pos.String(); !strings.HasPrefix(p, tc.pos) || (strings.Count(tc.pos, ":") == 2 && p != tc.pos) {
				t.Errorf("Decode(%q): position %s, want %s (%s)", tc.src, p, tc.pos, got.Summary)
			}
			if !strings.Contains(got.Detail, tc.hint) {
				t.Errorf("Decode(%q): hint %q, want it to contain %q", tc.src, got.Detail, tc.hint)
			}
		})
	}
}
