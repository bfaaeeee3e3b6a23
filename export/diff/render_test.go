package diff_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/diff"
	"github.com/civicnet/civicnet/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// golden compares got with testdata/golden/name, or rewrites the file
// with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to write the golden file")
	assert.Equal(t, string(want), string(got), "output differs from %s (go test -update rewrites it; read the diff first)", path)
}

// TestRender writes the report of the round-trip edits, and of no edit,
// in each format, against golden files.
func TestRender(t *testing.T) {
	old := examplesWith(t)
	reports := map[string]*diff.Report{
		"edits":     diff.Compare(old, examplesWith(t, roundTripEdits...), diff.Options{Today: today}),
		"no-change": diff.Compare(old, examplesWith(t), diff.Options{Today: today}),
	}
	for name, r := range reports {
		t.Run(name, func(t *testing.T) {
			var text, md, js bytes.Buffer
			require.NoError(t, diff.WriteText(&text, r, diff.TextOptions{}))
			require.NoError(t, diff.WriteMarkdown(&md, r, diff.MarkdownOptions{}))
			require.NoError(t, diff.WriteJSON(&js, r))
			golden(t, name+".txt", text.Bytes())
			golden(t, name+".md", md.Bytes())
			golden(t, name+".json", js.Bytes())
			assert.NotContains(t, text.String(), "\x1b[", "WriteText without Color")
			var v map[string]any
			require.NoError(t, json.Unmarshal(js.Bytes(), &v))
			assert.EqualValues(t, diff.JSONVersion, v["version"])
		})
	}
}

func TestTextColor(t *testing.T) {
	r := diff.Compare(examplesWith(t), examplesWith(t, roundTripEdits...), diff.Options{Today: today})
	var b bytes.Buffer
	require.NoError(t, diff.WriteText(&b, r, diff.TextOptions{Color: true}))
	assert.Contains(t, b.String(), "\x1b[32m+\x1b[0m organization comune-di-prato added")
	assert.Contains(t, b.String(), "\x1b[31m-\x1b[0m event international-conference-saragossa-2006 removed")
}

// manyChanges is a report of n changed records with long sentences.
func manyChanges(n int) *diff.Report {
	r := &diff.Report{OldRecords: n, NewRecords: n}
	for i := range n {
		r.Changes = append(r.Changes, diff.Change{Type: diff.Changed, Kind: model.KindOrganization, ID: fmt.Sprintf("org-%06d", i),
			Label:  fmt.Sprintf("organization org-%06d", i),
			Fields: []diff.FieldChange{{Field: "name", Text: "name changed from “" + strings.Repeat("é", 40) + "” to “" + strings.Repeat("ü", 40) + "”"}}})
	}
	return r
}

// TestMarkdownLimit: a report too long for a GitHub comment is cut to
// fit, says how much was left out, and keeps its HTML balanced.
func TestMarkdownLimit(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n       int
		limit   int
		dropped bool
	}{
		{"fits", 10, 0, false},
		{"github limit", 5000, 0, true},
		{"small limit", 50, 2000, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, diff.WriteMarkdown(&b, manyChanges(tc.n), diff.MarkdownOptions{Limit: tc.limit}))
			limit := tc.limit
			if limit == 0 {
				limit = diff.GitHubCommentLimit
			}
			s := b.String()
			assert.LessOrEqual(t, utf8.RuneCountInString(s), limit, "characters")
			assert.LessOrEqual(t, len(s), limit, "bytes")
			assert.Equal(t, tc.dropped, strings.Contains(s, "not shown, to keep this comment within"), s[max(0, len(s)-300):])
			assert.Equal(t, strings.Count(s, "<details>"), strings.Count(s, "</details>"), "balanced <details>")
			assert.Contains(t, s, "| organization | 0 | 0 | "+fmt.Sprint(tc.n)+" | 0 |", "the summary table is always whole")
		})
	}
	var b bytes.Buffer
	require.NoError(t, diff.WriteMarkdown(&b, manyChanges(50), diff.MarkdownOptions{Limit: 2000}))
	golden(t, "truncated.md", b.Bytes())
}

func TestMarkdownEscape(t *testing.T) {
	r := &diff.Report{Changes: []diff.Change{{Type: diff.Added, Kind: model.KindOrganization, ID: "x", Label: "organization <b>*x*</b> | `y`"}}}
	var b bytes.Buffer
	require.NoError(t, diff.WriteMarkdown(&b, r, diff.MarkdownOptions{}))
	assert.Contains(t, b.String(), "- organization &lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\`y\\` added\n")
}

func TestParseFormat(t *testing.T) {
	for _, name := range []string{"text", "markdown", "json", "sparql", "rdf-patch"} {
		f, err := diff.ParseFormat(name)
		require.NoError(t, err, "ParseFormat(%q)", name)
		assert.Equal(t, name, f.String())
	}
	_, err := diff.ParseFormat("md")
	assert.EqualError(t, err, `unknown format "md": want text, markdown, json, sparql or rdf-patch`)
}
