package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSmallestLimit reads a cgroup tree: the smallest limit of a cgroup
// and those above it applies; "max" and v1's huge values are no limit.
func TestSmallestLimit(t *testing.T) {
	root := t.TempDir()
	write := func(dir, value string) {
		d := filepath.Join(root, dir)
		os.MkdirAll(d, 0o755)
		if err := os.WriteFile(filepath.Join(d, "memory.max"), []byte(value+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".", "max")
	write("a", "4294967296")
	write("a/b", "max")
	write("a/b/c", "9223372036854771712")
	n, file, ok := smallestLimit(root, "/a/b/c", "memory.max")
	if !ok || n != 4<<30 || file != filepath.Join(root, "a", "memory.max") {
		t.Errorf("got %d from %s (%v), want 4 GiB from a/memory.max", n, file, ok)
	}
	write("a/b/c", "1073741824")
	if n, _, _ := smallestLimit(root, "/a/b/c", "memory.max"); n != 1<<30 {
		t.Errorf("got %d, want the innermost 1 GiB", n)
	}
	if _, _, ok := smallestLimit(root, "/x", "memory.max"); ok {
		t.Errorf("a tree without limits has one")
	}
}

// TestDefaultMaxMemoryRlimit: under an address-space limit, the default
// memory limit is half of what remains after 1 GiB, and says so.
func TestDefaultMaxMemoryRlimit(t *testing.T) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &old); err != nil {
		t.Skip(err)
	}
	const as = 3 << 30 // ulimit -v 3145728, but only if it lowers the limit
	if old.Cur != ^uint64(0) && old.Cur < as {
		t.Skipf("the address-space limit is already %d", old.Cur)
	}
	// Lowering the soft limit of this process to 3 GiB would make the
	// test binary's own allocations fail; a large one tells the same.
	lim := syscall.Rlimit{Cur: 1 << 40, Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &lim); err != nil {
		t.Skip(err)
	}
	defer syscall.Setrlimit(syscall.RLIMIT_AS, &old)
	want := uint64(1<<40-1<<30) / 2
	n, src := defaultMaxMemory()
	var si syscall.Sysinfo_t
	syscall.Sysinfo(&si)
	if ram := uint64(si.Totalram) * uint64(si.Unit) / 4 * 3; ram < want {
		// 3/4 of the RAM is smaller: that one applies.
		if n > ram || !strings.Contains(src, "RAM") && !strings.Contains(src, "cgroup") {
			t.Errorf("got %d (%s), want at most 3/4 of the RAM, %d", n, src, ram)
		}
		// Now a limit below the RAM.
		lim.Cur = ram / 2
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &lim); err != nil {
			t.Skip(err)
		}
		want = (lim.Cur - 1<<30) / 2
		n, src = defaultMaxMemory()
	}
	if cg, _, ok := cgroupMemoryLimit(); ok && cg < want {
		t.Skipf("the cgroup limit, %d, is smaller", cg)
	}
	if n != want || !strings.Contains(src, "ulimit -v") {
		t.Errorf("got %d (%s), want %d from the address-space limit", n, src, want)
	}
}
