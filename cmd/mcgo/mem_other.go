//go:build !linux

package main

// defaultMaxMemory is unknown off Linux: no limit unless --max-memory.
func defaultMaxMemory() (uint64, string) { return 0, "" }
