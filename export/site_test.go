package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// WriteSite writes the dump and the site together, replaces a previous
// site, and leaves it as it was when cancelled or when the directory
// holds files of the user's.
func TestWriteSite(t *testing.T) {
	ds := exampleDataset(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	require.NoError(t, WriteSite(context.Background(), out, ds, SiteOptions{}))
	for _, f := range []string{NTriplesFile, CatalogFile, "index.html", "id/efus/index.html", "id/efus.ttl", "dataset/index.html", ".htaccess"} {
		assert.FileExists(t, filepath.Join(out, filepath.FromSlash(f)))
	}
	page, err := os.ReadFile(filepath.Join(out, "dataset", "index.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), `<a href="../dataset.nt">dataset.nt</a>`)

	// A second site replaces the first; nothing is left beside it.
	require.NoError(t, WriteSite(context.Background(), out, ds, SiteOptions{}))
	assert.Equal(t, []string{"site"}, listDir(t, parent))

	// Cancelled: the previous site stays, no temporary directory is left.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, WriteSite(ctx, out, ds, SiteOptions{}), context.Canceled)
	assert.Equal(t, []string{"site"}, listDir(t, parent))
	assert.FileExists(t, filepath.Join(out, "id", "efus", "index.html"))

	// A file of the user's is never deleted.
	require.NoError(t, os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644))
	err = WriteSite(context.Background(), out, ds, SiteOptions{})
	var nr *NotReplaceableError
	require.True(t, errors.As(err, &nr), "got %v", err)
	assert.Equal(t, "notes.txt", nr.Entry)
}
