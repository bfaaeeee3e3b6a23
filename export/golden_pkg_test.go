package export_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/model"
)

// The -update flag rewrites golden files. Other test files of the package
// may register it too; whoever comes first does, and every user reads it
// through updating.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// assertGolden compares got with the file testdata/golden/name, or
// rewrites the file with -update.
func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", filepath.FromSlash(name))
	if updating() {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, got, 0o644))
		return
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "no golden file; run go test ./export -run %s -update and read the diff", t.Name())
	assert.Equal(t, string(want), string(got), "%s differs from its golden file; if the change is intended, run go test -update and review the diff", name)
}

// loadExamples loads the example record set, which must load cleanly.
func loadExamples(t testing.TB) *model.Dataset {
	t.Helper()
	ds, problems := examples.Load()
	require.Empty(t, problems)
	return ds
}

// exampleDump writes the packaging parts of a dump of the examples (the
// formats that need no RDF writer) and returns its directory.
func exampleDump(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, loadExamples(t), export.DumpOptions{Formats: packagingFormats}))
	return dir
}

// packagingFormats are the parts of a dump this file's tests check.
var packagingFormats = []export.Format{export.FormatCSV, export.FormatShapes, export.FormatSchema, export.FormatCatalog}
