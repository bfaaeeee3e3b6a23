package validate_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

// corpusDir holds the bad-input corpus: one file or directory per
// diagnostic code, named after it, and some with several problems at
// once. testdata/golden holds each entry's output in every format.
const corpusDir = "testdata/bad"

// corpusEntries lists the corpus: file and directory names in corpusDir.
func corpusEntries(t testing.TB) []string {
	entries, err := os.ReadDir(filepath.Join(packageDir, corpusDir))
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// goldenName is the golden file of a corpus entry in a format.
func goldenName(entry string, f validate.Format) string {
	return filepath.Join("testdata", "golden", strings.TrimSuffix(entry, filepath.Ext(entry))+"."+f.String())
}

// validateEntry loads a corpus entry as "civicnet validate ENTRY" does
// from inside the corpus directory, so that file names read "bad-id.yaml"
// and "bad-base/civicnet.yaml", and the CLI test can compare its output
// with the same golden files.
func validateEntry(t *testing.T, entry string) (validate.Diagnostics, validate.RenderOptions) {
	t.Helper()
	ds, problems := recordfile.LoadFiles([]string{entry}, recordfile.Options{})
	diags := validate.Validate(ds, problems)
	return diags, validate.RenderOptions{Files: validate.CountFiles(ds, diags), Records: ds.Len()}
}

func TestCorpus(t *testing.T) {
	t.Chdir(filepath.Join(packageDir, corpusDir))
	seen := map[string]string{}
	for _, entry := range corpusEntries(t) {
		t.Run(entry, func(t *testing.T) {
			diags, opts := validateEntry(t, entry)
			require.NotEmpty(t, diags, "Validate(%s) found nothing; a corpus entry must have a problem", entry)
			for _, d := range diags {
				_, known := validate.LookupCode(d.Code)
				assert.True(t, known, "%s: code %q is not in validate's code list", d.Pos, d.Code)
				assert.NotEqual(t, validate.Severity(0), d.Severity, "%s: zero severity", d)
				assert.NotContains(t, d.Summary, "\n", "%s: summary is not one line", d)
				seen[d.Code] = entry
			}
			for _, f := range validate.Formats {
				var buf bytes.Buffer
				require.NoError(t, validate.Render(&buf, f, diags, opts))
				checkGolden(t, goldenName(entry, f), buf.Bytes())
			}
			// An entry named after a code must produce it.
			code := strings.TrimSuffix(strings.TrimSuffix(entry, filepath.Ext(entry)), "-json")
			if _, ok := validate.LookupCode(code); ok {
				assert.Contains(t, codesOf(diags), code, "corpus entry %s does not produce its code", entry)
			}
		})
	}
	t.Run("every code", func(t *testing.T) {
		for _, c := range generatedCases {
			seen[c.code] = "generated: " + c.name
		}
		for _, c := range validate.Codes() {
			assert.Contains(t, seen, c.Code, "no corpus entry or generated case produces %s", c.Code)
		}
	})
}

func codesOf(diags validate.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Code)
	}
	return out
}

// TestDocsListEveryCode keeps docs/diagnostics.md and the code list of
// the package in step: each code has a "## `code`" section giving its
// severity, and no section names an unknown code. With TestCorpus, which
// requires each code to be produced, docs and corpus cannot drift.
func TestDocsListEveryCode(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(packageDir, "..", "docs", "diagnostics.md"))
	require.NoError(t, err)
	heading := regexp.MustCompile("(?m)^### `([a-z0-9-]+)` \\((error|warning)\\)$")
	documented := map[string]string{}
	for _, m := range heading.FindAllStringSubmatch(string(doc), -1) {
		documented[m[1]] = m[2]
	}
	var want []string
	for _, c := range validate.Codes() {
		want = append(want, c.Code)
		assert.Equal(t, c.Severity.String(), documented[c.Code], "docs/diagnostics.md: section for %s", c.Code)
	}
	// Every message quoted under a code is output of the corpus.
	goldens, err := filepath.Glob(filepath.Join(packageDir, "testdata", "golden", "*.text"))
	require.NoError(t, err)
	lines := map[string]bool{}
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		require.NoError(t, err)
		for _, l := range strings.Split(string(data), "\n") {
			lines[l] = true
		}
	}
	section := regexp.MustCompile("(?s)### `([a-z0-9-]+)`(.*?)```text\n(.*?)```")
	for _, m := range section.FindAllStringSubmatch(string(doc), -1) {
		if !strings.Contains(m[2], "validate/testdata/bad/") {
			continue // an input built by TestHostileInput
		}
		for _, l := range strings.Split(strings.TrimSuffix(m[3], "\n"), "\n") {
			assert.True(t, lines[l], "docs/diagnostics.md, section %s: line %q is in no golden file", m[1], l)
		}
	}

	var got []string
	for c := range documented {
		got = append(got, c)
	}
	sort.Strings(got)
	sort.Strings(want)
	assert.Equal(t, want, got, "codes documented in docs/diagnostics.md")
}
