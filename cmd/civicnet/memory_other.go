//go:build !linux

package main

// availableMemory returns 0 (unknown) where the machine's memory is not
// read; no memory limit is then set.
func availableMemory() uint64 { return 0 }
