package explore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mcgo-dev/mcgo/statestore"
)

// System is a transition system.
//
// Successors must be deterministic: the same state always yields the same
// transitions in the same order, because a counterexample is stored as the
// list of successor positions ([Violation.Path]) and replayed later
// ([Replay]); the order is also what makes parallel search reproducible.
// Successors stops when yield returns false.
//
// AppendKey appends the canonical encoding of s to dst: two states are equal
// exactly when their encodings are byte-equal. The visited set knows states
// only through this encoding (or its fingerprint), so anything a property
// must remember has to be part of it.
type System[S, L any] interface {
	Initial() []S
	Successors(s S, yield func(label L, next S) bool)
	AppendKey(dst []byte, s S) []byte
}

// Decoder is optional on a [System]: the inverse of AppendKey. When the
// system has it, the frontier of a breadth-first search can be kept as
// encoded bytes, in pointer-free arenas the garbage collector does not scan,
// or on disk ([Options.Queue]).
type Decoder[S any] interface {
	DecodeKey(key []byte) (S, error)
}

// Reducer is optional on a [System]: a partial-order reduction.
// ReducedSuccessors yields a subset (an ample set) of the transitions of s,
// each with its position in the full order of Successors, so that traces
// stay indices into the full list and [Replay] needs no reduction. It is used
// only when [Options.POR] is true; it must yield nothing exactly when s has
// no successors, so that deadlocks are still seen.
type Reducer[S, L any] interface {
	ReducedSuccessors(s S, yield func(index int, label L, next S) bool)
}

// TransientSystem is optional on a [System]: SuccessorsTransient is
// Successors for a caller that keeps nothing of a successor or its label
// once yield returns, so that the system may build each successor in
// memory it reuses for the next. A breadth-first search with an encoded
// frontier uses it: it only judges, encodes and fingerprints a successor
// during the call. DFS and random walks, which keep states, do not.
type TransientSystem[S, L any] interface {
	SuccessorsTransient(s S, yield func(label L, next S) bool)
}

// ReusingDecoder is optional on a [Decoder]: DecodeKeyReusing may build the
// state in memory it keeps in *mem (opaque to the caller, nil at first)
// and reuses at the next call with the same mem, so the state is valid
// until then. The state may also refer to the bytes of key: the caller
// leaves them unchanged while it uses the state and its successors. BFS
// decodes each parent it expands this way, one mem per worker, from the
// segment's keys, which do not change until the segment is done: it keeps
// nothing of a parent once its successors are encoded.
type ReusingDecoder[S any] interface {
	DecodeKeyReusing(key []byte, mem *any) (S, error)
}

// TransientReducer is [TransientSystem] for a [Reducer].
type TransientReducer[S, L any] interface {
	ReducedSuccessorsTransient(s S, yield func(index int, label L, next S) bool)
}

// Truncater is optional on a [System]: it marks the states where the model
// reached one of its own bounds (a mailbox or process limit, say). Such a
// state is counted and checked like any other but not expanded, and is not
// judged by Stuck; a search that reaches one and finds no violation is
// [Incomplete] with reason "bound: " and the bound's description (the
// smallest description found, so that the reason does not depend on the
// number of workers).
type Truncater[S any] interface {
	Truncated(s S) (reason string, cut bool)
}

// Refuser is optional on a [System]: it marks the states that the system
// reached but cannot model (a call of something its semantics lacks). The
// search ends at the first such state it checks, like a violation: the
// verdict is [Unsupported] and [Result.Violation] holds the path to the
// state, with an empty Property and the system's reason as Msg. Such a
// state should also be [Truncater.Truncated], so that it is not expanded
// when a violation elsewhere is reported first.
type Refuser[S any] interface {
	Unsupported(s S) (reason string, refused bool)
}

// Monitor judges a search. It is stateless: anything it needs to remember
// lives in the state (so the state's key covers it; otherwise visited-state
// pruning would hide violations). A monitor must not retain the states it is
// given, and it may be called from several goroutines at once.
type Monitor[S, L any] interface {
	// Name is the property's flag-safe id: "no_loss", "deadlock", ...
	Name() string
	// Check judges one explored transition, including transitions into
	// states already seen; ok=false is a violation described by msg.
	Check(from S, label L, to S) (ok bool, msg string)
	// Stuck judges a state without successors (deadlock, undelivered
	// messages).
	Stuck(s S) (ok bool, msg string)
}

// StateChecker is optional on a [Monitor]: an invariant checked once on
// every fresh state, initial states included.
type StateChecker[S any] interface {
	CheckState(s S) (ok bool, msg string)
}

// Verdict is the outcome of a search. The zero value is not a verdict, so
// a Result that was never filled in cannot be mistaken for a pass.
type Verdict int

// The verdicts: a property was violated; none was and the search covered
// every reachable state; none was but the search was cut short or could
// not be exhaustive (see [Result.Incomplete]); the search reached a state
// that the system cannot model ([Refuser]) before any violation.
const (
	Pass Verdict = iota + 1
	Violated
	Incomplete
	Unsupported
)

// String returns "pass", "violation", "incomplete" or "unsupported".
func (v Verdict) String() string {
	switch v {
	case Pass:
		return "pass"
	case Violated:
		return "violation"
	case Incomplete:
		return "incomplete"
	case Unsupported:
		return "unsupported"
	}
	return fmt.Sprintf("verdict(%d)", int(v))
}

// Violation is a counterexample: the property, its message, and the path to
// it. The path is data, not states, so it can be stored and replayed with
// [Replay] against the same model.
type Violation struct {
	// Property is the Name of the violated monitor.
	Property string
	// Msg is the monitor's description of the violation.
	Msg string
	// Path holds successor indices into the FULL successor list of each
	// state, starting from Initial()[Path[0]]. A violated state check
	// (CheckState, Stuck) ends at the state; a violated transition check
	// has the transition's index last.
	Path []uint32
	// Transition is true when the violation is of Check: the last index of
	// Path is the judged transition.
	Transition bool
}

// Result is what a search found.
type Result struct {
	Verdict Verdict
	// Violation is the reported violation; nil unless Verdict is Violated
	// or Unsupported (then it is the path to the refused state, see
	// [Refuser]).
	// Which one is reported is deterministic for BFS (see the package
	// documentation).
	Violation *Violation
	// Incomplete says why a search was incomplete: "max-states",
	// "max-depth", "time-limit", "memory", "interrupted", "disk",
	// "bitstate", "random". Empty unless Verdict is Incomplete.
	Incomplete string
	Stats      Stats
}

// Stats are the figures of a search, reported as it goes and at its end.
type Stats struct {
	// States is the number of distinct states found (for Random: touched).
	States int64
	// Transitions is the number of transitions explored, including those
	// into states seen before.
	Transitions int64
	// Depth is the deepest level reached (BFS: the level being expanded;
	// DFS: the deepest stack; Random: the longest walk).
	Depth int
	// Queue is the number of states waiting to be expanded.
	Queue   int64
	Elapsed time.Duration
	// StatesPerSec is the rate of this run: after a resume, the states
	// found since the resume (States - ResumedStates) over Elapsed.
	StatesPerSec float64
	// ResumedStates are the states a resumed search had found before it
	// was resumed (0 for a search that was not).
	ResumedStates int64
	// BytesPerState is MemBytes divided by States: what a state costs the
	// whole process, not only the visited set.
	BytesPerState float64
	// MemBytes is the Go runtime's memory footprint (mapped minus
	// released); memory mapped by a disk store outside the Go heap is not
	// included.
	MemBytes uint64
	// Store is the visited set's kind ("memory", "exact", "bitstate",
	// "disk"), StoreBytes its memory.
	Store      string
	StoreBytes uint64
	// CollisionProb estimates the probability that states were merged by a
	// fingerprint collision (or, for bitstate, that a new state was
	// skipped): see [statestore.Info].
	CollisionProb float64
	// Walks is the number of random walks completed.
	Walks int64
}

// Reporter receives progress while a search runs.
type Reporter interface {
	// Progress is called at most about once a second, always from the
	// same goroutine.
	Progress(Stats)
}

// Strategy chooses the search.
type Strategy int

// The strategies. BFS finds shortest counterexamples and runs in parallel
// deterministically; DFS needs memory only for its stack besides the visited
// set; Random samples seeded random walks (fast, never exhaustive).
const (
	BFS Strategy = iota
	DFS
	Random
)

// String returns "bfs", "dfs" or "random".
func (s Strategy) String() string {
	switch s {
	case BFS:
		return "bfs"
	case DFS:
		return "dfs"
	case Random:
		return "random"
	}
	return fmt.Sprintf("strategy(%d)", int(s))
}

// FrontierKind chooses how a breadth-first search keeps the states waiting
// to be expanded.
type FrontierKind int

// FrontierAuto keeps encoded states when the system is a [Decoder] and
// state values otherwise. FrontierValues keeps the values (no decoding, but
// the garbage collector scans them). FrontierEncoded keeps encodings in
// chunked pointer-free arenas, or in [Options.Queue]; it needs a Decoder.
const (
	FrontierAuto FrontierKind = iota
	FrontierValues
	FrontierEncoded
)

// Options configure [Run]. The zero value is a single-pass BFS over all
// cores with no limits.
type Options struct {
	// Search is the strategy (BFS by default).
	Search Strategy
	// Workers is the number of parallel BFS workers; <= 0 means
	// runtime.NumCPU(). DFS and Random use one goroutine.
	Workers int

	// MaxDepth bounds the path length: states at depth MaxDepth are
	// checked but not expanded, and reaching them makes the search
	// incomplete. 0 means no bound.
	MaxDepth int
	// MaxStates bounds the number of distinct states: finding one more
	// makes the search incomplete. 0 means no bound.
	MaxStates int64
	// TimeLimit bounds the wall-clock time. 0 means no bound.
	TimeLimit time.Duration
	// MaxMemory bounds the Go runtime's footprint ([Stats.MemBytes]),
	// checked every 100 ms. 0 means no bound (the CLI defaults to 3/4 of
	// the RAM).
	MaxMemory uint64

	// Walks is the number of random walks (default 100), WalkDepth the
	// length of each (default 1000), Seed the seed of the first walk; walk
	// i is seeded by (Seed, i), so one walk can be rerun alone.
	Walks     int
	WalkDepth int
	Seed      uint64

	// POR enables the system's partial-order reduction ([Reducer]).
	POR bool

	// Frontier chooses how BFS keeps its frontier.
	Frontier FrontierKind
	// Queue, when not nil, holds the BFS frontier (encoded states), for
	// example on disk. It needs a [Decoder].
	Queue statestore.Queue
	// Parents, when not nil, holds the BFS parent links, for example on
	// disk; by default they are kept in memory (8 bytes a state).
	Parents statestore.ParentLog

	_ struct{}
}

// ErrModelChanged is wrapped by [Replay] errors when a path does not fit the
// system: it was found on a different model or options.
var ErrModelChanged = errors.New("path does not fit the model")

// Run searches sys for violations of the monitors, recording visited states
// in set. It returns a Result for every outcome of the search, including
// violations and hit limits; the error is for tool failures only (a store
// that fails, a system whose states do not decode). Cancelling ctx stops the
// search promptly with Incomplete "interrupted" and the figures so far.
func Run[S, L any](ctx context.Context, sys System[S, L], set statestore.Set, mons []Monitor[S, L], opt Options, rep Reporter) (Result, error) {
	if set == nil {
		return Result{}, errors.New("explore: nil visited set")
	}
	r := newRunner(ctx, sys, set, mons, opt, rep)
	defer r.finish()
	var res Result
	var err error
	switch opt.Search {
	case BFS:
		res, err = runBFS(r)
	case DFS:
		res, err = runDFS(r)
	case Random:
		res, err = runRandom(r)
	default:
		return Result{}, fmt.Errorf("explore: unknown search strategy %d", int(opt.Search))
	}
	res.Stats = r.snapshot()
	if err != nil && errors.Is(err, statestore.ErrDiskFull) {
		res.Verdict, res.Violation, res.Incomplete, err = Incomplete, nil, "disk", nil
	}
	if err != nil {
		return res, err
	}
	if res.Verdict == Pass {
		if inc := r.info.Incomplete; inc != "" {
			res.Verdict, res.Incomplete = Incomplete, inc
		} else if b := r.boundReason(); b != "" {
			res.Verdict, res.Incomplete = Incomplete, "bound: "+b
		}
	}
	return res, nil
}

// Replay rebuilds the states and labels along path from the system's
// initial states: states has one more element than labels (the states
// before and after each transition). It fails with [ErrModelChanged] when an
// index is out of range.
func Replay[S, L any](sys System[S, L], path []uint32) (states []S, labels []L, err error) {
	if len(path) == 0 {
		return nil, nil, fmt.Errorf("replay: empty path: %w", ErrModelChanged)
	}
	init := sys.Initial()
	if int(path[0]) >= len(init) {
		return nil, nil, fmt.Errorf("replay: initial state %d of %d: %w", path[0], len(init), ErrModelChanged)
	}
	s := init[path[0]]
	states = append(states, s)
	for step, want := range path[1:] {
		var (
			i      uint32
			found  bool
			nextS  S
			nextL  L
			nsuccs uint32
		)
		sys.Successors(s, func(l L, n S) bool {
			if i == want {
				nextS, nextL, found = n, l, true
				return false
			}
			i++
			return true
		})
		nsuccs = i
		if !found {
			return states, labels, fmt.Errorf("replay: step %d: transition %d of %d: %w", step+1, want, nsuccs, ErrModelChanged)
		}
		s = nextS
		states = append(states, s)
		labels = append(labels, nextL)
	}
	return states, labels, nil
}
