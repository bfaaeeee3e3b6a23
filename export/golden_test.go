package export_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/internal/exporttest"
)

// exampleDump writes the packaging parts of a dump of the examples (the
// formats that need no RDF writer) and returns its directory.
func exampleDump(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "dump")
	require.NoError(t, export.WriteDump(context.Background(), dir, exporttest.Examples(t), export.DumpOptions{Formats: packagingFormats}))
	return dir
}

// packagingFormats are the parts of a dump this file's tests check.
var packagingFormats = []export.Format{export.FormatCSV, export.FormatShapes, export.FormatSchema, export.FormatCatalog}
