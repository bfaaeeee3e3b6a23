package export_test

import (
	"io"
	"testing"

	"github.com/civicnet/civicnet/export/csvw"
	"github.com/civicnet/civicnet/export/dcat"
	"github.com/civicnet/civicnet/export/rdf"
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
		for _, table := range csvw.Tables() {
			cw := csvw.NewWriter(w, table)
			if err := cw.Write(ds); err != nil {
				return err
			}
			if err := cw.Close(); err != nil {
				return err
			}
		}
		return nil
	})
}

func BenchmarkCSVMetadata(b *testing.B) {
	benchPackaging(b, csvw.WriteMetadata)
}

// BenchmarkCatalog is dominated by the VoID counts, one pass of the RDF
// mapping that writes nothing (a dump gets them from the pass that
// writes the RDF).
func BenchmarkCatalog(b *testing.B) {
	benchPackaging(b, func(w io.Writer, ds *model.Dataset) error {
		m, err := rdf.NewMapper(ds)
		if err != nil {
			return err
		}
		stats, err := m.Render()
		if err != nil {
			return err
		}
		return dcat.WriteCatalog(w, ds, nil, stats)
	})
}
