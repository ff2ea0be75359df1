// Package settest is the contract test suite that every [statestore.Set]
// implementation must pass: Insert reports each fingerprint fresh exactly
// once (also under concurrent inserts from many goroutines), Len counts
// distinct fingerprints, the optional [statestore.BatchInserter] agrees
// with Insert, and Close works.
//
// It is a test helper: it imports package testing and statestore only.
package settest

import (
	"math"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/mcgo-dev/mcgo/statestore"
)

// Fingerprints returns n distinct fingerprints derived from seed by
// splitmix64, with the reserved table values 0 and all ones among them.
func Fingerprints(seed uint64, n int) []statestore.Fingerprint {
	out := make([]statestore.Fingerprint, 0, n)
	seen := make(map[statestore.Fingerprint]bool, n)
	add := func(fp statestore.Fingerprint) {
		if !seen[fp] && len(out) < n {
			seen[fp] = true
			out = append(out, fp)
		}
	}
	add(0)
	add(math.MaxUint64)
	x := seed
	for len(out) < n {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		add(statestore.Fingerprint(z ^ z>>31))
	}
	return out
}

// Run runs the contract tests; newSet must return a new, empty set each
// time it is called.
func Run(t *testing.T, newSet func() statestore.Set) {
	t.Run("sequential", func(t *testing.T) { sequential(t, newSet()) })
	t.Run("concurrent", func(t *testing.T) { concurrent(t, newSet()) })
	t.Run("batch", func(t *testing.T) { batch(t, newSet()) })
}

func closeSet(t *testing.T, s statestore.Set) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

func sequential(t *testing.T, s statestore.Set) {
	if s.Len() != 0 {
		t.Fatalf("new set: Len = %d, want 0", s.Len())
	}
	fps := Fingerprints(1, 5000)
	for i, fp := range fps {
		fresh, err := s.Insert(fp)
		if err != nil {
			t.Fatalf("Insert(%#x): %v", fp, err)
		}
		if !fresh {
			t.Fatalf("first Insert(%#x) (#%d) not fresh", fp, i)
		}
	}
	for _, fp := range fps {
		fresh, err := s.Insert(fp)
		if err != nil {
			t.Fatalf("Insert(%#x) again: %v", fp, err)
		}
		if fresh {
			t.Fatalf("second Insert(%#x) fresh", fp)
		}
	}
	if got := s.Len(); got != int64(len(fps)) {
		t.Fatalf("Len = %d, want %d", got, len(fps))
	}
	closeSet(t, s)
}

// concurrent inserts the same fingerprints from many goroutines, each in
// its own order, and counts how often each was reported fresh.
func concurrent(t *testing.T, s statestore.Set) {
	const goroutines = 8
	fps := Fingerprints(2, 20000)
	freshCount := make([]atomic.Int32, len(fps))
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bi, batched := s.(statestore.BatchInserter)
			batched = batched && g%2 == 1
			var bfps []statestore.Fingerprint
			var bidx []int
			fresh := make([]bool, 64)
			flush := func() error {
				if err := bi.InsertBatch(bfps, fresh); err != nil {
					return err
				}
				for k, f := range fresh[:len(bfps)] {
					if f {
						freshCount[bidx[k]].Add(1)
					}
				}
				bfps, bidx = bfps[:0], bidx[:0]
				return nil
			}
			for k := range fps {
				i := (k*(2*g+1) + g*977) % len(fps) // a different order per goroutine
				if !batched {
					f, err := s.Insert(fps[i])
					if err != nil {
						errs <- err
						return
					}
					if f {
						freshCount[i].Add(1)
					}
					continue
				}
				bfps, bidx = append(bfps, fps[i]), append(bidx, i)
				if len(bfps) == 64 {
					if err := flush(); err != nil {
						errs <- err
						return
					}
				}
			}
			if batched && len(bfps) > 0 {
				if err := flush(); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("insert: %v", err)
	}
	for i := range freshCount {
		if n := freshCount[i].Load(); n != 1 {
			t.Fatalf("fingerprint %#x reported fresh %d times, want exactly 1", fps[i], n)
		}
	}
	if got := s.Len(); got != int64(len(fps)) {
		t.Fatalf("Len = %d, want %d", got, len(fps))
	}
	closeSet(t, s)
}

// batch checks that InsertBatch means Insert in order, duplicates inside a
// batch included.
func batch(t *testing.T, s statestore.Set) {
	bi, ok := s.(statestore.BatchInserter)
	if !ok {
		closeSet(t, s)
		t.Skip("no InsertBatch")
	}
	fps := Fingerprints(3, 3000)
	// First half inserted singly, then a batch of everything with each
	// fingerprint of the second half twice.
	for _, fp := range fps[:1500] {
		if _, err := s.Insert(fp); err != nil {
			t.Fatal(err)
		}
	}
	var in []statestore.Fingerprint
	var want []bool
	for i, fp := range fps {
		in = append(in, fp)
		want = append(want, i >= 1500)
		if i >= 1500 {
			in = append(in, fp)
			want = append(want, false)
		}
	}
	got := make([]bool, len(in))
	if err := bi.InsertBatch(in, got); err != nil {
		t.Fatalf("InsertBatch: %v", err)
	}
	for j := range in {
		if got[j] != want[j] {
			t.Fatalf("InsertBatch: fresh[%d] (%#x) = %v, want %v", j, in[j], got[j], want[j])
		}
	}
	if s.Len() != int64(len(fps)) {
		t.Fatalf("Len = %d, want %d", s.Len(), len(fps))
	}
	closeSet(t, s)
}
