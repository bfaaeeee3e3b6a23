// Command synth writes a synthetic record set for benchmarks and scale
// tests.
//
//	go run ./examples/synth/cmd/synth -n 1000000 -o /tmp/synth-1e6
//	go run ./examples/synth/cmd/synth -n 100000 -json -o /tmp/synth-json
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/civicnet/civicnet/examples/synth"
)

func main() {
	var opts synth.Options
	out := flag.String("o", "synth", "output directory")
	flag.IntVar(&opts.Records, "n", 10000, "number of records")
	flag.Uint64Var(&opts.Seed, "seed", 1, "random seed; the same seed writes the same bytes")
	flag.BoolVar(&opts.JSON, "json", false, "write JSON instead of YAML")
	flag.IntVar(&opts.PerFile, "per-file", 10000, "records per file")
	flag.Parse()
	if err := synth.Write(*out, opts); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
