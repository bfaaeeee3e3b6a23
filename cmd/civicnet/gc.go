package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's GOGC when the user sets none.
//
// A record set stays in memory from loading to the last file written, so
// most of the heap is live, and with Go's default of 100 the heap may
// grow to twice the live data before a collection. At 50 it grows to one
// and a half times: exporting 10^6 records peaks at about 2.0 GiB instead
// of 2.2 GiB, for the same wall time, since fewer fresh pages to fault in
// pay for the extra collections (docs/benchmarks.md).
const gcPercent = 50

// siteGCPercent is GOGC while a site is written, when the user sets none.
//
// Unlike a dump, whose writers reuse their buffers, a site renders
// hundreds of thousands of pages: the heap is then mostly garbage, and
// at 50 the collector runs four times as often as at 100 for the same
// result. The site of 10^5 records takes 15.2-15.5 s at 100 against
// 17.8-20.4 s at 50 (tmpfs), for 0.6-0.7 GB of memory instead of
// 0.45 GB (docs/benchmarks.md).
const siteGCPercent = 100

// memoryShare is the part of the machine's memory (or of the control
// group's limit, when lower) that the heap may grow to before the
// collector runs whatever GOGC says, when the user sets no GOMEMLIMIT.
//
// GOGC alone lets the heap reach 1.5 times the live data: past about
// 10^7 records that is more than a 24 GiB machine has, and the process
// would be killed with most of the excess garbage. Under the limit the
// collector runs more often instead, and the run ends.
const memoryShare = 0.8

// setGC applies gcPercent unless GOGC is set, and a memory limit of
// memoryShare of the memory available unless GOMEMLIMIT is set.
func setGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		if total := availableMemory(); total > 0 {
			debug.SetMemoryLimit(int64(float64(total) * memoryShare))
		}
	}
}

// setSiteGC applies siteGCPercent, once the records are loaded, unless
// GOGC is set.
func setSiteGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(siteGCPercent)
	}
}
