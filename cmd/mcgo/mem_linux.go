package main

import "syscall"

// defaultMaxMemory is three quarters of the machine's RAM.
func defaultMaxMemory() uint64 {
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil || si.Totalram == 0 {
		return 0
	}
	return uint64(si.Totalram) * uint64(si.Unit) / 4 * 3
}
