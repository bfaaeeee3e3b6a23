package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles starts the profiles developers ask for through the
// environment, so that a slow run can be profiled as the very process a
// user runs:
//
//	CIVICNET_CPUPROFILE=cpu.prof civicnet export ...
//	CIVICNET_MEMPROFILE=mem.prof civicnet export ...
//
// The returned function stops them; it writes the heap profile, which
// shows what is live at the end of the run.
func startProfiles() (stop func()) {
	var cpu *os.File
	if path := os.Getenv("CIVICNET_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "civicnet: CIVICNET_CPUPROFILE: %v\n", err)
		} else {
			cpu = f
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if path := os.Getenv("CIVICNET_MEMPROFILE"); path != "" {
			f, err := os.Create(path)
			if err == nil {
				runtime.GC()
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "civicnet: CIVICNET_MEMPROFILE: %v\n", err)
			}
		}
	}
}
