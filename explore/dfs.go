package explore

import (
	"fmt"
	"slices"

	"github.com/mcgo-dev/mcgo/statestore"
)

// dfsEntry is a state waiting on the DFS stack: its depth and its position
// among its parent's successors (or among the initial states).
type dfsEntry[S any] struct {
	s     S
	depth int
	idx   uint32
}

// dfs is an iterative depth-first search with an explicit stack. A state is
// inserted into the visited set when it is pushed, so the stack holds each
// state at most once; the path to the state being expanded is kept in one
// slice indexed by depth, so a counterexample costs nothing to rebuild.
type dfs[S, L any] struct {
	r      *runner[S, L]
	stack  []dfsEntry[S]
	path   []uint32
	from   S
	depth  int
	idx    int
	count  int
	keybuf []byte
	err    error
	found  *violation
	cut    string
}

func runDFS[S, L any](r *runner[S, L]) (Result, error) {
	d := &dfs[S, L]{r: r}
	yield := func(label L, next S) bool {
		i := d.idx
		d.idx++
		return d.add(i, label, next)
	}
	yieldIdx := func(i int, label L, next S) bool { return d.add(i, label, next) }

	init := r.sys.Initial()
	for i, s := range init {
		d.keybuf = r.sys.AppendKey(d.keybuf[:0], s)
		if !d.fresh(d.keybuf) {
			if d.err != nil {
				return Result{}, d.err
			}
			if d.cut != "" {
				return Result{Verdict: Incomplete, Incomplete: d.cut}, nil
			}
			continue
		}
		d.stack = append(d.stack, dfsEntry[S]{s: s, depth: 0, idx: uint32(i)})
	}
	slices.Reverse(d.stack) // initial state 0 on top
	truncated := false
	nmon := len(r.mons)
	for len(d.stack) > 0 {
		if r.stopped() {
			return Result{Verdict: Incomplete, Incomplete: r.stopReason()}, nil
		}
		e := d.stack[len(d.stack)-1]
		var zero dfsEntry[S]
		d.stack[len(d.stack)-1] = zero
		d.stack = d.stack[:len(d.stack)-1]
		r.queue.Store(int64(len(d.stack)))
		d.path = append(d.path[:e.depth], e.idx)
		if int64(e.depth) > r.depth.Load() {
			r.depth.Store(int64(e.depth))
		}
		if m, msg := r.checkState(e.s); m >= 0 {
			return d.result(&violation{key: vkey{idx: -1, sub: kindState*nmon + m}, mon: m, msg: msg})
		}
		if r.opt.MaxDepth > 0 && e.depth >= r.opt.MaxDepth {
			truncated = true
			continue
		}
		if r.truncated(e.s) {
			continue
		}
		d.from, d.depth, d.idx, d.count = e.s, e.depth, 0, 0
		mark := len(d.stack)
		if r.reducer != nil {
			r.reducer.ReducedSuccessors(e.s, yieldIdx)
		} else {
			r.sys.Successors(e.s, yield)
		}
		switch {
		case d.err != nil:
			return Result{}, d.err
		case d.found != nil:
			return d.result(d.found)
		case d.cut != "":
			return Result{Verdict: Incomplete, Incomplete: d.cut}, nil
		}
		if d.count == 0 {
			if m, msg := r.checkStuck(e.s); m >= 0 {
				return d.result(&violation{key: vkey{idx: -1, sub: kindStuck*nmon + m}, mon: m, msg: msg})
			}
		}
		slices.Reverse(d.stack[mark:]) // successor 0 on top
	}
	if truncated {
		return Result{Verdict: Incomplete, Incomplete: "max-depth"}, nil
	}
	return Result{Verdict: Pass}, nil
}

// fresh inserts a state key and counts it; false also when the state bound
// is hit (d.cut) or the store fails (d.err).
func (d *dfs[S, L]) fresh(key []byte) bool {
	r := d.r
	f, err := r.insertOne(key)
	if err != nil {
		d.err = fmt.Errorf("explore: insert: %w", err)
		return false
	}
	if !f {
		return false
	}
	if r.opt.MaxStates > 0 && r.states.Load() >= r.opt.MaxStates {
		d.cut = "max-states"
		return false
	}
	r.states.Add(1)
	return true
}

func (d *dfs[S, L]) add(i int, label L, next S) bool {
	r := d.r
	d.count++
	r.transitions.Add(1)
	if i < 0 || i > statestore.MaxLinkIndex {
		d.err = fmt.Errorf("explore: successor index %d out of range 0..%d", i, statestore.MaxLinkIndex)
		return false
	}
	if m, msg := r.checkTransition(d.from, label, next); m >= 0 {
		d.found = &violation{key: vkey{idx: int64(i), sub: kindTransition*len(r.mons) + m}, mon: m, msg: msg}
		return false
	}
	d.keybuf = r.sys.AppendKey(d.keybuf[:0], next)
	if d.fresh(d.keybuf) {
		d.stack = append(d.stack, dfsEntry[S]{s: next, depth: d.depth + 1, idx: uint32(i)})
	}
	return d.err == nil && d.cut == "" && !r.stopped()
}

func (d *dfs[S, L]) result(v *violation) (Result, error) {
	path := slices.Clone(d.path)
	if v.key.idx >= 0 {
		path = append(path, uint32(v.key.idx))
	}
	return d.r.violationResult(v, path), nil
}
