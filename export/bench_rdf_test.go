package export_test

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"

	knakk "github.com/knakk/rdf"

	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/jsonld"
	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/turtle"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

// benchSizes are the record counts the RDF benchmarks run at, up to the
// million records of SPEC 7's targets; a size's record set is generated
// only when a -bench pattern selects it.
var benchSizes = []int{1e4, 1e5, 1e6}

var (
	benchMu       sync.Mutex
	benchDatasets = map[int]*model.Dataset{}
)

// benchDataset returns a synthetic record set of n records from the
// examples/synth generator (organisations, regions, people, projects,
// events, places, memberships and participations with multilingual
// names and partial dates), decoded once per size. The records are
// split into files of 100,000, as the loader bounds the size of a file.
func benchDataset(b testing.TB, n int) *model.Dataset {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if ds, ok := benchDatasets[n]; ok {
		return ds
	}
	const perFile = 100_000
	fsys := fstest.MapFS{model.DatasetFile: {Data: []byte("base: https://data.example.org/synth/\nlanguage: en\n")}}
	for from := 0; from < n; from += perFile {
		var buf bytes.Buffer
		if err := synth.Generate(&buf, from, min(from+perFile, n), synth.Options{Records: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		fsys[fmt.Sprintf("records-%03d.yaml", from/perFile)] = &fstest.MapFile{Data: buf.Bytes()}
	}
	ds, problems := recordfile.LoadFS(fsys, recordfile.Options{})
	if len(problems) > 0 {
		b.Fatalf("synthetic records do not decode: %v", problems[0])
	}
	benchDatasets[n] = ds
	return ds
}

// writerFunc writes ds with one of the RDF writers.
type writerFunc func(w io.Writer, ds *model.Dataset) error

func benchWriter(b *testing.B, write writerFunc) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			ds := benchDataset(b, n)
			var size int64
			{
				var cw countWriter
				if err := write(&cw, ds); err != nil {
					b.Fatal(err)
				}
				size = cw.n
			}
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := write(io.Discard, ds); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func sizeName(n int) string {
	e := 0
	for m := n; m >= 10 && m%10 == 0; m /= 10 {
		e++
	}
	return "1e" + strconv.Itoa(e)
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

func BenchmarkNTriples(b *testing.B) {
	benchWriter(b, func(w io.Writer, ds *model.Dataset) error {
		nw := ntriples.NewWriter(w)
		if err := nw.Write(ds); err != nil {
			return err
		}
		return nw.Close()
	})
}

func BenchmarkTurtle(b *testing.B) {
	benchWriter(b, func(w io.Writer, ds *model.Dataset) error {
		tw := turtle.NewWriter(w)
		if err := tw.Write(ds); err != nil {
			return err
		}
		return tw.Close()
	})
}

func BenchmarkJSONLD(b *testing.B) {
	benchWriter(b, func(w io.Writer, ds *model.Dataset) error {
		jw := jsonld.NewWriter(w)
		if err := jw.Write(ds); err != nil {
			return err
		}
		return jw.Close()
	})
}

// BenchmarkMapper measures the mapping alone, the part every RDF writer
// shares; bytes are those of the N-Triples it feeds.
func BenchmarkMapper(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			ds := benchDataset(b, n)
			var cw countWriter
			nw := ntriples.NewWriter(&cw)
			if err := nw.Write(ds); err != nil {
				b.Fatal(err)
			}
			if err := nw.Close(); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(cw.n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				m, err := rdf.NewMapper(ds)
				if err != nil {
					b.Fatal(err)
				}
				triples := 0
				err = exporttest.EachSubject(m, func(_ knakk.Subject, ts []knakk.Triple) error {
					triples += len(ts)
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewMapper measures building the indexes a mapping needs:
// the subject order and the reverse links.
func BenchmarkNewMapper(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			ds := benchDataset(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := rdf.NewMapper(ds); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
