package explore

import (
	"context"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mcgo-dev/mcgo/statestore"
)

// Stop reasons, in the order in which they win when several happen.
const (
	stopNone int32 = iota
	stopInterrupted
	stopTime
	stopMemory
)

var stopNames = [...]string{stopInterrupted: "interrupted", stopTime: "time-limit", stopMemory: "memory"}

// runner is what every strategy shares: the system, the store and its
// optional capabilities, the monitors, the limits watched from a separate
// goroutine, and the counters that progress reports read.
type runner[S, L any] struct {
	sys      System[S, L]
	set      statestore.Set
	exact    statestore.ExactSet
	batch    statestore.BatchInserter
	describe statestore.Describer
	info     statestore.Info
	reducer  Reducer[S, L]
	trunc    Truncater[S]
	refuser  Refuser[S]
	mons     []Monitor[S, L]
	checkers []StateChecker[S] // checkers[i] belongs to mons[i]; nil if none
	opt      Options
	rep      Reporter
	start    time.Time

	stop   atomic.Int32
	states atomic.Int64
	// resumedStates are the states a resumed search had found before
	// this run: the rate counts only the states found since.
	resumedStates int64
	transitions   atomic.Int64
	depth         atomic.Int64
	queue         atomic.Int64
	walks         atomic.Int64

	boundMu sync.Mutex
	bound   string // the smallest description of a model bound reached

	done      chan struct{}
	watchDone sync.WaitGroup
	stopCtx   func() bool
	stopTimer *time.Timer
}

func newRunner[S, L any](ctx context.Context, sys System[S, L], set statestore.Set, mons []Monitor[S, L], opt Options, rep Reporter) *runner[S, L] {
	r := &runner[S, L]{sys: sys, set: set, mons: mons, opt: opt, rep: rep, start: time.Now(), done: make(chan struct{})}
	r.exact, _ = set.(statestore.ExactSet)
	r.batch, _ = set.(statestore.BatchInserter)
	if d, ok := set.(statestore.Describer); ok {
		r.describe = d
		r.info = d.Describe()
	}
	if opt.POR {
		r.reducer, _ = sys.(Reducer[S, L])
	}
	r.trunc, _ = sys.(Truncater[S])
	r.refuser, _ = sys.(Refuser[S])
	r.checkers = make([]StateChecker[S], len(mons))
	for i, m := range mons {
		r.checkers[i], _ = m.(StateChecker[S])
	}
	r.stopCtx = context.AfterFunc(ctx, func() { r.halt(stopInterrupted) })
	if ctx.Err() != nil {
		r.halt(stopInterrupted)
	}
	if opt.TimeLimit > 0 {
		r.stopTimer = time.AfterFunc(opt.TimeLimit, func() { r.halt(stopTime) })
	}
	r.watchDone.Add(1)
	go r.watch()
	return r
}

// halt asks every loop to stop for reason; the first reason stays.
func (r *runner[S, L]) halt(reason int32) { r.stop.CompareAndSwap(stopNone, reason) }

func (r *runner[S, L]) stopped() bool { return r.stop.Load() != stopNone }

func (r *runner[S, L]) stopReason() string { return stopNames[r.stop.Load()] }

// watch checks the memory bound every 100 ms and reports progress about
// once a second, until the search ends. Reading runtime/metrics costs a few
// microseconds, so this is negligible next to the search.
func (r *runner[S, L]) watch() {
	defer r.watchDone.Done()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	last := time.Now()
	for {
		select {
		case <-r.done:
			return
		case now := <-tick.C:
			if r.opt.MaxMemory > 0 && memBytes() > r.opt.MaxMemory {
				r.halt(stopMemory)
			}
			if r.rep != nil && now.Sub(last) >= time.Second {
				last = now
				r.rep.Progress(r.snapshot())
			}
		}
	}
}

func (r *runner[S, L]) finish() {
	close(r.done)
	r.watchDone.Wait()
	r.stopCtx()
	if r.stopTimer != nil {
		r.stopTimer.Stop()
	}
}

var memSamples = []metrics.Sample{
	{Name: "/memory/classes/total:bytes"},
	{Name: "/memory/classes/heap/released:bytes"},
}

var memMu sync.Mutex

// memBytes returns the Go runtime's footprint: all memory mapped by the
// runtime minus what it has returned to the OS.
func memBytes() uint64 {
	memMu.Lock()
	defer memMu.Unlock()
	metrics.Read(memSamples)
	total, released := memSamples[0].Value, memSamples[1].Value
	if total.Kind() != metrics.KindUint64 || released.Kind() != metrics.KindUint64 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.Sys - ms.HeapReleased
	}
	return total.Uint64() - released.Uint64()
}

func (r *runner[S, L]) snapshot() Stats {
	st := Stats{
		States:      r.states.Load(),
		Transitions: r.transitions.Load(),
		Depth:       int(r.depth.Load()),
		Queue:       r.queue.Load(),
		Elapsed:     time.Since(r.start),
		MemBytes:    memBytes(),
		Walks:       r.walks.Load(),
	}
	st.ResumedStates = r.resumedStates
	if sec := st.Elapsed.Seconds(); sec > 0 {
		st.StatesPerSec = float64(st.States-r.resumedStates) / sec
	}
	if st.States > 0 {
		st.BytesPerState = float64(st.MemBytes) / float64(st.States)
	}
	if r.describe != nil {
		info := r.describe.Describe()
		st.Store, st.StoreBytes, st.CollisionProb = info.Kind, info.Bytes, info.CollisionProb
	}
	return st
}

// violation is a found violation before its path is rebuilt: where it is
// (BFS: level and rank; DFS and Random keep the path beside it) and what.
type violation struct {
	key vkey
	mon int
	msg string
}

// vkey orders the violations found in one BFS level: shorter paths first,
// then lexicographically smaller ones (which is rank order, then successor
// index), then the kind of check and the monitor's position.
type vkey struct {
	plen int    // path length (number of indices)
	rank uint64 // rank of the state (or of the transition's source)
	idx  int64  // successor index, -1 for state checks
	sub  int    // kind*len(mons) + monitor
}

func (a vkey) less(b vkey) bool {
	if a.plen != b.plen {
		return a.plen < b.plen
	}
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	if a.idx != b.idx {
		return a.idx < b.idx
	}
	return a.sub < b.sub
}

// Kinds of checks, in the order in which they are reported when several
// fail on the same path.
const (
	kindState = iota
	kindStuck
	kindTransition
)

// checkState runs every CheckState on s; it returns the first monitor that
// fails, or -1. A state the system refuses ([Refuser]) is reported first,
// as the monitor len(r.mons), which violationResult turns into the verdict
// Unsupported.
func (r *runner[S, L]) checkState(s S) (int, string) {
	if r.refuser != nil {
		if reason, refused := r.refuser.Unsupported(s); refused {
			return len(r.mons), reason
		}
	}
	for i, c := range r.checkers {
		if c == nil {
			continue
		}
		if ok, msg := c.CheckState(s); !ok {
			return i, msg
		}
	}
	return -1, ""
}

func (r *runner[S, L]) checkStuck(s S) (int, string) {
	for i, m := range r.mons {
		if ok, msg := m.Stuck(s); !ok {
			return i, msg
		}
	}
	return -1, ""
}

func (r *runner[S, L]) checkTransition(from S, label L, to S) (int, string) {
	for i, m := range r.mons {
		if ok, msg := m.Check(from, label, to); !ok {
			return i, msg
		}
	}
	return -1, ""
}

// truncated reports whether s is cut by a model bound, and records the
// bound.
func (r *runner[S, L]) truncated(s S) bool {
	if r.trunc == nil {
		return false
	}
	reason, cut := r.trunc.Truncated(s)
	if !cut {
		return false
	}
	r.boundMu.Lock()
	if r.bound == "" || reason < r.bound {
		r.bound = reason
	}
	r.boundMu.Unlock()
	return true
}

func (r *runner[S, L]) boundReason() string {
	r.boundMu.Lock()
	defer r.boundMu.Unlock()
	return r.bound
}

// insertOne records one state found by a sequential search (DFS, Random).
func (r *runner[S, L]) insertOne(key []byte) (bool, error) {
	if r.exact != nil {
		return r.exact.InsertKey(key)
	}
	return r.set.Insert(statestore.Hash(key))
}

func (r *runner[S, L]) violationResult(v *violation, path []uint32) Result {
	if v.mon == len(r.mons) {
		return Result{Verdict: Unsupported, Violation: &Violation{Msg: v.msg, Path: path}}
	}
	return Result{
		Verdict: Violated,
		Violation: &Violation{
			Property:   r.mons[v.mon].Name(),
			Msg:        v.msg,
			Path:       path,
			Transition: v.key.idx >= 0,
		},
	}
}
