package badgerstore_test

import (
	"context"
	"os"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/statestore/badgerstore"
)

// TestDiskFull runs a BFS into a small file system and expects Incomplete
// "disk", not a crash (badger's memory-mapped files would SIGBUS if the
// store let the disk fill up). It needs such a file system, so it runs only
// when MCGO_FULL_DIR names a directory on one, for example (as root):
//
//	mkdir -p /tmp/full && mount -t tmpfs -o size=400m tmpfs /tmp/full
//	MCGO_FULL_DIR=/tmp/full/store go test -run TestDiskFull ./statestore/badgerstore/
func TestDiskFull(t *testing.T) {
	dir := os.Getenv("MCGO_FULL_DIR")
	if dir == "" {
		t.Skip("MCGO_FULL_DIR not set")
	}
	s, err := badgerstore.Open(dir, badgerstore.Options{Manifest: testManifest, FrontStates: 200000})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	res, err := explore.Run[cstate, int](context.Background(), counters{N: 8, K: 9}, s, nil,
		explore.Options{Workers: 2, Queue: s.Queue(), Parents: s.Parents()}, nil)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if res.Verdict != explore.Incomplete || res.Incomplete != "disk" || res.Stats.States == 0 {
		t.Fatalf("%v %q after %d states, want incomplete \"disk\"", res.Verdict, res.Incomplete, res.Stats.States)
	}
	t.Logf("stopped after %d states", res.Stats.States)
	if err := s.Close(); err != nil {
		t.Logf("Close: %v", err)
	}
}
