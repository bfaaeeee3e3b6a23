package export

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples"
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
		require.EqualError(t, err, "no base IRI: set base in civicnet.yaml or pass --base")
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
	require.EqualError(t, err, file+" exists and is not a directory")
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

func TestCheckBase(t *testing.T) {
	tests := []struct{ base, err string }{
		{"https://data.example.org/net/", ""},
		{"", "no base IRI: set base in civicnet.yaml or pass --base"},
		{"data.example.org/net/", `base "data.example.org/net/" is not an absolute http(s) IRI`},
		{"https://data.example.org/net", `base "https://data.example.org/net" must end with "/"`},
		{"https://data.example.org/a b/", `base "https://data.example.org/a b/" holds a character not allowed in an IRI base (space, <>"{}|\^` + "`" + ` # ?)`},
		// A control character made "civicnet export --base" panic in the
		// mapping instead of being a usage error.
		{"https://data.example.org/\n/", `base "https://data.example.org/\n/" holds a control character`},
		{"https://data.example.org/\t/", `base "https://data.example.org/\t/" holds a control character`},
		{"https://data.example.org/\x7f/", `base "https://data.example.org/\x7f/" holds a control character`},
		{"https://data.example.org/\u0085/", `base "https://data.example.org/\u0085/" holds a control character`},
		{"https://data.example.org/\xff/", `base "https://data.example.org/\xff/" is not valid UTF-8`},
		// json-gold dropped every triple of dataset.jsonld with these.
		{"https:///", `base "https:///" has no host name`},
		{"https://data.example.org/%zz/", `base "https://data.example.org/%zz/" is not a valid IRI: invalid URL escape "%zz"`},
		{"https://data.example.org:port/", `base "https://data.example.org:port/" is not a valid IRI: invalid port ":port" after host`},
		{"https://städte.example/net/", ""},
		{"https://xn--stdte-gra.example:8443/net/", ""},
		{"https://[2001:db8::1]/net/", ""},
		{"https://user@data.example.org/net/", ""},
		{"http://!/", `base "http://!/" has no valid host name: "!" is not one`},
		{"http://data_set.example.org/", `base "http://data_set.example.org/" has no valid host name: "data_set.example.org" is not one`},
		{"http://data.example.org:/", `base "http://data.example.org:/" has no valid host name: "data.example.org:" is not one`},
		{"http://data..example.org/", `base "http://data..example.org/" has no valid host name: "data..example.org" is not one`},
		{"http://-data.example.org/", `base "http://-data.example.org/" has no valid host name: "-data.example.org" is not one`},
		{"http://192.0.2.1:8080/net/", ""},
		{"http://0.0000000/", `base "http://0.0000000/" has no valid host name: "0.0000000" is not one`},
		{"http://192.0.02.1/", `base "http://192.0.02.1/" has no valid host name: "192.0.02.1" is not one`},
		{"http://x.example/" + strings.Repeat("a", 1020) + "/", `base "http://x.example/` + strings.Repeat("a", 1020) + `/" is 1038 bytes long; the limit is 1024`},
	}
	for _, tc := range tests {
		t.Run(tc.base, func(t *testing.T) {
			err := CheckBase(tc.base)
			if tc.err == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tc.err)
		})
	}
}

func TestParseFormats(t *testing.T) {
	got, err := ParseFormats("nt, ttl,nt")
	require.NoError(t, err)
	assert.Equal(t, []Format{FormatTurtle, FormatNTriples}, got, "in dump order, without repeats")
	_, err = ParseFormats("ttl,xml")
	assert.EqualError(t, err, `unknown format "xml"; formats are ttl, nt, jsonld, csv, catalog, shapes, schema`)
	_, err = ParseFormats(" , ")
	assert.Error(t, err)
}
