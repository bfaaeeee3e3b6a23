package export

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

func exampleDataset(t *testing.T) *model.Dataset {
	t.Helper()
	ds, problems := examples.Load()
	require.Empty(t, problems)
	return ds
}

// listDir returns the names in dir, for checking that nothing was left.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// failingWriter fails once n bytes have been written, as a full disk does.
type failingWriter struct {
	w io.Writer
	n int
}

var errDiskFull = errors.New("no space left on device")

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		n, _ := f.w.Write(p[:f.n])
		f.n = 0
		return n, errDiskFull
	}
	f.n -= len(p)
	return f.w.Write(p)
}

func TestWriteDumpFailuresKeepThePreviousDump(t *testing.T) {
	ds := exampleDataset(t)
	formats := []Format{FormatSchema}
	parent := t.TempDir()
	out := filepath.Join(parent, "dump")
	require.NoError(t, WriteDump(context.Background(), out, ds, DumpOptions{Formats: formats}))
	before, err := os.ReadFile(filepath.Join(out, "records.schema.json"))
	require.NoError(t, err)

	t.Run("disk full", func(t *testing.T) {
		err := writeDump(context.Background(), out, ds, DumpOptions{Formats: formats},
			func(w io.Writer) io.Writer { return &failingWriter{w: w, n: 100} })
		require.ErrorIs(t, err, errDiskFull)
		assert.Contains(t, err.Error(), "records.schema.json", "the message names the file")
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		require.ErrorIs(t, WriteDump(ctx, out, ds, DumpOptions{Formats: formats}), context.Canceled)
	})
	t.Run("no base", func(t *testing.T) {
		noBase := model.NewDataset(model.DatasetInfo{})
		err := WriteDump(context.Background(), out, noBase, DumpOptions{Formats: formats})
		require.EqualError(t, err, "model: base is not set")
	})

	after, err := os.ReadFile(filepath.Join(out, "records.schema.json"))
	require.NoError(t, err)
	assert.Equal(t, before, after, "the previous dump is intact")
	assert.Equal(t, []string{"dump"}, listDir(t, parent), "no temporary directory is left behind")
}

func TestWriteDumpRefusesToDeleteUserFiles(t *testing.T) {
	ds := exampleDataset(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644))
	err := WriteDump(context.Background(), dir, ds, DumpOptions{Formats: []Format{FormatSchema}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "notes.txt, which is not part of a dump")
	assert.Equal(t, []string{"notes.txt"}, listDir(t, dir))

	file := filepath.Join(dir, "notes.txt")
	err = WriteDump(context.Background(), file, ds, DumpOptions{Formats: []Format{FormatSchema}})
	require.EqualError(t, err, "export: "+file+" exists and is not a directory")
	var nr *NotReplaceableError
	require.ErrorAs(t, err, &nr)
	assert.Equal(t, file, nr.Dir)
}

func TestWriteDumpReplacesAPreviousDump(t *testing.T) {
	ds := exampleDataset(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "dump")
	require.NoError(t, os.MkdirAll(filepath.Join(out, "csv"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(out, "dataset.nt"), []byte("stale"), 0o644))
	require.NoError(t, WriteDump(context.Background(), out, ds, DumpOptions{Formats: []Format{FormatSchema}}))
	assert.Equal(t, []string{"records.schema.json"}, listDir(t, out), "the old dump is replaced whole, not merged")
	assert.Equal(t, []string{"dump"}, listDir(t, parent))
}

// TestWriteDumpReportsAPreviousDumpLeftBehind: when the previous dump
// cannot be removed once the new one is in place, the error says so
// (it used to read as if nothing had been written).
func TestWriteDumpReportsAPreviousDumpLeftBehind(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("file permissions do not stop root")
	}
	ds := exampleDataset(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "dump")
	formats := []Format{FormatSchema}
	require.NoError(t, WriteDump(context.Background(), out, ds, DumpOptions{Formats: formats}))
	require.NoError(t, os.Chmod(out, 0o555))
	t.Cleanup(func() {
		olds, _ := filepath.Glob(filepath.Join(parent, ".dump.old-*"))
		for _, o := range append(olds, out) {
			os.Chmod(o, 0o755)
		}
	})

	err := WriteDump(context.Background(), out, ds, DumpOptions{Formats: formats})
	require.ErrorIs(t, err, ErrPreviousDumpLeft)
	olds, _ := filepath.Glob(filepath.Join(parent, ".dump.old-*"))
	require.Len(t, olds, 1)
	assert.Contains(t, err.Error(), "the new dump is in place, but the previous one could not be removed from "+olds[0]+": ")
	assert.Equal(t, []string{"records.schema.json"}, listDir(t, out), "the new dump is in place")
}

func TestParseFormats(t *testing.T) {
	got, err := ParseFormats("nt, ttl,nt")
	require.NoError(t, err)
	assert.Equal(t, []Format{FormatTurtle, FormatNTriples}, got, "in dump order, without repeats")
	_, err = ParseFormats("ttl,xml")
	assert.EqualError(t, err, `export: unknown format "xml"; formats are ttl, nt, jsonld, csv, catalog, shapes, schema, vocab, site`)
	_, err = ParseFormats(" , ")
	assert.Error(t, err)
}

// TestSiteAsAFormat: --formats site writes the site's pages after the
// catalogue, which lists only the dump's files, and ParseFormats puts it
// last whatever order it was named in.
func TestSiteAsAFormat(t *testing.T) {
	got, err := ParseFormats("site,ttl,catalog")
	require.NoError(t, err)
	assert.Equal(t, []Format{FormatTurtle, FormatCatalog, FormatSite}, got)
	dir := filepath.Join(t.TempDir(), "out")
	require.NoError(t, WriteDump(context.Background(), dir, exampleDataset(t), DumpOptions{Formats: got}))
	assert.FileExists(t, filepath.Join(dir, "id", "efus", "index.html"))
	assert.FileExists(t, filepath.Join(dir, "dataset.ttl"))
	catalog, err := os.ReadFile(filepath.Join(dir, CatalogFile))
	require.NoError(t, err)
	assert.NotContains(t, string(catalog), "index.html", "the catalogue lists the dump's files, not the pages")
}

// A mapping made beforehand, as the command makes it while validating,
// is the one the dump uses, and gives the same bytes; the mapping of
// another dataset is refused before anything is written.
func TestWriteDumpWithAMappingMadeBefore(t *testing.T) {
	ds := exampleDataset(t)
	m, err := rdf.NewMapper(ds)
	require.NoError(t, err)
	d := &dump{ds: ds, opts: DumpOptions{Mapping: m}}
	got, err := d.mapper()
	require.NoError(t, err)
	assert.Same(t, m, got, "the given mapping is used")

	with, without := filepath.Join(t.TempDir(), "with"), filepath.Join(t.TempDir(), "without")
	require.NoError(t, WriteDump(context.Background(), with, ds, DumpOptions{Mapping: m}))
	require.NoError(t, WriteDump(context.Background(), without, ds, DumpOptions{}))
	names := listDir(t, without)
	require.Equal(t, names, listDir(t, with))
	for _, name := range names {
		if st, err := os.Stat(filepath.Join(without, name)); err != nil || st.IsDir() {
			continue
		}
		a, err := os.ReadFile(filepath.Join(with, name))
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(without, name))
		require.NoError(t, err)
		assert.Equal(t, string(b), string(a), name)
	}

	other := filepath.Join(t.TempDir(), "other")
	err = WriteDump(context.Background(), other, exampleDataset(t), DumpOptions{Mapping: m})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "another dataset")
	assert.NoDirExists(t, other)
}

func TestNeedsMapping(t *testing.T) {
	assert.True(t, NeedsMapping(nil), "the whole dump")
	assert.True(t, NeedsMapping([]Format{FormatCSV, FormatNTriples}))
	assert.True(t, NeedsMapping([]Format{FormatCatalog}), "the catalogue's statistics")
	assert.True(t, NeedsMapping([]Format{FormatSite}))
	assert.False(t, NeedsMapping([]Format{FormatCSV, FormatShapes, FormatSchema, FormatVocab}))
}
