package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"testing"
)

func TestReadLimit(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		content string
		want    uint64
	}{
		{"max\n", 0},                            // cgroup v2: no limit
		{"4294967296\n", 4 << 30},               // 4 GiB
		{"9223372036854771712\n", 1<<63 - 4096}, // cgroup v1: no limit, as a huge number
		{"", 0},
	} {
		path := filepath.Join(dir, "limit")
		if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := readLimit(path); got != c.want {
			t.Errorf("readLimit(%q) = %d, want %d", c.content, got, c.want)
		}
	}
	if got := readLimit(filepath.Join(dir, "missing")); got != 0 {
		t.Errorf("readLimit of a missing file = %d, want 0", got)
	}
}

func TestAvailableMemoryIsAtMostTheMachines(t *testing.T) {
	var info syscall.Sysinfo_t
	if err := syscall.Sysinfo(&info); err != nil {
		t.Skip("sysinfo:", err)
	}
	machine := uint64(info.Totalram) * uint64(info.Unit)
	got := availableMemory()
	if got == 0 || got > machine {
		t.Fatalf("availableMemory() = %d, want between 1 and the machine's %d", got, machine)
	}
}

func TestSetGCSetsAMemoryLimitUnlessGOMEMLIMITIs(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(1 << 62)

	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	setGC()
	want := int64(float64(availableMemory()) * memoryShare)
	if got := debug.SetMemoryLimit(-1); got != want {
		t.Errorf("memory limit %d, want %d (%.0f%% of %d)", got, want, memoryShare*100, availableMemory())
	}
	if got := debug.SetGCPercent(-1); got != gcPercent {
		t.Errorf("GOGC %d, want %d", got, gcPercent)
	}

	debug.SetMemoryLimit(1 << 62)
	debug.SetGCPercent(100)
	t.Setenv("GOMEMLIMIT", "1GiB")
	t.Setenv("GOGC", "80")
	setGC()
	if got := debug.SetMemoryLimit(-1); got != 1<<62 {
		t.Errorf("with GOMEMLIMIT set, setGC changed the limit to %d", got)
	}
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("with GOGC set, setGC changed it to %d", got)
	}
}

func TestSetWriteGCUnlessGOGCIsSet(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	for _, tc := range []struct {
		name string
		set  func()
		want int
	}{
		{"site", setSiteGC, siteGCPercent},
		{"dump", setDumpGC, dumpGCPercent},
	} {
		t.Setenv("GOGC", "")
		tc.set()
		if got := debug.SetGCPercent(gcPercent); got != tc.want || got == gcPercent {
			t.Errorf("GOGC while writing a %s %d, want %d (not the loading's %d)", tc.name, got, tc.want, gcPercent)
		}
		t.Setenv("GOGC", "30")
		tc.set()
		if got := debug.SetGCPercent(gcPercent); got != gcPercent {
			t.Errorf("with GOGC set, writing a %s changed it to %d", tc.name, got)
		}
	}
}
