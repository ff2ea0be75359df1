package badgerstore_test

// These tests run the explorer (package explore) over the disk store: a
// test-only import; package badgerstore itself does not import explore.

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/statestore"
	"github.com/mcgo-dev/mcgo/statestore/badgerstore"
)

// counters is N independent counters 0..K: (K+1)^N states. If cancel is
// set, the n-th call of Successors calls it.
type counters struct {
	N, K   int
	n      int64
	calls  *atomic.Int64
	cancel context.CancelFunc
}

type cstate [8]uint8

func (c counters) Initial() []cstate { return []cstate{{}} }

func (c counters) Successors(s cstate, yield func(int, cstate) bool) {
	if c.cancel != nil && c.calls.Add(1) == c.n {
		c.cancel()
	}
	for j := 0; j < c.N; j++ {
		if int(s[j]) < c.K {
			t := s
			t[j]++
			if !yield(j, t) {
				return
			}
		}
	}
}

func (c counters) AppendKey(dst []byte, s cstate) []byte { return append(dst, s[:c.N]...) }

func (c counters) DecodeKey(key []byte) (cstate, error) {
	var s cstate
	if len(key) != c.N {
		return s, fmt.Errorf("bad key")
	}
	copy(s[:], key)
	return s, nil
}

func (c counters) states() int64 {
	n := int64(1)
	for i := 0; i < c.N; i++ {
		n *= int64(c.K + 1)
	}
	return n
}

// sumIs fails on states whose counters add up to Sum and whose first
// counter is odd.
type sumIs struct{ Sum int }

func (sumIs) Name() string                             { return "sum_is" }
func (sumIs) Check(cstate, int, cstate) (bool, string) { return true, "" }
func (sumIs) Stuck(cstate) (bool, string)              { return true, "" }
func (m sumIs) CheckState(s cstate) (bool, string) {
	t := 0
	for _, v := range s {
		t += int(v)
	}
	if t == m.Sum && s[0]%2 == 1 {
		return false, fmt.Sprint(s)
	}
	return true, ""
}

func diskRun(t *testing.T, ctx context.Context, s *badgerstore.Store, sys counters, mons []explore.Monitor[cstate, int], workers int) explore.Result {
	t.Helper()
	res, err := explore.Run[cstate, int](ctx, sys, s, mons, explore.Options{
		Workers: workers, Queue: s.Queue(), Parents: s.Parents(),
	}, nil)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

// TestExploreDisk checks that BFS over the disk store finds what it finds
// over the memory store, with the front set holding everything and with a
// front set far too small (badger lookups).
func TestExploreDisk(t *testing.T) {
	sys := counters{N: 5, K: 7} // 32768 states
	mons := []explore.Monitor[cstate, int]{sumIs{Sum: 30}}
	want, err := explore.Run[cstate, int](context.Background(), sys, statestore.NewMemory(0), mons, explore.Options{Workers: 1}, nil)
	if err != nil || want.Verdict != explore.Violated {
		t.Fatalf("memory run: %v %v", want.Verdict, err)
	}
	for _, front := range []int64{0, 3000} {
		for _, w := range []int{1, 2} {
			s := open(t, t.TempDir(), badgerstore.Options{FrontStates: front})
			got := diskRun(t, context.Background(), s, sys, mons, w)
			if got.Verdict != want.Verdict || !slices.Equal(got.Violation.Path, want.Violation.Path) ||
				got.Stats.States != want.Stats.States || got.Stats.Transitions != want.Stats.Transitions {
				t.Fatalf("front %d workers %d: %v %v %d %d; memory: %v %v %d %d", front, w,
					got.Verdict, got.Violation.Path, got.Stats.States, got.Stats.Transitions,
					want.Verdict, want.Violation.Path, want.Stats.States, want.Stats.Transitions)
			}
			if got.Stats.Store != "disk" {
				t.Fatalf("store %q", got.Stats.Store)
			}
			if front > 0 && s.Lookups() == 0 {
				t.Fatalf("front %d: no badger lookups", front)
			}
			if front == 0 && s.Lookups() != 0 {
				t.Fatalf("complete front set: %d badger lookups", s.Lookups())
			}
			s.Close()
		}
	}
}

// TestResume interrupts a disk BFS several times and resumes it from the
// store directory each time; the last run ends with the figures and the
// counterexample of an uninterrupted run.
func TestResume(t *testing.T) {
	for _, tc := range []struct {
		name string
		mons []explore.Monitor[cstate, int]
	}{
		{"pass", nil},
		{"violation", []explore.Monitor[cstate, int]{sumIs{Sum: 39}}},
	} {
		for _, w := range []int{1, 2} {
			t.Run(fmt.Sprintf("%s/workers-%d", tc.name, w), func(t *testing.T) {
				base := counters{N: 5, K: 9} // 100000 states
				want, err := explore.Run[cstate, int](context.Background(), base, statestore.NewMemory(0), tc.mons, explore.Options{Workers: w}, nil)
				if err != nil {
					t.Fatal(err)
				}
				dir := t.TempDir()
				var res explore.Result
				interrupts := 0
				for round := 0; ; round++ {
					s := open(t, dir, badgerstore.Options{Resume: round > 0, FrontStates: 20000})
					ctx, cancel := context.WithCancel(context.Background())
					sys := base
					sys.calls, sys.n, sys.cancel = new(atomic.Int64), 15000, cancel
					res = diskRun(t, ctx, s, sys, tc.mons, w)
					cancel()
					// The rate counts only the states this run found.
					st := res.Stats
					if (round > 0) != (st.ResumedStates > 0) || st.ResumedStates > st.States {
						t.Fatalf("round %d: %d states resumed of %d", round, st.ResumedStates, st.States)
					}
					if got, want := st.StatesPerSec*st.Elapsed.Seconds(), float64(st.States-st.ResumedStates); math.Abs(got-want) > 1+want/100 {
						t.Fatalf("round %d: rate %.0f states/s over %v is %.0f states, found %.0f", round, st.StatesPerSec, st.Elapsed, got, want)
					}
					if err := s.Close(); err != nil {
						t.Fatal(err)
					}
					if res.Incomplete != "interrupted" {
						break
					}
					interrupts++
					if round > 100 {
						t.Fatal("no progress across resumes")
					}
				}
				if s := open(t, dir, badgerstore.Options{Resume: true}); s.Generations() == 0 {
					t.Fatal("no generation on disk: the test does not test lookups")
				} else {
					s.Close()
				}
				if interrupts < 3 {
					t.Fatalf("only %d interrupts: the test does not test resuming", interrupts)
				}
				if res.Verdict != want.Verdict || res.Stats.States != want.Stats.States || res.Stats.Transitions != want.Stats.Transitions {
					t.Fatalf("resumed: %v %d states %d transitions; uninterrupted: %v %d %d",
						res.Verdict, res.Stats.States, res.Stats.Transitions, want.Verdict, want.Stats.States, want.Stats.Transitions)
				}
				if want.Violation != nil && !slices.Equal(res.Violation.Path, want.Violation.Path) {
					t.Fatalf("resumed path %v, uninterrupted %v", res.Violation.Path, want.Violation.Path)
				}
			})
		}
	}
}

// BenchmarkExplore compares the disk store with the memory store on the
// same model (one op is a complete search of 10^6 states).
//
//	go test -run '^$' -bench BenchmarkExplore -benchmem ./statestore/badgerstore/
func BenchmarkExplore(b *testing.B) {
	sys := counters{N: 6, K: 9}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("counters-6x9/memory/workers-%d", w), func(b *testing.B) {
			bench(b, func() (statestore.Set, explore.Options) {
				return statestore.NewMemory(0), explore.Options{Workers: w, Frontier: explore.FrontierEncoded}
			}, sys)
		})
		b.Run(fmt.Sprintf("counters-6x9/disk/workers-%d", w), func(b *testing.B) {
			bench(b, func() (statestore.Set, explore.Options) {
				s := open(b, b.TempDir(), badgerstore.Options{})
				return s, explore.Options{Workers: w, Queue: s.Queue(), Parents: s.Parents()}
			}, sys)
		})
		b.Run(fmt.Sprintf("counters-6x9/disk-front-100k/workers-%d", w), func(b *testing.B) {
			bench(b, func() (statestore.Set, explore.Options) {
				s := open(b, b.TempDir(), badgerstore.Options{FrontStates: 100000})
				return s, explore.Options{Workers: w, Queue: s.Queue(), Parents: s.Parents()}
			}, sys)
		})
	}
}

func bench(b *testing.B, setup func() (statestore.Set, explore.Options), sys counters) {
	b.ReportAllocs()
	var states int64
	for b.Loop() {
		set, opt := setup()
		res, err := explore.Run[cstate, int](context.Background(), sys, set, nil, opt, nil)
		if err != nil {
			b.Fatal(err)
		}
		if res.Stats.States != sys.states() {
			b.Fatalf("%d states", res.Stats.States)
		}
		states += res.Stats.States
		set.Close()
	}
	b.ReportMetric(float64(states)/b.Elapsed().Seconds(), "states/s")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkSet measures batched inserts of fresh fingerprints into the disk
// store, with the front set holding everything and with a front set of
// 100,000 (so most of the run is decided by lookups in generations), and
// a commit every 16,384 inserts as the explorer does.
//
//	go test -run '^$' -bench BenchmarkSet -benchmem ./statestore/badgerstore/
func BenchmarkSet(b *testing.B) {
	for _, front := range []int64{0, 100000} {
		b.Run(fmt.Sprintf("front-%d", front), func(b *testing.B) {
			b.ReportAllocs()
			s := open(b, b.TempDir(), badgerstore.Options{FrontStates: front})
			defer s.Close()
			fps := make([]statestore.Fingerprint, 0, 4096)
			fresh := make([]bool, 4096)
			x := uint64(0)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				x += 0x9e3779b97f4a7c15
				fps = append(fps, statestore.Fingerprint(x))
				if len(fps) == cap(fps) || i == b.N-1 {
					if err := s.InsertBatch(fps, fresh); err != nil {
						b.Fatal(err)
					}
					fps = fps[:0]
				}
				if i%16384 == 16383 {
					if err := s.Commit(nil); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
