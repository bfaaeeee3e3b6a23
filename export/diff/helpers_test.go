package diff_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

// edit is one change to a file of the example record set: Old replaced
// by New (New alone: a new file, or appended to an existing one).
type edit struct {
	File     string
	Old, New string
}

// examplesWith loads the example record set with edits applied; a
// missing Old text fails the test, so an edit cannot silently do nothing.
func examplesWith(t testing.TB, edits ...edit) *model.Dataset {
	t.Helper()
	files := fstest.MapFS{}
	err := fs.WalkDir(examples.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(examples.FS(), p)
		files[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		f, ok := files[e.File]
		switch {
		case !ok:
			files[e.File] = &fstest.MapFile{Data: []byte(e.New)}
		case e.Old == "":
			f.Data = append(f.Data, e.New...)
		case !strings.Contains(string(f.Data), e.Old):
			t.Fatalf("edit of %s: %q not found", e.File, e.Old)
		default:
			f.Data = []byte(strings.Replace(string(f.Data), e.Old, e.New, 1))
		}
	}
	ds, problems := recordfile.LoadFS(files, recordfile.Options{})
	for _, p := range problems {
		t.Fatalf("loading the edited examples: %v", p)
	}
	return ds
}
