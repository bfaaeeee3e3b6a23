package civicnet_test

import (
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/model/recordfile"
)

// The decoding benchmarks of SPEC 7. The other stages have theirs in
// their packages: BenchmarkValidate in validate; BenchmarkMapper,
// BenchmarkNTriples, BenchmarkTurtle, BenchmarkJSONLD and
// BenchmarkCSVTables in export. bench/run times the same work as whole
// processes; docs/benchmarks.md has the results.

// BenchmarkDecodeYAML loads synthetic record sets written as YAML files
// of 10,000 records, as "civicnet validate" reads them, from memory so
// that the disk is not measured. Bytes are those of the files.
func BenchmarkDecodeYAML(b *testing.B) { benchDecode(b, false) }

// BenchmarkDecodeJSON is BenchmarkDecodeYAML with the same records
// written as JSON.
func BenchmarkDecodeJSON(b *testing.B) { benchDecode(b, true) }

func benchDecode(b *testing.B, json bool) {
	for _, n := range []int{1e4, 1e5, 1e6} {
		b.Run(sizeName(n), func(b *testing.B) {
			in := synthFiles(b, n, json)
			b.SetBytes(in.size)
			b.ReportAllocs()
			b.ResetTimer()
			records := 0
			for b.Loop() {
				ds, problems := recordfile.LoadFS(in.fsys, recordfile.Options{})
				if len(problems) > 0 {
					b.Fatalf("LoadFS(synthetic %s) = %v (%d problems), want none", sizeName(n), problems[0], len(problems))
				}
				records = ds.Len()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(records), "ns/record")
		})
	}
}

// synthInput is a synthetic record set held in memory, laid out as
// synth.Write lays it out on disk.
type synthInput struct {
	fsys fstest.MapFS
	size int64 // bytes of the record files and civicnet.yaml
}

var (
	synthMu     sync.Mutex
	synthInputs = map[string]*synthInput{}
)

// synthFiles generates the record set of n records once per size and
// format, so that only the sizes a -bench pattern selects are ever
// generated.
func synthFiles(b *testing.B, n int, json bool) *synthInput {
	b.Helper()
	key := fmt.Sprint(n, json)
	synthMu.Lock()
	defer synthMu.Unlock()
	if in, ok := synthInputs[key]; ok {
		return in
	}
	dir, err := os.MkdirTemp("", "civicnet-bench-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := synth.Write(dir, synth.Options{Records: n, Seed: 1, JSON: json}); err != nil {
		b.Fatal(err)
	}
	in := &synthInput{fsys: fstest.MapFS{}}
	err = fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(dir + "/" + p)
		if err != nil {
			return err
		}
		in.fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		in.size += int64(len(data))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	synthInputs[key] = in
	return in
}

// sizeName names a power of ten as the sub-benchmarks do: 1e5.
func sizeName(n int) string {
	e := 0
	for ; n >= 10 && n%10 == 0; n /= 10 {
		e++
	}
	return "1e" + strconv.Itoa(e)
}
