package validate_test

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/civicnet/civicnet/validate"
)

// FuzzValidate runs the whole path from bytes: decoding as YAML or JSON,
// validation, and every renderer. Whatever the input, nothing panics, and
// every diagnostic has a severity, a known code and a one-line summary.
// Seeds are the example record set and the bad-input corpus.
func FuzzValidate(f *testing.F) {
	err := fs.WalkDir(examples.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(examples.FS(), p)
		if err == nil {
			f.Add(data, strings.HasSuffix(p, ".json"))
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	err = filepath.WalkDir(filepath.Join(packageDir, corpusDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		data, err := os.ReadFile(p)
		if err == nil {
			f.Add(data, strings.HasSuffix(p, ".json"))
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		name := "fuzz.yaml"
		if asJSON {
			name = "fuzz.json"
		}
		ds, problems := recordfile.Decode(bytes.NewReader(data), name, recordfile.Options{})
		diags := validate.Validate(ds, problems)
		for _, d := range diags {
			if d.Severity != validate.Error && d.Severity != validate.Warning {
				t.Errorf("%v: severity %d", d, d.Severity)
			}
			if _, ok := validate.LookupCode(d.Code); !ok {
				t.Errorf("%v: unknown code %q", d, d.Code)
			}
			if d.Summary == "" || strings.ContainsAny(d.Summary, "\n") {
				t.Errorf("%v: summary %q is not one line", d, d.Summary)
			}
		}
		for _, format := range validate.Formats {
			if err := validate.Render(io.Discard, format, diags, validate.RenderOptions{Files: 1}); err != nil {
				t.Errorf("Render(%v): %v", format, err)
			}
		}
	})
}
