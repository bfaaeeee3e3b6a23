package export_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/validate"
)

// TestGzipDump: --gzip writes dataset.ttl.gz and dataset.nt.gz whose
// decompressed bytes are exactly those of the plain dump, as a stream of
// gzip members (compressed on several goroutines), and the catalogue
// describes the compressed files: their checksums and compression.
func TestGzipDump(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	ds := exporttest.Synthetic(t, 3000)
	formats := []export.Format{export.FormatTurtle, export.FormatNTriples, export.FormatCatalog}
	// The synthetic set is big enough for many chunks; its
	// validation is not what this test is about.
	none := &validate.Diagnostics{}
	plain := filepath.Join(t.TempDir(), "plain")
	zipped := filepath.Join(t.TempDir(), "zipped")
	require.NoError(t, export.WriteDump(context.Background(), plain, ds, export.DumpOptions{Formats: formats, Validation: none}))
	require.NoError(t, export.WriteDump(context.Background(), zipped, ds, export.DumpOptions{Formats: formats, Gzip: true, Validation: none}))
	catalog, err := os.ReadFile(filepath.Join(zipped, export.CatalogFile))
	require.NoError(t, err)
	for _, name := range []string{export.TurtleFile, export.NTriplesFile} {
		assert.NoFileExists(t, filepath.Join(zipped, name))
		want, err := os.ReadFile(filepath.Join(plain, name))
		require.NoError(t, err)
		gz, err := os.ReadFile(filepath.Join(zipped, name+".gz"))
		require.NoError(t, err)
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		require.NoError(t, err)
		got, err := io.ReadAll(zr)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s.gz decompresses to %s", name, name)
		assert.Less(t, len(gz), len(want)/4, "%s.gz is compressed", name)
		// Several members: the chunks were compressed apart.
		zr, err = gzip.NewReader(bytes.NewReader(gz))
		require.NoError(t, err)
		zr.Multistream(false)
		_, err = io.Copy(io.Discard, zr)
		require.NoError(t, err)
		assert.NoError(t, zr.Reset(bytes.NewReader(gz[memberEnd(t, gz):])), "a second member follows the first")
		sum := sha256.Sum256(gz)
		assert.Contains(t, string(catalog), hex.EncodeToString(sum[:]), "the catalogue has the checksum of %s.gz", name)
	}
	assert.Contains(t, string(catalog), "dcat:compressFormat <https://www.iana.org/assignments/media-types/application/gzip>")
}

// memberEnd returns the offset where the first gzip member of b ends.
func memberEnd(t *testing.T, b []byte) int64 {
	r := bytes.NewReader(b)
	zr, err := gzip.NewReader(r)
	require.NoError(t, err)
	zr.Multistream(false)
	_, err = io.Copy(io.Discard, zr)
	require.NoError(t, err)
	end := int64(len(b)) - int64(r.Len())
	require.Less(t, end, int64(len(b)), "more than one member")
	return end
}
