package explore

import (
	"fmt"
	"math/rand/v2"
)

// Defaults of random walks.
const (
	defaultWalks     = 100
	defaultWalkDepth = 1000
)

// runRandom runs seeded random walks: from a random initial state, each
// step takes a uniformly random transition. Every transition of a visited
// state is judged by the monitors, not only the one taken, and states are
// inserted into the set to count how many distinct ones the walks touched
// (and to check each invariant once per state). Walks never prove a
// property: without a violation the verdict is Incomplete "random".
func runRandom[S, L any](r *runner[S, L]) (Result, error) {
	walks, depth := r.opt.Walks, r.opt.WalkDepth
	if walks <= 0 {
		walks = defaultWalks
	}
	if depth <= 0 {
		depth = defaultWalkDepth
	}
	init := r.sys.Initial()
	if len(init) == 0 {
		return Result{Verdict: Pass}, nil
	}
	var (
		src    rand.PCG
		rng    = rand.New(&src)
		path   []uint32
		labels []L
		succs  []S
		idxs   []int
		keybuf []byte
		from   S
	)
	nmon := len(r.mons)
	var found *violation
	collect := func(i int, label L, next S) bool {
		if m, msg := r.checkTransition(from, label, next); m >= 0 && found == nil {
			found = &violation{key: vkey{idx: int64(i), sub: kindTransition*nmon + m}, mon: m, msg: msg}
			return false
		}
		labels, succs, idxs = append(labels, label), append(succs, next), append(idxs, i)
		return true
	}
	plain := func(label L, next S) bool { return collect(len(succs), label, next) }
	for w := 0; w < walks; w++ {
		src.Seed(r.opt.Seed, uint64(w))
		i := rng.IntN(len(init))
		s := init[i]
		path = append(path[:0], uint32(i))
		for step := 0; ; step++ {
			if r.stopped() {
				return Result{Verdict: Incomplete, Incomplete: r.stopReason()}, nil
			}
			keybuf = r.sys.AppendKey(keybuf[:0], s)
			fresh, err := r.insertOne(keybuf)
			if err != nil {
				return Result{}, fmt.Errorf("explore: insert: %w", err)
			}
			if fresh {
				r.states.Add(1)
				if m, msg := r.checkState(s); m >= 0 {
					return r.violationResult(&violation{key: vkey{idx: -1}, mon: m, msg: msg}, path), nil
				}
			}
			if int64(step) > r.depth.Load() {
				r.depth.Store(int64(step))
			}
			if step == depth || r.truncated(s) {
				break
			}
			from = s
			clear(succs)
			labels, succs, idxs = labels[:0], succs[:0], idxs[:0]
			if r.reducer != nil {
				r.reducer.ReducedSuccessors(s, collect)
			} else {
				r.sys.Successors(s, plain)
			}
			r.transitions.Add(int64(len(succs)))
			if found != nil {
				return r.violationResult(found, append(path, uint32(found.key.idx))), nil
			}
			if len(succs) == 0 {
				if m, msg := r.checkStuck(s); m >= 0 {
					return r.violationResult(&violation{key: vkey{idx: -1}, mon: m, msg: msg}, path), nil
				}
				break
			}
			k := rng.IntN(len(succs))
			s = succs[k]
			path = append(path, uint32(idxs[k]))
		}
		r.walks.Add(1)
	}
	return Result{Verdict: Incomplete, Incomplete: "random"}, nil
}
