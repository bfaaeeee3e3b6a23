package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's GOGC while records are loaded and
// validated, when the user sets none.
//
// A record set stays in memory from loading to the last file written:
// loading allocates little that is not kept, so the heap is mostly live
// and its peak is about the same whatever GOGC is, while the number of
// collections, each of which marks the whole record set, falls as GOGC
// rises. Validating 10^6 records takes 7.3-8.2 s at 200 against
// 9.0-9.6 s at 50, with the same peak of 2.2 GB (docs/benchmarks.md).
const gcPercent = 200

// dumpGCPercent is GOGC while a dump is written, when the user sets none:
// the mapping and the writers' buffers are new garbage-free allocations
// on top of the records, and at 50 the export of 10^6 peaks about
// 0.12 GB lower than at 200 for the same time.
const dumpGCPercent = 50

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
func setSiteGC() { setWriteGC(siteGCPercent) }

// setDumpGC applies dumpGCPercent, once the records are loaded, unless
// GOGC is set.
func setDumpGC() { setWriteGC(dumpGCPercent) }

func setWriteGC(percent int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
}
