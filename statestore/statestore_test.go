package statestore_test

import (
	"bytes"
	"fmt"
	"math"
	"sync"
	"testing"

	"github.com/mcgo-dev/mcgo/statestore"
	"github.com/mcgo-dev/mcgo/statestore/settest"
)

func TestMemoryContract(t *testing.T) {
	settest.Run(t, func() statestore.Set { return statestore.NewMemory(0) })
}

func TestMemoryPresizedContract(t *testing.T) {
	settest.Run(t, func() statestore.Set { return statestore.NewMemory(100000) })
}

func TestExactContract(t *testing.T) {
	settest.Run(t, func() statestore.Set { return statestore.NewExact() })
}

func TestBitstateContract(t *testing.T) {
	// 2^26 bits for at most 20000 states: no false positive among the
	// suite's fixed fingerprints (checked; the suite is deterministic).
	settest.Run(t, func() statestore.Set { return statestore.NewBitstate(1 << 26) })
}

func TestMemoryBytesPerState(t *testing.T) {
	// From empty, through many grows: never more than 16 bytes a state
	// once the table is past its minimum size.
	m := statestore.NewMemory(0)
	fps := settest.Fingerprints(9, 300000)
	for i, fp := range fps {
		if _, err := m.Insert(fp); err != nil {
			t.Fatal(err)
		}
		if n := i + 1; n > 2000 {
			if b := float64(m.Describe().Bytes) / float64(n); b > 16.001 {
				t.Fatalf("after %d inserts: %.2f bytes a state, want <= 16", n, b)
			}
		}
	}
	for _, fp := range fps {
		if !m.Contains(fp) {
			t.Fatalf("lost %#x after grows", fp)
		}
	}
}

func TestMemoryConcurrentGrowAndContains(t *testing.T) {
	// Inserters and readers race while the table grows from its minimum
	// size: every fingerprint is fresh once, and a fingerprint, once
	// reported inserted, is never reported absent.
	m := statestore.NewMemory(0)
	fps := settest.Fingerprints(5, 200000)
	var wg sync.WaitGroup
	fresh := make([]int32, len(fps))
	var mu sync.Mutex
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range fps {
				i := (k*7 + g*1013) % len(fps)
				f, _ := m.Insert(fps[i])
				if f {
					mu.Lock()
					fresh[i]++
					mu.Unlock()
				}
				if !m.Contains(fps[i]) {
					t.Errorf("inserted %#x reported absent", fps[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	for i, n := range fresh {
		if n != 1 {
			t.Fatalf("%#x fresh %d times", fps[i], n)
		}
	}
	if m.Len() != int64(len(fps)) {
		t.Fatalf("Len = %d, want %d", m.Len(), len(fps))
	}
}

func TestCollisionProb(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want float64
	}{
		{0, 0},
		{1 << 32, 0.5}, // (2^32)^2 / 2^65
		{1 << 33, 1},   // capped
	} {
		if got := statestore.CollisionProb(tc.n); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("CollisionProb(%d) = %g, want %g", tc.n, got, tc.want)
		}
	}
	m := statestore.NewMemory(0)
	for _, fp := range settest.Fingerprints(1, 1000) {
		m.Insert(fp)
	}
	if got, want := m.Describe().CollisionProb, 1e6/math.Pow(2, 65); math.Abs(got-want) > 1e-25 {
		t.Errorf("Describe().CollisionProb = %g, want %g", got, want)
	}
}

func TestBitstateIncomplete(t *testing.T) {
	b := statestore.NewBitstate(64)
	info := b.Describe()
	if info.Incomplete != "bitstate" || info.Kind != "bitstate" {
		t.Fatalf("Describe = %+v", info)
	}
	// 64 bits: a tiny array saturates, and later fingerprints are
	// (wrongly but by design) reported seen.
	fresh := 0
	for _, fp := range settest.Fingerprints(7, 1000) {
		if f, _ := b.Insert(fp); f {
			fresh++
		}
	}
	if fresh == 1000 || fresh == 0 || int64(fresh) != b.Len() {
		t.Fatalf("saturated bitstate: %d fresh, Len %d", fresh, b.Len())
	}
	if p := b.Describe().CollisionProb; p < 0.9 {
		t.Fatalf("saturated bitstate: omission estimate %g, want near 1", p)
	}
}

func TestExactKeys(t *testing.T) {
	e := statestore.NewExact()
	keys := [][]byte{nil, {0}, {0, 0}, []byte("abc"), bytes.Repeat([]byte{1}, 1000)}
	for _, k := range keys {
		if f, err := e.InsertKey(k); err != nil || !f {
			t.Fatalf("InsertKey(%q) = %v, %v", k, f, err)
		}
	}
	buf := []byte("abc")
	if f, _ := e.InsertKey(buf); f {
		t.Fatal("equal key fresh twice")
	}
	buf[0] = 'x' // the set kept its own copy
	if f, _ := e.InsertKey([]byte("abc")); f {
		t.Fatal("set did not copy its key")
	}
	if e.Len() != int64(len(keys)) {
		t.Fatalf("Len = %d", e.Len())
	}
}

func TestMemParentLog(t *testing.T) {
	p := statestore.NewMemParentLog()
	var links []statestore.Link
	for i := 0; i < 200000; i++ {
		links = append(links, statestore.Link{Parent: uint64(i * 3), Index: uint32(i % 7)})
	}
	if err := p.Append(0, links[:10]); err != nil {
		t.Fatal(err)
	}
	if err := p.Append(1, links[:100000]); err != nil {
		t.Fatal(err)
	}
	if err := p.Append(1, links[100000:]); err != nil {
		t.Fatal(err)
	}
	for _, r := range []uint64{0, 65535, 65536, 199999} {
		got, err := p.Link(1, r)
		if err != nil || got != links[r] {
			t.Fatalf("Link(1, %d) = %v, %v; want %v", r, got, err, links[r])
		}
	}
	if _, err := p.Link(1, 200000); err == nil {
		t.Fatal("Link past the end: no error")
	}
	if _, err := p.Link(2, 0); err == nil {
		t.Fatal("Link of a missing level: no error")
	}
	if err := p.Append(3, links[:1]); err == nil {
		t.Fatal("Append skipping a level: no error")
	}
	if err := p.Append(2, []statestore.Link{{Index: statestore.MaxLinkIndex + 1}}); err == nil {
		t.Fatal("Append of an out-of-range link: no error")
	}
}

func TestMemQueue(t *testing.T) {
	q := statestore.NewMemQueue()
	var buf []byte
	// Interleave pushes and pops across chunk boundaries, as a BFS does.
	next, popped := 0, 0
	rec := func(i int) []byte { return bytes.Repeat([]byte(fmt.Sprint(i%10)), i%3000) }
	for round := 0; round < 5; round++ {
		for i := 0; i < 3000; i++ {
			if err := q.Push(rec(next)); err != nil {
				t.Fatal(err)
			}
			next++
		}
		for i := 0; i < 2000; i++ {
			var ok bool
			var err error
			buf, ok, err = q.Pop(buf[:0])
			if err != nil || !ok {
				t.Fatalf("Pop: %v %v", ok, err)
			}
			if !bytes.Equal(buf, rec(popped)) {
				t.Fatalf("record %d: got %d bytes", popped, len(buf))
			}
			popped++
		}
	}
	if q.Len() != int64(next-popped) {
		t.Fatalf("Len = %d, want %d", q.Len(), next-popped)
	}
	for q.Len() > 0 {
		buf, _, _ = q.Pop(buf[:0])
	}
	if _, ok, _ := q.Pop(buf[:0]); ok {
		t.Fatal("Pop from an empty queue")
	}
}

func TestMemoryDrain(t *testing.T) {
	m := statestore.NewMemory(0)
	fps := settest.Fingerprints(3, 5000)
	for _, fp := range fps {
		m.Insert(fp)
	}
	got := m.Drain()
	if len(got) != len(fps) || m.Len() != 0 {
		t.Fatalf("Drain: %d values, Len after %d", len(got), m.Len())
	}
	want := make(map[uint64]bool)
	for _, fp := range fps {
		want[statestore.MemoryValue(fp)] = true
	}
	for i, v := range got {
		if !want[v] || i > 0 && got[i-1] >= v {
			t.Fatalf("Drain: value %d (%#x) not expected or out of order", i, v)
		}
	}
	if f, _ := m.Insert(fps[0]); !f {
		t.Fatal("drained set still holds a fingerprint")
	}
}
