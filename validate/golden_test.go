package validate_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// checkGolden compares got with the golden file path (relative to the
// package directory, whatever the test's working directory), or rewrites
// it with -update. Read the diff before accepting one.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	path = filepath.Join(packageDir, path)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./validate -update and read the diff")
	if !bytes.Equal(got, want) {
		require.Equal(t, string(want), string(got), "output differs from %s (go test -update rewrites it)", path)
	}
}

// packageDir is the package directory, where go test starts.
var packageDir = func() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return wd
}()
