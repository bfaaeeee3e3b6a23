package recordfile

import (
	"fmt"
	"os"
	"path/filepath"
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

func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	write("ok.yaml", "kind: place\nid: ok\nname: OK\n")
	// A directory named like a record file is walked, not read.
	write("dir.yaml/inner.yaml", "kind: place\nid: inner\nname: Inner\n")
	write("tabs.yaml", "kind: place\n\tid: tabs\n")
	write("latin1.yaml", "kind: place\nid: latin\nname: Citt\xe0\n")
	// A symbolic link loop and a dangling link.
	require.NoError(t, os.Symlink(dir, filepath.Join(dir, "loop")))
	require.NoError(t, os.Symlink(dir, filepath.Join(dir, "loop.yaml")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "missing.yaml"), filepath.Join(dir, "dangling.yaml")))

	ds, problems := LoadFiles([]string{dir}, Options{})
	assert.NotNil(t, ds.Lookup("ok"))
	assert.NotNil(t, ds.Lookup("inner"), "a directory named x.yaml is walked")
	got := map[string]string{}
	for _, p := range problems {
		rel, err := filepath.Rel(dir, p.Pos.File)
		require.NoError(t, err)
		got[rel] = p.Code + " " + p.Summary
	}
	assert.Equal(t, map[string]string{
		"tabs.yaml":     "syntax YAML syntax error: found a tab character that violates indentation",
		"latin1.yaml":   "bad-encoding invalid UTF-8 byte 0xe0",
		"dangling.yaml": "read-error cannot read: no such file or directory",
		"loop.yaml":     "symlink-skipped symbolic link to a directory not followed",
	}, got, "the loop is not followed (WalkDir does not follow links) and every other file is reported")
}

func TestManyRecordsInOneFile(t *testing.T) {
	var b strings.Builder
	for i := range 100_000 {
		fmt.Fprintf(&b, "- {kind: place, id: p%d, name: Place %d}\n", i, i)
	}
	ds, problems := Decode(strings.NewReader(b.String()), "many.yaml", Options{})
	require.Empty(t, problems)
	assert.Equal(t, 100_000, ds.Len())
	assert.Equal(t, "many.yaml:100000:3", ds.Lookup("p99999").Base().Pos().String())
}
