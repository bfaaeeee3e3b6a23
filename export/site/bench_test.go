package site_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/site"
)

// BenchmarkSite writes the site of n synthetic records: four files per
// document (page, Turtle, N-Triples, JSON-LD) and the overview pages.
// The target is 1e5 records in under 20 s on 2 cores; run
// -bench 'Site/1e4' on a shared machine.
func BenchmarkSite(b *testing.B) {
	for _, n := range []int{1e4, 1e5} {
		b.Run(fmt.Sprintf("1e%d", len(fmt.Sprint(n))-1), func(b *testing.B) {
			ds := exporttest.Synthetic(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				dir, err := os.MkdirTemp("", "civicnet-bench-site-")
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := site.Write(context.Background(), dir, ds, site.Options{}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				os.RemoveAll(dir)
				b.StartTimer()
			}
		})
	}
}
