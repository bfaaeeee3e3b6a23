package diff_test

import (
	"bytes"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/export/diff"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

// benchSizes are the record counts of the benchmarks. 10^6 records run
// only when the -bench pattern names 1e6: two such record sets take a
// few GiB, too much to build by accident on a shared machine.
var benchSizes = []int{1e4, 1e5, 1e6}

var (
	benchMu   sync.Mutex
	benchSets = map[int][2]*model.Dataset{}
)

// benchPair returns two synthetic record sets of n records that differ
// in 1% of them: of every 300 records, one is gone, one has a new
// description and one has a new id (a rename, or a record removed and
// another added when others link to it).
func benchPair(b *testing.B, n int) (old, new *model.Dataset) {
	b.Helper()
	if n >= 1e6 && !strings.Contains(flag.Lookup("test.bench").Value.String(), "1e6") {
		b.Skipf("10^6 records run only when named: -bench '%s/1e6'", strings.Split(b.Name(), "/")[0])
	}
	benchMu.Lock()
	defer benchMu.Unlock()
	if p, ok := benchSets[n]; ok {
		return p[0], p[1]
	}
	const perFile = 100_000
	info := []byte("base: https://data.example.org/synth/\nlanguage: en\n")
	oldFS, newFS := fstest.MapFS{model.DatasetFile: {Data: info}}, fstest.MapFS{model.DatasetFile: {Data: info}}
	for from := 0; from < n; from += perFile {
		var buf bytes.Buffer
		if err := synth.Generate(&buf, from, min(from+perFile, n), synth.Options{Records: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("records-%03d.yaml", from/perFile)
		oldFS[name] = &fstest.MapFile{Data: buf.Bytes()}
		newFS[name] = &fstest.MapFile{Data: editOnePercent(buf.String(), from)}
	}
	var p [2]*model.Dataset
	for i, fsys := range []fstest.MapFS{oldFS, newFS} {
		ds, problems := recordfile.LoadFS(fsys, recordfile.Options{})
		if len(problems) > 0 {
			b.Fatalf("synthetic records do not decode: %v", problems[0])
		}
		p[i] = ds
	}
	benchSets[n] = p
	return p[0], p[1]
}

// editOnePercent edits the YAML documents of synth.Generate, the first
// being record number from. One record in each block of 100 is edited,
// at a position that moves from block to block, so that every kind is.
func editOnePercent(s string, from int) []byte {
	docs := strings.SplitAfter(s, "---\n")
	var out strings.Builder
	for j, doc := range docs {
		i := from + j - 1 // docs[0] is the empty text before the first ---
		if j == 0 || i%100 != (i/100)%100 {
			out.WriteString(doc)
			continue
		}
		switch (i / 100) % 3 {
		case 0:
			// removed: the separator stays, so the next document is whole
			if k := strings.LastIndex(doc, "---\n"); k >= 0 {
				out.WriteString(doc[k:])
			}
		case 1:
			out.WriteString("description: changed in the new set\n" + doc)
		default:
			id := idAt(doc)
			out.WriteString(strings.Replace(doc, "id: "+strconv.Quote(id), "id: "+strconv.Quote(id+"-v2"), 1))
		}
	}
	return []byte(out.String())
}

func idAt(doc string) string {
	_, rest, _ := strings.Cut(doc, "id: \"")
	id, _, _ := strings.Cut(rest, "\"")
	return id
}

// BenchmarkCompare diffs two record sets that differ in 1% of their
// records.
func BenchmarkCompare(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			old, new := benchPair(b, n)
			opts := diff.Options{Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
			r := diff.Compare(old, new, opts)
			if r.Total().Total() < n/200 {
				b.Fatalf("Compare found %d changes in %d records, want about 1%%", r.Total().Total(), n)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				diff.Compare(old, new, opts)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(old.Len()), "ns/record")
		})
	}
}

// BenchmarkTriples writes the N-Triples of both record sets and compares
// them, as --format sparql and rdf-patch do.
func BenchmarkTriples(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			old, new := benchPair(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := diff.Triples(old, new); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(old.Len()), "ns/record")
		})
	}
}

func sizeName(n int) string {
	return "1e" + strconv.Itoa(len(strconv.Itoa(n))-1)
}
