package explore_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/statestore"
)

// run is Run with a fresh memory set, failing the test on tool errors.
func run[S, L any](t *testing.T, sys explore.System[S, L], mons []explore.Monitor[S, L], opt explore.Options) explore.Result {
	t.Helper()
	return runSet(t, sys, statestore.NewMemory(0), mons, opt)
}

func runSet[S, L any](t *testing.T, sys explore.System[S, L], set statestore.Set, mons []explore.Monitor[S, L], opt explore.Options) explore.Result {
	t.Helper()
	res, err := explore.Run(context.Background(), sys, set, mons, opt, nil)
	if err != nil {
		t.Fatalf("Run(%+v): %v", opt, err)
	}
	return res
}

// modes are the searches that must agree on a complete run.
var modes = []struct {
	name string
	opt  explore.Options
}{
	{"bfs-1", explore.Options{Workers: 1}},
	{"bfs-2", explore.Options{Workers: 2}},
	{"bfs-4", explore.Options{Workers: 4}},
	{"bfs-3-values", explore.Options{Workers: 3, Frontier: explore.FrontierValues}},
	{"dfs", explore.Options{Search: explore.DFS}},
}

// TestExactCounts checks exact unique-state and transition counts of the
// toy systems for every strategy and worker count.
func TestExactCounts(t *testing.T) {
	type tc struct {
		name         string
		run          func(explore.Options) explore.Result
		states, tran int64
		depth        int // BFS depth
	}
	cases := []tc{
		{"counters-3x4", func(o explore.Options) explore.Result { return run(t, counters{3, 4}, nil, o) }, 125, 300, 12},
		{"counters-5x3", func(o explore.Options) explore.Result { return run(t, counters{5, 3}, nil, o) }, 1024, 3840, 15},
		{"puzzle-2x3", func(o explore.Options) explore.Result { return run(t, puzzle{2, 3}, nil, o) }, 360, 840, 21},
		{"philosophers-asym-5", func(o explore.Options) explore.Result {
			return run(t, philosophers{5, true}, []explore.Monitor[phstate, string]{deadlock[phstate, string]{}}, o)
		}, 70, 219, 5},
		{"philosophers-asym-7", func(o explore.Options) explore.Result {
			return run(t, philosophers{7, true}, []explore.Monitor[phstate, string]{deadlock[phstate, string]{}}, o)
		}, 408, 1804, 7},
	}
	if !testing.Short() {
		cases = append(cases, tc{"puzzle-3x3", func(o explore.Options) explore.Result { return run(t, puzzle{3, 3}, nil, o) }, 181440, 483840, 31})
	}
	for _, c := range cases {
		for _, m := range modes {
			t.Run(c.name+"/"+m.name, func(t *testing.T) {
				res := c.run(m.opt)
				if res.Verdict != explore.Pass || res.Violation != nil || res.Incomplete != "" {
					t.Fatalf("verdict %v %q %+v, want pass", res.Verdict, res.Incomplete, res.Violation)
				}
				if res.Stats.States != c.states || res.Stats.Transitions != c.tran {
					t.Fatalf("states %d, transitions %d; want %d, %d", res.Stats.States, res.Stats.Transitions, c.states, c.tran)
				}
				if m.opt.Search == explore.BFS && res.Stats.Depth != c.depth {
					t.Fatalf("depth %d, want %d", res.Stats.Depth, c.depth)
				}
			})
		}
	}
	if got := (counters{3, 4}).states(); got != 125 {
		t.Fatalf("counters formula: %d", got)
	}
}

// TestCountersFormula checks the counters model against its closed form
// on a larger instance, with two workers.
func TestCountersFormula(t *testing.T) {
	c := counters{6, 5}
	res := run(t, c, nil, explore.Options{Workers: 2})
	if res.Stats.States != c.states() || res.Stats.Transitions != c.transitions() || res.Stats.Depth != c.N*c.K {
		t.Fatalf("got %d states, %d transitions, depth %d; want %d, %d, %d",
			res.Stats.States, res.Stats.Transitions, res.Stats.Depth, c.states(), c.transitions(), c.N*c.K)
	}
}

// TestDeadlock finds the philosophers' deadlock with the smallest shortest
// path, the same for every worker count, and equal figures.
func TestDeadlock(t *testing.T) {
	for _, n := range []int{3, 5, 7} {
		sys := philosophers{N: n}
		mons := []explore.Monitor[phstate, string]{deadlock[phstate, string]{}}
		want := []uint32{0, 0}
		for i := 1; i < n; i++ {
			want = append(want, 1)
		}
		wantStates := map[int]int64{3: 14, 5: 82, 7: 478}[n]
		var first explore.Result
		for i, w := range []int{1, 2, 4} {
			res := run(t, sys, mons, explore.Options{Workers: w})
			if res.Verdict != explore.Violated || res.Violation == nil {
				t.Fatalf("N=%d workers=%d: verdict %v, want violation", n, w, res.Verdict)
			}
			v := res.Violation
			if v.Property != "deadlock" || v.Msg != "deadlock" || v.Transition || !slices.Equal(v.Path, want) {
				t.Fatalf("N=%d workers=%d: violation %+v, want deadlock at %v", n, w, v, want)
			}
			if res.Stats.States != wantStates || res.Stats.Depth != n {
				t.Fatalf("N=%d workers=%d: %d states, depth %d; want %d, %d", n, w, res.Stats.States, res.Stats.Depth, wantStates, n)
			}
			if i == 0 {
				first = res
			} else if res.Stats.States != first.Stats.States || res.Stats.Transitions != first.Stats.Transitions {
				t.Fatalf("N=%d workers=%d: figures differ from 1 worker", n, w)
			}
			states, _, err := explore.Replay(sys, v.Path)
			if err != nil {
				t.Fatal(err)
			}
			end := states[len(states)-1]
			sys.Successors(end, func(string, phstate) bool {
				t.Fatalf("N=%d: replayed end state %v has successors", n, end)
				return false
			})
		}
		dres := run(t, sys, mons, explore.Options{Search: explore.DFS})
		if dres.Verdict != explore.Violated || dres.Violation.Property != "deadlock" {
			t.Fatalf("DFS: %v", dres.Verdict)
		}
		if _, _, err := explore.Replay(sys, dres.Violation.Path); err != nil {
			t.Fatalf("DFS path: %v", err)
		}
	}
}

// TestInvariantPath checks a state invariant (CheckState) and a transition
// check (Check): the reported path is the smallest shortest one, equal for
// 1, 2 and 4 workers, even when several levels and workers see violations.
func TestInvariantPath(t *testing.T) {
	c := counters{4, 6}
	for _, w := range []int{1, 2, 4} {
		res := run(t, c, []explore.Monitor[cstate, int]{sumBelow{Max: 9}}, explore.Options{Workers: w})
		want := []uint32{0, 0, 0, 0, 0, 0, 0, 0, 0, 0} // counter 0 to 6, then counter 1 (now index 0) to 3
		if res.Verdict != explore.Violated || res.Violation.Transition || !slices.Equal(res.Violation.Path, want) || res.Violation.Msg != "sum 9" {
			t.Fatalf("workers %d: %v %+v, want sum 9 at %v", w, res.Verdict, res.Violation, want)
		}
		states, labels, err := explore.Replay(c, res.Violation.Path)
		if err != nil || len(states) != 10 || len(labels) != 9 || states[9] != (cstate{6, 3}) {
			t.Fatalf("replay: %v %v %v", states, labels, err)
		}

		res = run(t, c, []explore.Monitor[cstate, int]{noDouble{Which: 2}}, explore.Options{Workers: w})
		want = []uint32{0, 2, 2}
		if res.Verdict != explore.Violated || !res.Violation.Transition || !slices.Equal(res.Violation.Path, want) {
			t.Fatalf("workers %d: %v %+v, want transition violation at %v", w, res.Verdict, res.Violation, want)
		}
	}
}

// TestDeterministicReport runs a model with violations spread over many
// segments and jobs of one level and checks that the reported violation
// and every figure are the same for 1, 2, 3 and 4 workers.
func TestDeterministicReport(t *testing.T) {
	c := counters{7, 4}
	// Violated by many states at depth 14 (thousands, over several jobs).
	mons := []explore.Monitor[cstate, int]{oddPair{}}
	var first explore.Result
	for i, w := range []int{1, 2, 3, 4} {
		res := run(t, c, mons, explore.Options{Workers: w})
		if res.Verdict != explore.Violated {
			t.Fatalf("workers %d: %v", w, res.Verdict)
		}
		res.Stats = explore.Stats{States: res.Stats.States, Transitions: res.Stats.Transitions, Depth: res.Stats.Depth}
		if i == 0 {
			first = res
			continue
		}
		if !reflect.DeepEqual(res, first) {
			t.Fatalf("workers %d: %+v %+v\nworkers 1: %+v %+v", w, res, res.Violation, first, first.Violation)
		}
	}
}

// oddPair fails on states where counters 5 and 6 are both 3, and counter 0
// is odd: many states of one level, reached from parents in many jobs.
type oddPair struct{}

func (oddPair) Name() string                             { return "odd_pair" }
func (oddPair) Check(cstate, int, cstate) (bool, string) { return true, "" }
func (oddPair) Stuck(cstate) (bool, string)              { return true, "" }
func (oddPair) CheckState(s cstate) (bool, string) {
	if s[5] == 3 && s[6] == 3 && s[0]%2 == 1 && s[1]+s[2]+s[3]+s[4] >= 7 {
		return false, fmt.Sprint(s[:7])
	}
	return true, ""
}

func TestLimits(t *testing.T) {
	c := counters{5, 5} // 7776 states, depth 25
	t.Run("max-states", func(t *testing.T) {
		for _, o := range []explore.Options{{Workers: 1, MaxStates: 1000}, {Workers: 3, MaxStates: 1000}, {Search: explore.DFS, MaxStates: 1000}} {
			res := run(t, c, nil, o)
			if res.Verdict != explore.Incomplete || res.Incomplete != "max-states" || res.Stats.States != 1000 {
				t.Fatalf("%+v: %v %q, %d states", o, res.Verdict, res.Incomplete, res.Stats.States)
			}
		}
		// A bound equal to the state count is not hit.
		if res := run(t, c, nil, explore.Options{MaxStates: 7776}); res.Verdict != explore.Pass {
			t.Fatalf("MaxStates = state count: %v %q", res.Verdict, res.Incomplete)
		}
	})
	t.Run("max-depth", func(t *testing.T) {
		res := run(t, c, nil, explore.Options{Workers: 2, MaxDepth: 3})
		// Levels 0..3 of 5 counters: C(n+4,4) states at depth n.
		if res.Verdict != explore.Incomplete || res.Incomplete != "max-depth" || res.Stats.States != 1+5+15+35 || res.Stats.Depth != 3 {
			t.Fatalf("bfs: %v %q, %d states, depth %d", res.Verdict, res.Incomplete, res.Stats.States, res.Stats.Depth)
		}
		res = run(t, c, nil, explore.Options{Search: explore.DFS, MaxDepth: 3})
		if res.Verdict != explore.Incomplete || res.Incomplete != "max-depth" {
			t.Fatalf("dfs: %v %q", res.Verdict, res.Incomplete)
		}
		// The bound checks states at depth MaxDepth: an invariant broken
		// there is found.
		res = run(t, c, []explore.Monitor[cstate, int]{sumBelow{Max: 3}}, explore.Options{MaxDepth: 3})
		if res.Verdict != explore.Violated {
			t.Fatalf("invariant at the depth bound: %v", res.Verdict)
		}
	})
	t.Run("time-limit", func(t *testing.T) {
		big := counters{8, 9} // 10^8 states: far more than 50 ms
		for _, o := range []explore.Options{{Workers: 2}, {Search: explore.DFS}, {Search: explore.Random, Walks: 1 << 30}} {
			o.TimeLimit = 50 * time.Millisecond
			start := time.Now()
			res := run(t, big, nil, o)
			if res.Verdict != explore.Incomplete || res.Incomplete != "time-limit" {
				t.Fatalf("%v: %v %q", o.Search, res.Verdict, res.Incomplete)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Fatalf("%v: stopped after %v", o.Search, d)
			}
		}
	})
	t.Run("memory", func(t *testing.T) {
		res := run(t, counters{8, 9}, nil, explore.Options{Workers: 2, MaxMemory: 1})
		if res.Verdict != explore.Incomplete || res.Incomplete != "memory" {
			t.Fatalf("%v %q", res.Verdict, res.Incomplete)
		}
	})
}

// cancelAfter wraps a system and cancels a context after n calls of
// Successors.
type cancelAfter struct {
	counters
	n      int64
	calls  atomic.Int64
	cancel context.CancelFunc
}

func (c *cancelAfter) Successors(s cstate, yield func(int, cstate) bool) {
	if c.calls.Add(1) == c.n {
		c.cancel()
	}
	c.counters.Successors(s, yield)
}

func TestInterrupt(t *testing.T) {
	for _, o := range []explore.Options{{Workers: 2}, {Workers: 1}, {Search: explore.DFS}, {Search: explore.Random, Walks: 1 << 30}} {
		ctx, cancel := context.WithCancel(context.Background())
		sys := &cancelAfter{counters: counters{8, 9}, n: 100000, cancel: cancel}
		start := time.Now()
		res, err := explore.Run[cstate, int](ctx, sys, statestore.NewMemory(0), nil, o, nil)
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict != explore.Incomplete || res.Incomplete != "interrupted" {
			t.Fatalf("%v: %v %q", o.Search, res.Verdict, res.Incomplete)
		}
		if res.Stats.States == 0 || res.Stats.States >= sys.states() {
			t.Fatalf("%v: %d states", o.Search, res.Stats.States)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("%v: took %v", o.Search, d)
		}
	}
	// Already cancelled: no work.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := explore.Run[cstate, int](ctx, counters{3, 3}, statestore.NewMemory(0), nil, explore.Options{}, nil)
	if err != nil || res.Verdict != explore.Incomplete || res.Incomplete != "interrupted" {
		t.Fatalf("cancelled context: %v %q %v", res.Verdict, res.Incomplete, err)
	}
}

func TestReplay(t *testing.T) {
	p := puzzle{2, 3}
	states, labels, err := explore.Replay(p, []uint32{0, 0, 1})
	if err != nil {
		t.Fatal(err)
	}
	// Solved: 1 2 3 / 4 5 _; up: 1 2 _ / 4 5 3; then down is index 0,
	// left index 1: 1 _ 2 / 4 5 3.
	if want := (pstate{1, 0, 2, 4, 5, 3}); len(states) != 3 || states[2] != want || !slices.Equal(labels, []string{"up", "left"}) {
		t.Fatalf("Replay: %v %v", states, labels)
	}
	for _, bad := range [][]uint32{{}, {1}, {0, 2}, {0, 0, 3}} {
		if _, _, err := explore.Replay(p, bad); !errors.Is(err, explore.ErrModelChanged) {
			t.Errorf("Replay(%v): %v, want ErrModelChanged", bad, err)
		}
	}
}

func TestStores(t *testing.T) {
	c := counters{5, 4} // 3125 states
	for _, tc := range []struct {
		name    string
		set     func() statestore.Set
		verdict explore.Verdict
		why     string
	}{
		{"exact", func() statestore.Set { return statestore.NewExact() }, explore.Pass, ""},
		{"bitstate", func() statestore.Set { return statestore.NewBitstate(1 << 24) }, explore.Incomplete, "bitstate"},
		{"plain", func() statestore.Set { return plainSet{statestore.NewMemory(0)} }, explore.Pass, ""},
	} {
		for _, w := range []int{1, 3} {
			res := runSet(t, c, tc.set(), nil, explore.Options{Workers: w})
			if res.Verdict != tc.verdict || res.Incomplete != tc.why || res.Stats.States != c.states() {
				t.Fatalf("%s workers %d: %v %q %d states", tc.name, w, res.Verdict, tc.why, res.Stats.States)
			}
		}
		res := runSet(t, c, tc.set(), nil, explore.Options{Search: explore.DFS})
		if res.Verdict != tc.verdict || res.Stats.States != c.states() {
			t.Fatalf("%s dfs: %v %d states", tc.name, res.Verdict, res.Stats.States)
		}
	}
	res := runSet(t, c, statestore.NewExact(), nil, explore.Options{})
	if res.Stats.Store != "exact" || res.Stats.CollisionProb != 0 {
		t.Fatalf("exact stats: %+v", res.Stats)
	}
	res = run(t, c, nil, explore.Options{})
	if res.Stats.Store != "memory" || res.Stats.CollisionProb <= 0 || res.Stats.StoreBytes == 0 {
		t.Fatalf("memory stats: %+v", res.Stats)
	}
}

// plainSet hides every optional interface of a set: the search must work
// with Insert alone.
type plainSet struct{ s *statestore.Memory }

func (p plainSet) Insert(fp statestore.Fingerprint) (bool, error) { return p.s.Insert(fp) }
func (p plainSet) Len() int64                                     { return p.s.Len() }
func (p plainSet) Close() error                                   { return p.s.Close() }

// fullSet fails with a disk-full error after n inserts.
type fullSet struct {
	plainSet
	n atomic.Int64
}

func (f *fullSet) Insert(fp statestore.Fingerprint) (bool, error) {
	if f.n.Add(-1) < 0 {
		return false, fmt.Errorf("write batch: %w", statestore.ErrDiskFull)
	}
	return f.plainSet.Insert(fp)
}

type failSet struct{ plainSet }

func (failSet) Insert(statestore.Fingerprint) (bool, error) { return false, errors.New("broken") }

func TestStoreErrors(t *testing.T) {
	for _, o := range []explore.Options{{Workers: 2}, {Search: explore.DFS}} {
		f := &fullSet{plainSet: plainSet{statestore.NewMemory(0)}}
		f.n.Store(500)
		res := runSet(t, counters{5, 4}, statestore.Set(f), nil, o)
		if res.Verdict != explore.Incomplete || res.Incomplete != "disk" {
			t.Fatalf("%v: %v %q", o.Search, res.Verdict, res.Incomplete)
		}
		_, err := explore.Run[cstate, int](context.Background(), counters{5, 4}, failSet{}, nil, o, nil)
		if err == nil {
			t.Fatalf("%v: failing store: no error", o.Search)
		}
	}
}

// TestExternalQueue runs BFS with the frontier and parent links in
// external stores (the in-memory ones), as the disk store does.
func TestExternalQueue(t *testing.T) {
	sys := philosophers{N: 5}
	// philosophers has no DecodeKey: an encoded frontier is refused.
	_, err := explore.Run[phstate, string](context.Background(), sys, statestore.NewMemory(0), nil,
		explore.Options{Queue: statestore.NewMemQueue()}, nil)
	if err == nil {
		t.Fatal("Queue without DecodeKey: no error")
	}
	p := puzzle{2, 3}
	for _, w := range []int{1, 2} {
		res := runSet(t, p, statestore.NewMemory(0), nil, explore.Options{
			Workers: w, Queue: statestore.NewMemQueue(), Parents: statestore.NewMemParentLog(),
		})
		if res.Verdict != explore.Pass || res.Stats.States != 360 || res.Stats.Transitions != 840 {
			t.Fatalf("workers %d: %v %d %d", w, res.Verdict, res.Stats.States, res.Stats.Transitions)
		}
	}
}

func TestPOR(t *testing.T) {
	c := porCounters{counters{4, 3}}
	res := run(t, c, nil, explore.Options{POR: true, Workers: 2})
	if res.Verdict != explore.Pass || res.Stats.States != 13 {
		t.Fatalf("POR: %v, %d states, want 13", res.Verdict, res.Stats.States)
	}
	res = run(t, c, nil, explore.Options{Workers: 2})
	if res.Stats.States != 256 {
		t.Fatalf("without POR: %d states, want 256", res.Stats.States)
	}
	// A reduced trace holds full-list indices: the last counter below K
	// is transition 3 of the initial state.
	for _, o := range []explore.Options{{POR: true}, {POR: true, Search: explore.DFS}} {
		res = run(t, c, []explore.Monitor[cstate, int]{sumBelow{Max: 2}}, o)
		if res.Verdict != explore.Violated || !slices.Equal(res.Violation.Path, []uint32{0, 3, 3}) {
			t.Fatalf("%v: %v %+v", o.Search, res.Verdict, res.Violation)
		}
		states, _, err := explore.Replay[cstate, int](c, res.Violation.Path)
		if err != nil || states[2] != (cstate{0, 0, 0, 2}) {
			t.Fatalf("replay: %v %v", states, err)
		}
	}
}

func TestRandom(t *testing.T) {
	sys := philosophers{N: 5}
	mons := []explore.Monitor[phstate, string]{deadlock[phstate, string]{}}
	res := run(t, sys, mons, explore.Options{Search: explore.Random, Walks: 50, WalkDepth: 100, Seed: 1})
	if res.Verdict != explore.Violated || res.Violation.Property != "deadlock" {
		t.Fatalf("random walks missed the deadlock: %v", res.Verdict)
	}
	states, _, err := explore.Replay(sys, res.Violation.Path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if states[len(states)-1][i] != 1 {
			t.Fatalf("random path ends in %v, not the deadlock", states[len(states)-1])
		}
	}
	// No violation: incomplete, with coverage, the same for the same seed.
	o := explore.Options{Search: explore.Random, Walks: 20, WalkDepth: 30, Seed: 7}
	a := run(t, counters{6, 9}, nil, o)
	b := run(t, counters{6, 9}, nil, o)
	if a.Verdict != explore.Incomplete || a.Incomplete != "random" || a.Stats.Walks != 20 {
		t.Fatalf("random: %v %q walks %d", a.Verdict, a.Incomplete, a.Stats.Walks)
	}
	// 20 walks of 30 steps from one initial state: at most 20*30+1 states.
	if a.Stats.States < 31 || a.Stats.States > 601 || a.Stats.States != b.Stats.States || a.Stats.Transitions != b.Stats.Transitions {
		t.Fatalf("random coverage: %d / %d states", a.Stats.States, b.Stats.States)
	}
}

type countReporter struct{ n atomic.Int64 }

func (c *countReporter) Progress(explore.Stats) { c.n.Add(1) }

func TestProgress(t *testing.T) {
	rep := &countReporter{}
	res, err := explore.Run[cstate, int](context.Background(), counters{8, 9}, statestore.NewMemory(0), nil,
		explore.Options{Workers: 2, TimeLimit: 2200 * time.Millisecond}, rep)
	if err != nil {
		t.Fatal(err)
	}
	if res.Incomplete != "time-limit" || rep.n.Load() < 1 || rep.n.Load() > 3 {
		t.Fatalf("%q, %d progress reports in 2.2 s", res.Incomplete, rep.n.Load())
	}
}

func TestVerdictStrings(t *testing.T) {
	for v, s := range map[explore.Verdict]string{explore.Pass: "pass", explore.Violated: "violation", explore.Incomplete: "incomplete"} {
		if v.String() != s {
			t.Errorf("%d: %q", v, v.String())
		}
	}
	var zero explore.Verdict
	if zero == explore.Pass {
		t.Error("the zero Verdict is Pass")
	}
}

func TestInitialDuplicates(t *testing.T) {
	res := run(t, dupInit{counters{2, 2}}, nil, explore.Options{Workers: 2})
	if res.Stats.States != 9 {
		t.Fatalf("%d states, want 9", res.Stats.States)
	}
	res = run(t, dupInit{counters{2, 2}}, []explore.Monitor[cstate, int]{sumBelow{Max: 1}}, explore.Options{Workers: 2})
	// Initial states: {0,0} twice, then {1,0}: the violating {1,0} is
	// initial state 2, at depth 0.
	if res.Verdict != explore.Violated || !slices.Equal(res.Violation.Path, []uint32{2}) {
		t.Fatalf("%v %+v", res.Verdict, res.Violation)
	}
}

type dupInit struct{ counters }

func (d dupInit) Initial() []cstate { return []cstate{{}, {}, {1, 0}} }

// boundedCounters cuts counters at states whose first counter reached
// Cut: a model bound (Truncater).
type boundedCounters struct {
	counters
	Cut uint8
}

func (b boundedCounters) Truncated(s cstate) (string, bool) {
	if s[0] >= b.Cut {
		return fmt.Sprintf("counter 0 reached %d", s[0]), true
	}
	return "", false
}

// TestTruncated checks that states cut by a model bound are counted and
// checked but not expanded, that the verdict is incomplete with the bound's
// reason, and that a violation still wins.
func TestTruncated(t *testing.T) {
	sys := boundedCounters{counters{N: 2, K: 3}, 2}
	// Counter 0 in 0..2 (2 cut), counter 1 in 0..3: 3*4 = 12 states, and
	// states with counter 0 = 2 have no successors explored.
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			res := run[cstate, int](t, sys, nil, m.opt)
			if res.Verdict != explore.Incomplete || res.Incomplete != "bound: counter 0 reached 2" {
				t.Fatalf("verdict %v %q, want incomplete bound", res.Verdict, res.Incomplete)
			}
			if res.Stats.States != 12 {
				t.Errorf("%d states, want 12", res.Stats.States)
			}
		})
	}
	// Every uncut state has a successor (counter 0 can still grow), and the
	// cut ones have none explored: a Stuck monitor that fails on every state
	// it is asked about must never be asked.
	res := run[cstate, int](t, sys, []explore.Monitor[cstate, int]{stuckMon{}}, explore.Options{Workers: 1})
	if res.Verdict != explore.Incomplete {
		t.Fatalf("verdict %v, want incomplete: cut states were judged as stuck", res.Verdict)
	}
	// Without the cut, (2,3) and (3,3)... are reached and (3,3) is stuck.
	res = run[cstate, int](t, sys.counters, []explore.Monitor[cstate, int]{stuckMon{}}, explore.Options{Workers: 1})
	if res.Verdict != explore.Violated {
		t.Fatalf("verdict %v, want the stuck state (3,3) found", res.Verdict)
	}
}

type stuckMon struct{}

func (stuckMon) Name() string                             { return "stuck" }
func (stuckMon) Check(cstate, int, cstate) (bool, string) { return true, "" }
func (stuckMon) Stuck(s cstate) (bool, string)            { return false, fmt.Sprint("stuck at ", s[:2]) }

// refusedCounters refuses the states whose first counter reached Cut (a
// call the model makes of something its semantics lacks, say): they are
// also cut, as a system must do (Refuser).
type refusedCounters struct{ boundedCounters }

func (r refusedCounters) Unsupported(s cstate) (string, bool) {
	if s[0] >= r.Cut {
		return fmt.Sprintf("counter 0 reached %d, which is not modelled", s[0]), true
	}
	return "", false
}

// TestUnsupported checks that the first refused state ends the search with
// the verdict unsupported and the path to it, never pass or incomplete,
// and that a violation found on a shorter path wins.
func TestUnsupported(t *testing.T) {
	sys := refusedCounters{boundedCounters{counters{N: 2, K: 3}, 2}}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			res := run[cstate, int](t, sys, nil, m.opt)
			if res.Verdict != explore.Unsupported || res.Violation == nil || res.Violation.Msg != "counter 0 reached 2, which is not modelled" {
				t.Fatalf("verdict %v %+v, want unsupported", res.Verdict, res.Violation)
			}
			if res.Violation.Property != "" || res.Violation.Transition {
				t.Errorf("%+v: want a state with no property", res.Violation)
			}
			states, _, err := explore.Replay[cstate, int](sys, res.Violation.Path)
			if err != nil {
				t.Fatal(err)
			}
			if last := states[len(states)-1]; last[0] != 2 {
				t.Errorf("path ends at %v, want a refused state", last[:2])
			}
			if m.opt.Search == explore.BFS && !slices.Equal(res.Violation.Path, []uint32{0, 0, 0}) {
				t.Errorf("path %v, want the shortest [0 0 0]", res.Violation.Path)
			}
		})
	}
	// A violation one step from the start is found before the refused
	// state two steps away.
	res := run(t, sys, []explore.Monitor[cstate, int]{sumBelow{Max: 1}}, explore.Options{Workers: 1})
	if res.Verdict != explore.Violated {
		t.Fatalf("verdict %v, want the violation first", res.Verdict)
	}
	if explore.Unsupported.String() != "unsupported" {
		t.Errorf("Unsupported.String() = %q", explore.Unsupported.String())
	}
}
