package validate_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/validate"
)

// many returns n errors and n warnings, one of each per file f0.yaml …
func many(n int) validate.Diagnostics {
	var ds validate.Diagnostics
	for i := range n {
		file := fmt.Sprintf("records/f%02d.yaml", i)
		ds = append(ds,
			validate.Diagnostic{Severity: validate.Error, Code: "dangling-ref", Summary: fmt.Sprintf("organization: no record has id \"x%d\"", i),
				Pos: model.Pos{File: file, Line: 2, Col: 15}},
			validate.Diagnostic{Severity: validate.Warning, Code: "no-sources", Summary: "record cites no source",
				Pos: model.Pos{File: file, Line: 1, Col: 1}})
	}
	ds.Sort()
	return ds
}

// TestGitHubAnnotationBudget: GitHub shows 10 annotations of each
// severity per step and drops the rest without notice, so the renderer
// spends them on the changed files first, lists the others in the log,
// and ends with a notice that says how many and where they are.
func TestGitHubAnnotationBudget(t *testing.T) {
	diags := many(25)
	var buf bytes.Buffer
	opts := validate.RenderOptions{Files: 25, MoreAt: "the step summary",
		Changed: []string{"records/f20.yaml", "./records/f24.yaml", "other.yaml", ""}}
	require.NoError(t, validate.WriteGitHub(&buf, diags, opts))
	checkGolden(t, "testdata/render/budget.github", buf.Bytes())

	out := buf.String()
	assert.Equal(t, validate.GitHubAnnotationsPerStep, strings.Count(out, "\n::error "), "error annotations")
	assert.Equal(t, validate.GitHubAnnotationsPerStep, strings.Count(out, "::warning "), "warning annotations")
	assert.True(t, strings.HasPrefix(out, "::warning file=records/f20.yaml,"), "the changed files come first:\n%s", out)
	assert.Contains(t, out, "::error file=records/f24.yaml,")
	assert.Contains(t, out, "\nrecords/f08.yaml:2:15: error[dangling-ref]: ", "what is not annotated is in the log")
	assert.Contains(t, out, "::notice title=civicnet%3A 30 more diagnostics::15 more errors and 15 more warnings than GitHub shows as annotations (10 of each per step); the whole report is in the step summary and the log of this step\n")

	// Within the budget, no notice.
	buf.Reset()
	require.NoError(t, validate.WriteGitHub(&buf, many(10), validate.RenderOptions{Files: 10}))
	assert.NotContains(t, buf.String(), "::notice")
	assert.Equal(t, 20, strings.Count(buf.String(), "\n::")+1)
}

func TestMarkdownRowLimit(t *testing.T) {
	diags := many(validate.MarkdownMaxRows)
	var buf bytes.Buffer
	require.NoError(t, validate.WriteMarkdown(&buf, diags, validate.RenderOptions{Files: 1}))
	out := buf.String()
	assert.Equal(t, validate.MarkdownMaxRows, strings.Count(out, "| ❌ error |")+strings.Count(out, "| ⚠️ warning |"))
	assert.Contains(t, out, "\n1000 more diagnostics not listed here;")
	assert.Contains(t, out, "| [no-sources](https://github.com/civicnet/civicnet/blob/main/docs/diagnostics.md#no-sources-warning) | warning | 1000 |")
}

// TestGitLabReportShape checks the GitLab Code Quality report of the
// sample and of the whole corpus against the report format GitLab
// documents (a JSON Schema in testdata written from that page), and that
// fingerprints are unique, as GitLab needs to tell issues apart.
func TestGitLabReportShape(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join(packageDir, "testdata", "schema", "gitlab-codequality.schema.json"))
	require.NoError(t, err)
	check := func(name string, diags validate.Diagnostics) {
		var buf bytes.Buffer
		require.NoError(t, validate.WriteGitLab(&buf, diags, validate.RenderOptions{}))
		doc, err := jsonschema.UnmarshalJSON(&buf)
		require.NoError(t, err)
		assert.NoError(t, schema.Validate(doc), "%s: the GitLab report does not have the documented shape", name)
		seen := map[string]bool{}
		for _, issue := range doc.([]any) {
			fp := issue.(map[string]any)["fingerprint"].(string)
			assert.False(t, seen[fp], "%s: fingerprint %s twice", name, fp)
			seen[fp] = true
		}
	}
	check("sample", sample)
	dup := append(validate.Diagnostics{}, sample[0], sample[0])
	dup[1].Pos.Line = 40
	check("identical diagnostics", dup)
	t.Chdir(filepath.Join(packageDir, corpusDir))
	for _, entry := range corpusEntries(t) {
		diags, _ := validateEntry(t, entry)
		check(entry, diags)
	}

	// The schema rejects what GitLab would: it is not a schema of anything.
	for _, bad := range []string{`{}`, `[{"description": "x"}]`,
		`[{"description": "x", "check_name": "c", "fingerprint": "f", "severity": "error", "location": {"path": "a", "lines": {"begin": 1}}}]`,
		`[{"description": "x", "check_name": "c", "fingerprint": "f", "severity": "major", "location": {"path": "a", "lines": {"begin": 0}}}]`} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		require.NoError(t, err)
		assert.Error(t, schema.Validate(doc), "the schema accepts %s", bad)
	}
}

// TestHelpURLsPointAtHeadings: every code's help link (SARIF helpUri, the
// Markdown report) is the anchor of its heading in docs/diagnostics.md.
func TestHelpURLsPointAtHeadings(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(packageDir, "..", "docs", "diagnostics.md"))
	require.NoError(t, err)
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^#+ (.*)$").FindAllStringSubmatch(string(doc), -1) {
		anchors[validate.HeadingAnchor(m[1])] = true
	}
	for _, c := range validate.Codes() {
		u := validate.HelpURL(c.Code)
		anchor, ok := strings.CutPrefix(u, validate.DocsURL+"#")
		require.True(t, ok, "HelpURL(%q) = %q", c.Code, u)
		assert.True(t, anchors[anchor], "HelpURL(%q): no heading of docs/diagnostics.md has the anchor %q", c.Code, anchor)
	}
	assert.Equal(t, "no-sources-warning", validate.HeadingAnchor("`no-sources` (warning)"))
}
