package validate_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

// generatedCase is an input too big or too odd to commit: it is built by
// the test, loaded and validated, and must yield a diagnostic with code
// (or none when code is "") instead of a hang, a crash or unbounded
// memory. The limits are documented in docs/diagnostics.md.
type generatedCase struct {
	name string
	code string
	load func(t *testing.T) (*model.Dataset, []model.Problem)
}

// largeCases take seconds, as the loader reads a file up to its size
// limit before rejecting it; they run with -large.
var (
	large      = flag.Bool("large", false, "also run the hostile inputs that take seconds (a file over the size limit)")
	largeCases = map[string]bool{"file larger than the limit": true}
)

// decodeBytes loads data as a file of the given name.
func decodeBytes(name string, data []byte) func(t *testing.T) (*model.Dataset, []model.Problem) {
	return func(t *testing.T) (*model.Dataset, []model.Problem) {
		return recordfile.Decode(bytes.NewReader(data), name, recordfile.Options{})
	}
}

// billionLaughs is the YAML alias expansion bomb: nine levels of nine
// aliases each, 9^9 strings if expanded.
func billionLaughs() []byte {
	var b strings.Builder
	b.WriteString("kind: organization\nid: lol\nname: Laughs\nsources: [{title: t}]\nalt_names: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("topics: &l" + strconv.Itoa(i) + " [")
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + strconv.Itoa(i-1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("description: *l9\n")
	return []byte(b.String())
}

func manyRecords(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		b.WriteString("- {kind: organization, id: org-" + strconv.Itoa(i) + ", name: Organisation " + strconv.Itoa(i) + ", sources: [{title: t}]}\n")
	}
	return b.Bytes()
}

var generatedCases = []generatedCase{
	{"yaml alias bomb", "wrong-type", decodeBytes("bomb.yaml", billionLaughs())},
	{"yaml nesting 100k deep (flow lists)", "syntax", decodeBytes("deep.yaml",
		[]byte("kind: organization\nid: deep\nname: "+strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+"\n"))},
	{"yaml nesting 100k deep (flow mappings)", "syntax", decodeBytes("deep.yaml",
		[]byte(strings.Repeat("{a: ", 100_000)+"x"+strings.Repeat("}", 100_000)+"\n"))},
	{"yaml nesting 100k deep (block lists)", "syntax", decodeBytes("deep.yaml",
		[]byte(strings.Repeat("- ", 100_000)+"x\n"))},
	{"json nesting 100k deep", "syntax", decodeBytes("deep.json",
		[]byte(`{"kind": "organization", "id": "deep", "name": `+strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+"}"))},
	{"yaml 50 MB scalar", "value-too-long", decodeBytes("huge.yaml",
		[]byte("kind: organization\nid: huge\nsources: [{title: t}]\nname: "+strings.Repeat("x", 50<<20)+"\n"))},
	{"json 50 MB string", "value-too-long", decodeBytes("huge.json",
		[]byte(`{"kind": "organization", "id": "huge", "sources": [{"title": "t"}], "name": "`+strings.Repeat("x", 50<<20)+`"}`))},
	{"invalid UTF-8", "bad-encoding", decodeBytes("latin1.yaml",
		[]byte("kind: organization\nid: paris\nname: Ville de Paris \xe9tudes\n"))},
	{"NUL bytes", "control-character", decodeBytes("nul.yaml",
		[]byte("kind: organization\nid: efus\nname: Efus\x00\x00\n"))},
	{"look-alike ids of a megabyte", "dangling-ref", decodeBytes("long.yaml",
		[]byte("kind: organization\nid: "+strings.Repeat("a", 1<<20-10)+"\nname: A\nsources: [{title: t}]\n---\n"+
			"kind: organization\nid: b\nname: B\nsources: [{title: t}]\nunit_of: "+strings.Repeat("a", 1<<20-10)+"b\n"))},
	{"100k records in one file", "", decodeBytes("many.yaml", manyRecords(100_000))},
	{"too many problems in one file", "too-many-problems", decodeBytes("noisy.yaml",
		[]byte("kind: organization\nid: noisy\nname: Noisy\n"+strings.Repeat("x: 1\n", 0)+func() string {
			var b strings.Builder
			for i := range recordfile.MaxProblemsPerFile + 10 {
				b.WriteString("field" + strconv.Itoa(i) + ": 1\n")
			}
			return b.String()
		}()))},
	{"file larger than the limit", "file-too-large", func(t *testing.T) (*model.Dataset, []model.Problem) {
		// A sparse file: it takes no disk space.
		path := filepath.Join(t.TempDir(), "big.yaml")
		require.NoError(t, os.WriteFile(path, nil, 0o644))
		require.NoError(t, os.Truncate(path, recordfile.MaxFileSize+1))
		return recordfile.LoadFiles([]string{path}, recordfile.Options{})
	}},
	{"two civicnet.yaml", "duplicate-dataset", func(t *testing.T) (*model.Dataset, []model.Problem) {
		var dirs []string
		for _, d := range []string{"a", "b"} {
			dir := filepath.Join(t.TempDir(), d)
			require.NoError(t, os.MkdirAll(dir, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, model.DatasetFile), []byte("base: https://data.example.org/net/\n"), 0o644))
			dirs = append(dirs, dir)
		}
		return recordfile.LoadFiles(dirs, recordfile.Options{})
	}},
}

// TestHostileInput feeds inputs built to exhaust a parser. Each must end
// with the expected diagnostic; the test asserts no timing, but a hang
// would show as the package timing out.
func TestHostileInput(t *testing.T) {
	for _, c := range generatedCases {
		t.Run(c.name, func(t *testing.T) {
			if largeCases[c.name] && !*large {
				t.Skip("takes seconds; run with -large")
			}
			ds, problems := c.load(t)
			diags := validate.Validate(ds, problems)
			for _, f := range validate.Formats {
				require.NoError(t, validate.Render(io.Discard, f, diags, validate.RenderOptions{}))
			}
			if c.code == "" {
				assert.False(t, diags.HasErrors(), "Validate(%s) = %v, want no errors", c.name, diags)
				return
			}
			require.Contains(t, codesOf(diags), c.code, "Validate(%s) = %v", c.name, diags)
			for _, d := range diags {
				assert.Less(t, len(d.Summary), 500, "%s: summary of %d bytes", d.Code, len(d.Summary))
			}
		})
	}
}
