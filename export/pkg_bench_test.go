package export_test

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/model"
)

// Benchmarks of the packaging formats on synthetic record sets.

var (
	pkgBenchMu   sync.Mutex
	pkgBenchSets = map[int]*model.Dataset{}
)

func pkgBenchDataset(b *testing.B, n int) *model.Dataset {
	b.Helper()
	pkgBenchMu.Lock()
	defer pkgBenchMu.Unlock()
	if ds, ok := pkgBenchSets[n]; ok {
		return ds
	}
	var buf bytes.Buffer
	if err := synth.Generate(&buf, 0, n, synth.Options{Records: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	ds, problems := model.Decode(&buf, "synth.yaml", model.Options{Base: "https://data.example.org/synth/"})
	if len(problems) > 0 {
		b.Fatalf("synthetic records do not decode: %v", problems[0])
	}
	ds.Info.Language = "en"
	pkgBenchSets[n] = ds
	return ds
}

// byteCounter counts what is written to it.
type byteCounter int64

func (c *byteCounter) Write(p []byte) (int, error) { *c += byteCounter(len(p)); return len(p), nil }

func benchPackaging(b *testing.B, write func(w io.Writer, ds *model.Dataset) error) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("1e%d", len(fmt.Sprint(n))-1), func(b *testing.B) {
			ds := pkgBenchDataset(b, n)
			var size byteCounter
			if err := write(&size, ds); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(size))
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

func BenchmarkCSVTables(b *testing.B) {
	benchPackaging(b, func(w io.Writer, ds *model.Dataset) error {
		for _, table := range export.CSVTables() {
			cw := export.NewCSVWriter(w, table)
			if err := cw.Write(ds); err != nil {
				return err
			}
			if err := cw.Flush(); err != nil {
				return err
			}
		}
		return nil
	})
}

func BenchmarkCSVMetadata(b *testing.B) {
	benchPackaging(b, export.WriteCSVMetadata)
}

// BenchmarkCatalog is dominated by the VoID counts, one pass of the RDF
// mapping.
func BenchmarkCatalog(b *testing.B) {
	benchPackaging(b, func(w io.Writer, ds *model.Dataset) error {
		return export.WriteCatalog(w, ds, nil)
	})
}
