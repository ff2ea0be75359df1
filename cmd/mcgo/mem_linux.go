package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// The address space Go's runtime reserves without using grows with the
// heap: a search of 1.4 GiB of heap died of "out of memory" under a 3 GiB
// address-space limit (ulimit -v), with 1.7 GiB reserved besides, while
// 1.25 GiB of heap fitted. So the default limit under an rlimit is half of
// what remains after addressSpaceFixed (thread stacks, the binary, a disk
// store's memory maps): 1 GiB of heap under 3 GiB.
const addressSpaceFixed = 1 << 30

// memLimit is one bound on how much memory mcgo may use, and where it
// comes from.
type memLimit struct {
	bytes  uint64
	source string
}

// defaultMaxMemory is the smallest of three quarters of the machine's RAM,
// the memory limit of mcgo's cgroup (v2 memory.max, v1
// memory.limit_in_bytes, in mcgo's cgroup and those above it) and the
// address-space rlimit (ulimit -v) less the address space Go reserves. It
// returns 0 when none is known, and says which one applied.
func defaultMaxMemory() (uint64, string) {
	var lims []memLimit
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err == nil && si.Totalram > 0 {
		lims = append(lims, memLimit{uint64(si.Totalram) * uint64(si.Unit) / 4 * 3, "3/4 of the RAM"})
	}
	if b, src, ok := cgroupMemoryLimit(); ok {
		lims = append(lims, memLimit{b, src})
	}
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err == nil && rl.Cur != ^uint64(0) && rl.Cur < 1<<62 {
		b := rl.Cur / 4
		if rl.Cur > 2*addressSpaceFixed {
			b = (rl.Cur - addressSpaceFixed) / 2
		}
		lims = append(lims, memLimit{b, "from the address-space limit, ulimit -v, less what Go reserves"})
	}
	var best memLimit
	for _, l := range lims {
		if best.bytes == 0 || l.bytes < best.bytes {
			best = l
		}
	}
	return best.bytes, best.source
}

// cgroupMemoryLimit reads the memory limit of the cgroup mcgo runs in: the
// smallest limit of its cgroup and the cgroups above it, under cgroup v2
// (memory.max) or v1 (memory.limit_in_bytes).
func cgroupMemoryLimit() (uint64, string, bool) {
	f, err := os.Open("/proc/self/cgroup")
	if err != nil {
		return 0, "", false
	}
	defer f.Close()
	var v2, v1 string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// hierarchy-ID:controller-list:cgroup-path
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) != 3 {
			continue
		}
		switch {
		case parts[0] == "0" && parts[1] == "":
			v2 = parts[2]
		case hasController(parts[1], "memory"):
			v1 = parts[2]
		}
	}
	if v1 != "" {
		if b, file, ok := smallestLimit("/sys/fs/cgroup/memory", v1, "memory.limit_in_bytes"); ok {
			return b, "the cgroup memory limit (" + file + ")", true
		}
	}
	if v2 != "" {
		if b, file, ok := smallestLimit("/sys/fs/cgroup", v2, "memory.max"); ok {
			return b, "the cgroup memory limit (" + file + ")", true
		}
	}
	return 0, "", false
}

func hasController(list, name string) bool {
	for _, c := range strings.Split(list, ",") {
		if c == name {
			return true
		}
	}
	return false
}

// smallestLimit reads file in the cgroup directory of path under root and
// in each directory above it, and returns the smallest limit set. "max"
// (v2) and values of 2^62 and more (v1's unlimited) are no limit. In a
// container the cgroup path may not exist under root (the container's
// root is its own cgroup): then root's own file is read.
func smallestLimit(root, path, file string) (uint64, string, bool) {
	var best uint64
	var bestFile string
	dir := filepath.Join(root, filepath.FromSlash(path))
	for {
		name := filepath.Join(dir, file)
		if data, err := os.ReadFile(name); err == nil {
			s := strings.TrimSpace(string(data))
			if n, err := strconv.ParseUint(s, 10, 64); err == nil && n > 0 && n < 1<<62 && (best == 0 || n < best) {
				best, bestFile = n, name
			}
		}
		if dir == root || len(dir) <= len(root) {
			break
		}
		dir = filepath.Dir(dir)
	}
	return best, bestFile, best > 0
}
