package civicnet_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/civicnet/civicnet"

// allowed lists, for each package of ours, the packages of ours its
// non-test files may import, as ARCHITECTURE.md draws them.
var allowed = map[string][]string{
	"model":                     {},
	"model/recordfile":          {"model"},
	"model/recordfmt":           {"model", "model/recordfile"},
	"validate":                  {"model"},
	"export/internal/rdfsyntax": {},
	"export/rdf":                {"model", "export/internal/rdfsyntax"},
	"export/ntriples":           {"model", "export/rdf", "export/internal/rdfsyntax"},
	"export/turtle":             {"model", "export/rdf", "export/internal/rdfsyntax"},
	"export/jsonld":             {"model", "export/rdf", "export/internal/rdfsyntax"},
	"export/csvw":               {"model", "export/rdf"},
	"export/dcat":               {"model", "export/rdf", "export/turtle"},
	"export/shacl":              {"export/rdf", "export/turtle"},
	"export/diff":               {"model", "export/rdf", "export/ntriples"},
	"export/vocab":              {"export/rdf", "export/turtle"},
	"export/site":               {"model", "export/rdf", "export/turtle", "export/ntriples", "export/jsonld", "export/vocab"},
}

// forbidden lists, for a package of ours, other modules' packages its
// non-test files must not import: the record types know no file syntax.
var forbidden = map[string][]string{
	"model": {"go.yaml.in/yaml/v3"},
}

// TestPackageImportsFollowArchitecture reads the imports of every
// non-test file and checks them against ARCHITECTURE.md: model imports
// nothing of ours nor yaml, a format package no other format package
// (but turtle), export/rdf no writer, nothing imports cmd.
func TestPackageImportsFollowArchitecture(t *testing.T) {
	imports := map[string]map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(filepath.Dir(p))
		if imports[pkg] == nil {
			imports[pkg] = map[string]bool{}
		}
		for _, im := range f.Imports {
			ip, _ := strconv.Unquote(im.Path.Value)
			if slices.Contains(forbidden[pkg], ip) {
				t.Errorf("%s imports %s, which ARCHITECTURE.md does not allow", pkg, ip)
			}
			if rest, ok := strings.CutPrefix(ip, module+"/"); ok {
				imports[pkg][rest] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg, ims := range imports {
		for im := range ims {
			if strings.HasPrefix(im, "cmd/") {
				t.Errorf("%s imports %s: nothing imports cmd", pkg, im)
			}
			if want, ok := allowed[pkg]; ok && !slices.Contains(want, im) {
				t.Errorf("%s imports %s, which ARCHITECTURE.md does not allow (allowed: %v)", pkg, im, want)
			}
		}
	}
	for pkg := range allowed {
		if _, ok := imports[pkg]; !ok && path.Base(pkg) != "" {
			t.Errorf("ARCHITECTURE.md lists %s, which has no Go files", pkg)
		}
	}
}
