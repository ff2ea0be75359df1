package badgerstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/statestore"
)

// FuzzReadManifest checks the manifest reader: no content may make it
// panic, a manifest it reads compares equal to itself, and one it refuses
// is refused as corrupt, naming the file. Crashers are kept in
// testdata/fuzz/FuzzReadManifest.
func FuzzReadManifest(f *testing.F) {
	f.Add([]byte(`{"model_hash": "abc123", "flags": {"search": "bfs", "config.nodes": "['n1@h']"}, "format_version": 3}`))
	f.Add([]byte(`{"model_hash": "", "flags": null, "format_version": 2}`))
	f.Add([]byte(`{"model_hash": "x", "flags": {}, "format_version": 3, "extra": 1}`))
	f.Add([]byte(`{"model_hash": 3`))
	f.Add([]byte{})
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, ManifestFile), data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := ReadManifest(dir)
		if err != nil {
			if !errors.Is(err, statestore.ErrCorrupt) {
				t.Errorf("refused, but not as corrupt: %v", err)
			}
			return
		}
		if err := m.compare(m); err != nil {
			t.Errorf("a manifest differs from itself: %v", err)
		}
	})
}

// FuzzQueueBlock checks the queue's block reader on a block of the
// fuzzer's making, read from a committed position of its choosing, with
// the checksum either computed (to reach the record decoder) or as given:
// no block may make it panic or return a record the block does not hold,
// and a block it refuses is refused as corrupt. Crashers are kept in
// testdata/fuzz/FuzzQueueBlock.
func FuzzQueueBlock(f *testing.F) {
	var good []byte
	for _, rec := range [][]byte{[]byte("first"), {}, make([]byte, 300)} {
		good = binary.AppendUvarint(good, uint64(len(rec)))
		good = append(good, rec...)
	}
	f.Add(good, 0, int64(3), true)
	f.Add(good, 6, int64(2), true)
	f.Add(good, len(good), int64(0), true)
	f.Add(good, 0, int64(3), false)
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, 0, int64(1), true)
	f.Add([]byte{}, 0, int64(0), true)
	f.Fuzz(func(t *testing.T, block []byte, off int, n int64, sum bool) {
		data := block
		if sum {
			data = binary.BigEndian.AppendUint32(append([]byte(nil), block...), crc32.Checksum(block, castagnoli))
		}
		q := &queue{s: &Store{inMemory: true}, mem: map[uint64][]byte{0: data}}
		q.st = queueState{Head: 0, Tail: 1, Off: off, Len: n}
		if q.st.invalid() {
			return // Open refuses such a committed position
		}
		err := q.reload()
		var rec []byte
		for i := 0; err == nil && i < 1<<16; i++ {
			var ok bool
			rec, ok, err = q.Pop(rec[:0])
			if !ok {
				break
			}
			if len(rec) > len(data) {
				t.Fatalf("record of %d bytes from a block of %d", len(rec), len(data))
			}
		}
		if err != nil && !errors.Is(err, statestore.ErrCorrupt) {
			t.Errorf("refused, but not as corrupt: %v", err)
		}
	})
}

// TestOpenRefusedLeavesNothing: a new store refused at open for want of
// space says how much it needs and leaves nothing behind, so that the
// next run (with space) opens the same directory.
func TestOpenRefusedLeavesNothing(t *testing.T) {
	defer func(f func(string) (uint64, bool)) { freeSpace = f }(freeSpace)
	freeSpace = func(string) (uint64, bool) { return 100 << 20, true }
	parent := t.TempDir()
	for _, dir := range []string{filepath.Join(parent, "new", "store"), parent} {
		_, err := Open(dir, Options{Manifest: Manifest{ModelHash: "h"}})
		want := fmt.Sprintf("100 MiB free, it needs at least %d MiB free", spaceReserve>>20)
		if err == nil || !errors.Is(err, statestore.ErrDiskFull) || !strings.Contains(err.Error(), want) {
			t.Fatalf("Open with 100 MiB free: %v, want an error saying %q", err, want)
		}
		if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
			t.Errorf("the refused open left %d entries in %s", len(entries), dir)
		}
	}
	if _, err := os.Stat(filepath.Join(parent, "new")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the refused open left the directory it made: %v", err)
	}
	freeSpace = func(string) (uint64, bool) { return 1 << 40, true }
	s, err := Open(parent, Options{Manifest: Manifest{ModelHash: "h"}})
	if err != nil {
		t.Fatalf("the next open, with space: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestResumeLostMeta: a store whose database lost its committed run (the
// meta) while the queue has blocks past the first is corrupt, not a run
// to start over; a run stopped before its first commit (at most block 0)
// starts over.
func TestResumeLostMeta(t *testing.T) {
	dir := t.TempDir()
	man := Manifest{ModelHash: "h"}
	s, err := Open(dir, Options{Manifest: man})
	if err != nil {
		t.Fatal(err)
	}
	rec := make([]byte, 1000)
	for range 3000 { // three blocks of 1 MiB
		if err := s.queue.Push(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit([]byte("checkpoint")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir, Options{Manifest: man, Resume: true})
	if err != nil {
		t.Fatalf("resume with the meta: %v", err)
	}
	if err := s.db.DropPrefix([]byte{keyMeta}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(dir, Options{Manifest: man, Resume: true})
	if !errors.Is(err, statestore.ErrCorrupt) || !strings.Contains(err.Error(), "holds no committed run") {
		t.Fatalf("resume without the meta: %v, want a corrupt store", err)
	}
	// Stopped before the first commit: block 0 at most.
	blocks, _ := filepath.Glob(filepath.Join(dir, queueDir, "*.blk"))
	for _, b := range blocks {
		if filepath.Base(b) != "0000000000000000.blk" {
			os.Remove(b)
		}
	}
	s, err = Open(dir, Options{Manifest: man, Resume: true})
	if err != nil {
		t.Fatalf("resume of a run stopped before its first commit: %v", err)
	}
	s.Close()
}

// TestOpenAfterKillInManifest: a run killed while it wrote its manifest
// leaves manifest.json.tmp alone; the next run opens the directory.
func TestOpenAfterKillInManifest(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ManifestFile+".tmp"), []byte(`{"model_ha`), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir, Options{Manifest: Manifest{ModelHash: "h"}})
	if err != nil {
		t.Fatalf("open after a kill while writing the manifest: %v", err)
	}
	s.Close()
}
