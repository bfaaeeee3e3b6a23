package recordfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/model"
)

// A decoding worker reads file after file into one buffer: a short file
// read after a long one must see only its own bytes, and no record may
// keep bytes of a buffer that the next file overwrites.
func TestLoadReusesReadBuffers(t *testing.T) {
	dir := t.TempDir()
	want := map[string]string{} // id → name
	for i := range 24 {
		var b strings.Builder
		n := 1
		if i%2 == 0 {
			n = 400 // long files, then short ones, in every worker
		}
		for j := range n {
			id := fmt.Sprintf("org-%d-%d", i, j)
			name := fmt.Sprintf("Organisation %d of file %d, with a name longer than the parser interns", j, i)
			fmt.Fprintf(&b, "---\nkind: organization\nid: %s\nname: %q\n", id, name)
			want[id] = name
		}
		name := fmt.Sprintf("records-%02d.yaml", i)
		if i%3 == 0 {
			// JSON files share the workers' buffers too.
			name = fmt.Sprintf("records-%02d.json", i)
			b.Reset()
			b.WriteString("[")
			for j := range n {
				if j > 0 {
					b.WriteString(",")
				}
				id := fmt.Sprintf("org-%d-%d", i, j)
				fmt.Fprintf(&b, `{"kind": "organization", "id": %q, "name": %q}`, id, want[id])
			}
			b.WriteString("]")
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644))
	}
	ds, problems := LoadFiles([]string{dir}, Options{Base: "https://data.example.org/"})
	require.Empty(t, problems, "a short file read into a long file's buffer is read as itself")
	require.Equal(t, len(want), ds.Len())
	for _, r := range ds.Records {
		o, ok := r.(*model.Organization)
		require.True(t, ok)
		assert.Equal(t, want[o.ID], o.Name.Best(""), o.ID)
	}
}
