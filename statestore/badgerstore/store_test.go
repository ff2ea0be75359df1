package badgerstore_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/statestore"
	"github.com/mcgo-dev/mcgo/statestore/badgerstore"
	"github.com/mcgo-dev/mcgo/statestore/settest"
)

var testManifest = badgerstore.Manifest{ModelHash: "abc123", Flags: map[string]string{"search": "bfs", "faults": "none"}}

func open(t testing.TB, dir string, o badgerstore.Options) *badgerstore.Store {
	t.Helper()
	if o.Manifest.ModelHash == "" {
		o.Manifest = testManifest
	}
	s, err := badgerstore.Open(dir, o)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	return s
}

func TestContractInMemory(t *testing.T) {
	settest.Run(t, func() statestore.Set { return open(t, t.TempDir(), badgerstore.Options{InMemory: true}) })
}

func TestContractOnDisk(t *testing.T) {
	settest.Run(t, func() statestore.Set { return open(t, t.TempDir(), badgerstore.Options{}) })
}

// TestContractSmallFront keeps the front set tiny, so most inserts are
// decided by lookups in badger.
func TestContractSmallFront(t *testing.T) {
	settest.Run(t, func() statestore.Set { return open(t, t.TempDir(), badgerstore.Options{FrontStates: 1000}) })
}

func TestOpenRules(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, badgerstore.Options{})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	m, err := badgerstore.ReadManifest(dir)
	if err != nil || m.ModelHash != "abc123" || m.FormatVersion != badgerstore.FormatVersion || m.Flags["search"] != "bfs" {
		t.Fatalf("manifest %+v, %v", m, err)
	}
	if _, err := badgerstore.Open(dir, badgerstore.Options{Manifest: testManifest}); err == nil || !strings.Contains(err.Error(), "resume") {
		t.Fatalf("reopen without resume: %v", err)
	}
	other := testManifest
	other.ModelHash = "def"
	if _, err := badgerstore.Open(dir, badgerstore.Options{Resume: true, Manifest: other}); !errors.Is(err, badgerstore.ErrMismatch) || !strings.Contains(err.Error(), `model hash "abc123", now "def"`) {
		t.Fatalf("resume with another model: %v", err)
	}
	flags := testManifest
	flags.Flags = map[string]string{"search": "dfs", "workers": "2"}
	_, err = badgerstore.Open(dir, badgerstore.Options{Resume: true, Manifest: flags})
	if !errors.Is(err, badgerstore.ErrMismatch) {
		t.Fatalf("resume with other flags: %v", err)
	}
	for _, want := range []string{`flag faults="none" is not set now`, `flag search="bfs", now "dfs"`, `flag workers="2" was not set`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("flags error %q lacks %q", err, want)
		}
	}
	s = open(t, dir, badgerstore.Options{Resume: true})
	s.Close()

	if _, err := badgerstore.Open(t.TempDir(), badgerstore.Options{Resume: true, Manifest: testManifest}); err == nil {
		t.Fatal("resume of an empty directory: no error")
	}
	junk := t.TempDir()
	os.WriteFile(filepath.Join(junk, "notes.txt"), []byte("hello"), 0o644)
	if _, err := badgerstore.Open(junk, badgerstore.Options{Manifest: testManifest}); err == nil {
		t.Fatal("open of a foreign directory: no error")
	}
}

func TestCorruptStore(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, badgerstore.Options{})
	s.Insert(1)
	s.Commit([]byte(`{}`))
	s.Close()
	// A corrupt manifest.
	os.WriteFile(filepath.Join(dir, badgerstore.ManifestFile), []byte("{not json"), 0o644)
	if _, err := badgerstore.Open(dir, badgerstore.Options{Resume: true, Manifest: testManifest}); err == nil || !strings.Contains(err.Error(), "corrupt") {
		t.Fatalf("corrupt manifest: %v", err)
	}
	// A manifest with a bad version.
	os.WriteFile(filepath.Join(dir, badgerstore.ManifestFile), []byte(`{"model_hash":"abc123","flags":{"search":"bfs","faults":"none"},"format_version":99}`), 0o644)
	if _, err := badgerstore.Open(dir, badgerstore.Options{Resume: true, Manifest: testManifest}); !errors.Is(err, badgerstore.ErrMismatch) {
		t.Fatalf("other format version: %v", err)
	}
	// Database files overwritten with garbage.
	dir2 := t.TempDir()
	s = open(t, dir2, badgerstore.Options{})
	for i := 0; i < 1000; i++ {
		s.Insert(statestore.Fingerprint(i))
	}
	s.Commit([]byte(`{}`))
	s.Close()
	files, _ := filepath.Glob(filepath.Join(dir2, "db", "*"))
	for _, f := range files {
		os.WriteFile(f, bytes.Repeat([]byte{0xff}, 100), 0o644)
	}
	if s, err := badgerstore.Open(dir2, badgerstore.Options{Resume: true, Manifest: testManifest}); err == nil {
		s.Close()
		t.Fatal("garbage database: no error")
	}
}

// TestUncommittedIsStale inserts after the last commit and closes: the
// resumed store treats those inserts as never made.
func TestUncommittedIsStale(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, badgerstore.Options{})
	fps := settest.Fingerprints(11, 3000)
	for _, fp := range fps[:1000] {
		s.Insert(fp)
	}
	if err := s.Commit([]byte("c1")); err != nil {
		t.Fatal(err)
	}
	for _, fp := range fps[1000:2000] {
		s.Insert(fp)
	}
	s.Close()
	for round := 0; round < 2; round++ {
		s = open(t, dir, badgerstore.Options{Resume: true, FrontStates: 100 + int64(round)*100000})
		if got, _ := s.Resumed(); string(got) != "c1" || s.Len() != 1000 {
			t.Fatalf("round %d: resumed %q with %d states, want c1 with 1000", round, got, s.Len())
		}
		for i, fp := range fps[:2000] {
			f, err := s.Insert(fp)
			if err != nil {
				t.Fatal(err)
			}
			if f != (i >= 1000) {
				t.Fatalf("round %d: Insert #%d fresh=%v", round, i, f)
			}
		}
		s.Close() // again without commit: the next round sees the same
	}
}

func TestQueueAndParentsResume(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, badgerstore.Options{})
	q, p := s.Queue(), s.Parents()
	rec := func(i int) []byte { return []byte(strings.Repeat(fmt.Sprint(i), 1+i%500)) }
	for i := 0; i < 20000; i++ {
		if err := q.Push(rec(i)); err != nil {
			t.Fatal(err)
		}
	}
	var buf []byte
	for i := 0; i < 12345; i++ {
		var ok bool
		buf, ok, _ = q.Pop(buf[:0])
		if !ok || !bytes.Equal(buf, rec(i)) {
			t.Fatalf("pop %d", i)
		}
	}
	var links []statestore.Link
	for i := 0; i < 20000; i++ {
		links = append(links, statestore.Link{Parent: uint64(i / 3), Index: uint32(i % 5)})
	}
	p.Append(0, links[:1])
	p.Append(1, links[:20000])
	if err := s.Commit([]byte("x")); err != nil {
		t.Fatal(err)
	}
	// Work after the commit is lost on resume.
	for i := 0; i < 100; i++ {
		q.Pop(nil)
	}
	q.Push([]byte("lost"))
	p.Append(2, links[:10])
	s.Close()

	s = open(t, dir, badgerstore.Options{Resume: true})
	defer s.Close()
	q, p = s.Queue(), s.Parents()
	if q.Len() != 20000-12345 {
		t.Fatalf("resumed queue: %d records", q.Len())
	}
	for i := 12345; i < 20000; i++ {
		var ok bool
		var err error
		buf, ok, err = q.Pop(buf[:0])
		if err != nil || !ok || !bytes.Equal(buf, rec(i)) {
			t.Fatalf("resumed pop %d: %v %v", i, ok, err)
		}
	}
	if _, ok, _ := q.Pop(nil); ok {
		t.Fatal("resumed queue has extra records")
	}
	for _, r := range []uint64{0, 8191, 8192, 19999} {
		l, err := p.Link(1, r)
		if err != nil || l != links[r] {
			t.Fatalf("Link(1, %d) = %v, %v", r, l, err)
		}
	}
	if _, err := p.Link(2, 0); err == nil {
		t.Fatal("uncommitted level 2 survived")
	}
	// Appending continues the committed level.
	if err := p.Append(1, links[:5]); err != nil {
		t.Fatal(err)
	}
	if l, _ := p.Link(1, 20004); l != links[4] {
		t.Fatalf("appended link: %v", l)
	}
}

// FuzzSets compares the badger store (small front set, so both paths are
// used) with the memory set on a random sequence of batches.
func FuzzSets(f *testing.F) {
	f.Add([]byte{1, 2, 3, 1, 2, 3}, uint8(3))
	f.Add(bytes.Repeat([]byte{7, 0, 255}, 50), uint8(16))
	f.Fuzz(func(t *testing.T, data []byte, batch uint8) {
		mem := statestore.NewMemory(0)
		disk := open(t, t.TempDir(), badgerstore.Options{InMemory: true, FrontStates: 8})
		defer disk.Close()
		bs := max(int(batch%32), 1)
		for len(data) > 0 {
			n := min(bs, len(data))
			fps := make([]statestore.Fingerprint, n)
			for i, b := range data[:n] {
				fps[i] = statestore.Fingerprint(uint64(b%64) * 0x9e3779b97f4a7c15)
			}
			data = data[n:]
			want := make([]bool, n)
			got := make([]bool, n)
			mem.InsertBatch(fps, want)
			if err := disk.InsertBatch(fps, got); err != nil {
				t.Fatal(err)
			}
			for i := range fps {
				if got[i] != want[i] {
					t.Fatalf("fp %#x: disk fresh=%v, memory %v", fps[i], got[i], want[i])
				}
			}
			if mem.Len() != disk.Len() {
				t.Fatalf("Len: disk %d, memory %d", disk.Len(), mem.Len())
			}
		}
	})
}
