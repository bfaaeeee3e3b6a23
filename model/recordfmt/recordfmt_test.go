package recordfmt

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"

	"github.com/civicnet/civicnet/examples"
	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

func TestSource(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"field order, quoting and indentation", "efus.yaml",
			"sources: [{url: 'https://efus.eu', title: \"Efus\"}]\nname: \"European Forum\"\nid: 'efus'\nkind: organization\n",
			"kind: organization\nid: efus\nname: European Forum\nsources: [{title: Efus, url: 'https://efus.eu'}]\n"},
		{"quotes kept where YAML needs them", "r.yaml",
			"kind: region\nid: r\nname: 'true'\nidentifiers: {geonames: '3165361'}\npopulation: {as_of: 2020, value: 100}\n",
			"kind: region\nid: r\nname: \"true\"\nidentifiers: {geonames: \"3165361\"}\npopulation: {value: 100, as_of: 2020}\n"},
		{"comments kept with their field", "c.yaml",
			"# yaml-language-server: $schema=records.schema.json\nname: Efus # the short name\n# the id\nid: efus\nkind: organization\n",
			"# yaml-language-server: $schema=records.schema.json\nkind: organization\n# the id\nid: efus\nname: Efus # the short name\n"},
		{"nested memberships, block lists indented by two", "p.yaml",
			"kind: person\nid: p\nname: P\nmemberships:\n    -   role: member\n        organization: efus\n",
			"kind: person\nid: p\nname: P\nmemberships:\n  - organization: efus\n    role: member\n"},
		{"several documents and unknown fields last", "m.yaml",
			"websit: x\nname: A\nid: a\nkind: place\n---\nname: B\nid: b\nkind: place\n",
			"kind: place\nid: a\nname: A\nwebsit: x\n---\nkind: place\nid: b\nname: B\n"},
		{"a list of records", "l.yaml",
			"- {name: A, id: a, kind: place}\n- name: B\n  kind: place\n  id: b\n",
			"- {kind: place, id: a, name: A}\n- kind: place\n  id: b\n  name: B\n"},
		{"the dataset description", "records/civicnet.yaml",
			"license: CC-BY-4.0\ntitle: 'Net'\nbase: https://data.example.org/net/\n",
			"base: https://data.example.org/net/\ntitle: Net\nlicense: CC-BY-4.0\n"},
		{"no kind: order kept", "x.yaml",
			"b: 1\na: 'two'\n",
			"b: 1\na: two\n"},
		{"comments only", "empty.yaml", "# nothing yet\n", "# nothing yet\n"},
		{"folded strings keep their lines", "f.yaml",
			"name: A\ndescription: >-\n    First line\n    second line.\n\n    Next paragraph.\nkind: place\nid: a\nsources:\n    - title: >\n        a long\n        title\n",
			"kind: place\nid: a\nname: A\ndescription: >-\n  First line\n  second line.\n\n  Next paragraph.\nsources:\n  - title: >\n      a long\n      title\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Source(tc.file, []byte(tc.src))
			if err != nil {
				t.Fatalf("Source(%q): %v", tc.src, err)
			}
			if string(got) != tc.want {
				t.Errorf("Source(%q)\ngot:\n%s\nwant:\n%s", tc.src, got, tc.want)
			}
			again, err := Source(tc.file, got)
			if err != nil || !bytes.Equal(again, got) {
				t.Errorf("Source is not idempotent on %q: %q, %v", got, again, err)
			}
		})
	}
}

func TestSourceErrors(t *testing.T) {
	if _, err := Source("a.yaml", []byte("kind: place\nid: [a\n")); err == nil {
		t.Error("Source of a YAML syntax error: no error")
	}
	if _, err := Source("a.json", []byte(`{"kind": "place"}`)); err == nil {
		t.Error("Source of a JSON file: no error")
	}
	// The safety net: two records that differ only in a name are told
	// apart; two that differ only in position are not.
	a := []byte("kind: place\nid: a\nname: A\n")
	if err := sameRecords("a.yaml", a, []byte("kind: place\nid: a\nname: B\n")); !errors.Is(err, ErrNotLossless) {
		t.Errorf("sameRecords of different names = %v, want ErrNotLossless", err)
	}
	if err := sameRecords("a.yaml", a, []byte("\n\nkind: place\nname: A\nid: a\n")); err != nil {
		t.Errorf("sameRecords of moved lines = %v", err)
	}
}

// TestExamplesAndSynthRoundTrip formats every YAML file of the examples
// and of a synthetic record set, then proves that formatting is
// idempotent and that the whole record set decodes to the same dataset,
// compared as a whole (so cross-file references resolve the same) by a
// deep comparison that ignores only positions.
func TestExamplesAndSynthRoundTrip(t *testing.T) {
	var synthYAML bytes.Buffer
	if err := synth.Generate(&synthYAML, 0, 2000, synth.Options{Records: 2000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	sets := map[string]fstest.MapFS{"examples": {}, "synth": {"synth.yaml": {Data: synthYAML.Bytes()}}}
	err := fs.WalkDir(examples.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(examples.FS(), p)
		sets["examples"][p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, set := range sets {
		t.Run(name, func(t *testing.T) {
			formatted := fstest.MapFS{}
			changed := 0
			for p, f := range set {
				if path.Ext(p) == ".json" {
					formatted[p] = f
					continue
				}
				out, err := Source(p, f.Data)
				if err != nil {
					t.Fatalf("Source(%s): %v", p, err)
				}
				again, err := Source(p, out)
				if err != nil || !bytes.Equal(again, out) {
					t.Errorf("Source(%s) is not idempotent:\n%s\nthen\n%s", p, out, again)
				}
				if !bytes.Equal(out, f.Data) {
					changed++
				}
				formatted[p] = &fstest.MapFile{Data: out}
			}
			if name == "synth" && changed == 0 {
				t.Error("no synthetic file changed: the test proves nothing") // synth quotes every string
			}
			before, pb := recordfile.LoadFS(set, recordfile.Options{})
			after, pa := recordfile.LoadFS(formatted, recordfile.Options{})
			if len(pb) != len(pa) {
				t.Fatalf("problems before %v, after %v", pb, pa)
			}
			if before.Len() == 0 || before.Len() != after.Len() {
				t.Fatalf("%d records before, %d after", before.Len(), after.Len())
			}
			if !equalValues(reflect.ValueOf(before.Info), reflect.ValueOf(after.Info), map[[2]unsafe.Pointer]bool{}) {
				t.Errorf("the dataset description differs:\n%+v\n%+v", before.Info, after.Info)
			}
			for i := range before.Records {
				if !equalValues(reflect.ValueOf(before.Records[i]), reflect.ValueOf(after.Records[i]), map[[2]unsafe.Pointer]bool{}) {
					t.Errorf("record %d (%s) differs:\n%+v\n%+v", i, before.Records[i].Base().ID, before.Records[i], after.Records[i])
				}
			}
		})
	}
}

// TestEqualValuesSeesEveryField: the comparison is not vacuous; a record
// changed in any field, even deep in a nested value, differs.
func TestEqualValuesSeesEveryField(t *testing.T) {
	load := func(src string) model.Record {
		ds, _ := recordfile.Decode(strings.NewReader(src), "r.yaml", recordfile.Options{})
		return ds.Records[0]
	}
	base := "kind: project\nid: p\nname: P\nfunding: [{funder: eu, amount: {value: 10, unit: EUR}}]\n"
	for _, changed := range []string{
		strings.Replace(base, "value: 10", "value: 11", 1),
		strings.Replace(base, "funder: eu", "funder: ec", 1),
		strings.Replace(base, "name: P", "name: Q", 1),
	} {
		if equalValues(reflect.ValueOf(load(base)), reflect.ValueOf(load(changed)), map[[2]unsafe.Pointer]bool{}) {
			t.Errorf("equalValues does not tell apart\n%s\nand\n%s", base, changed)
		}
	}
	moved := "\n" + base
	if !equalValues(reflect.ValueOf(load(base)), reflect.ValueOf(load(moved)), map[[2]unsafe.Pointer]bool{}) {
		t.Error("equalValues tells apart records that differ only in position")
	}
}
