package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidateCorpus runs "civicnet validate --strict --format F ENTRY"
// on every entry of the validate package's bad-input corpus, from inside
// the corpus as its golden files were made: each must exit with 1 and
// print its golden output byte for byte.
func TestValidateCorpus(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("..", "..", "validate", "testdata", "golden"))
	require.NoError(t, err)
	t.Chdir(filepath.Join("..", "..", "validate", "testdata", "bad"))
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	require.NotEmpty(t, entries)
	for _, e := range entries {
		for _, format := range []string{"text", "json", "github", "sarif"} {
			t.Run(e.Name()+"/"+format, func(t *testing.T) {
				want, err := os.ReadFile(filepath.Join(golden, strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))+"."+format))
				require.NoError(t, err)
				var stdout, stderr bytes.Buffer
				code := run([]string{"validate", "--strict", "--quiet", "--format", format, e.Name()}, nil, &stdout, &stderr)
				wantCode := exitInvalid
				if e.Name() == "read-error" {
					wantCode = exitFailure
				}
				assert.Equal(t, wantCode, code, "civicnet validate %s: exit code; stderr:\n%s", e.Name(), stderr.String())
				assert.Equal(t, string(want), stdout.String(), "civicnet validate --format %s %s", format, e.Name())
			})
		}
	}
}
