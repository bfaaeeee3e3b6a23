package export_test

import (
	"io"
	"testing"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/model"
)

// Benchmarks of the packaging formats on the synthetic record sets of
// the RDF benchmarks.

func benchPackaging(b *testing.B, write func(w io.Writer, ds *model.Dataset) error) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			ds := benchDataset(b, n)
			var size countWriter
			if err := write(&size, ds); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size.n)
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
