package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// availableMemory returns the bytes of memory this process may use: the
// machine's memory, or the limit of its control group (v2 or v1) when
// that is lower; 0 when unknown.
func availableMemory() uint64 {
	var info syscall.Sysinfo_t
	if syscall.Sysinfo(&info) != nil {
		return 0
	}
	total := uint64(info.Totalram) * uint64(info.Unit)
	for _, path := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if limit := readLimit(path); limit > 0 && limit < total {
			total = limit
		}
	}
	return total
}

// readLimit reads a control group's memory limit: a number of bytes, or
// "max" (no limit, 0 here).
func readLimit(path string) uint64 {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n, err := strconv.ParseUint(strings.TrimSpace(string(data)), 10, 64)
	if err != nil {
		return 0
	}
	return n
}
