package explore_test

import (
	"errors"
	"fmt"
)

// Toy systems with exactly known state spaces. Their states are small value
// types, so the systems do not allocate and benchmarks measure the
// explorer.

// counters is N independent counters, each 0..K: (K+1)^N states, and
// N·K·(K+1)^(N-1) transitions (each state increments any counter below K).
// Transition j of a state increments the j-th counter below K, so indices
// are positions among enabled transitions, as in a real model.
type counters struct{ N, K int }

type cstate [8]uint8

func (c counters) Initial() []cstate { return []cstate{{}} }

func (c counters) Successors(s cstate, yield func(int, cstate) bool) {
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
		return s, fmt.Errorf("counters: key of %d bytes, want %d", len(key), c.N)
	}
	copy(s[:], key)
	return s, nil
}

func pow(b, e int) int64 {
	n := int64(1)
	for ; e > 0; e-- {
		n *= int64(b)
	}
	return n
}

func (c counters) states() int64      { return pow(c.K+1, c.N) }
func (c counters) transitions() int64 { return int64(c.N*c.K) * pow(c.K+1, c.N-1) }

// porCounters adds a reduction to counters: only the last counter below K
// moves. It is a valid ample set for reaching the final state (the
// counters are independent), visits N·K+1 states, and its indices are
// positions in the full successor list, which Replay checks.
type porCounters struct{ counters }

func (c porCounters) ReducedSuccessors(s cstate, yield func(int, int, cstate) bool) {
	i := 0
	last, lastIdx := -1, -1
	for j := 0; j < c.N; j++ {
		if int(s[j]) < c.K {
			last, lastIdx = j, i
			i++
		}
	}
	if last >= 0 {
		t := s
		t[last]++
		yield(lastIdx, last, t)
	}
}

// puzzle is the R×C sliding puzzle from the solved position; the blank
// moves up, down, left, right, in that order. Half the permutations are
// reachable: 360 states and 840 transitions for 2×3, 181,440 and 483,840
// for 3×3 (the 8-puzzle, whose BFS depth is 31).
type puzzle struct{ R, C int }

type pstate [9]uint8

var moves = [4][2]int{{-1, 0}, {1, 0}, {0, -1}, {0, 1}}

func (p puzzle) Initial() []pstate {
	var s pstate
	for i := 0; i < p.R*p.C-1; i++ {
		s[i] = uint8(i + 1)
	}
	return []pstate{s}
}

func (p puzzle) Successors(s pstate, yield func(string, pstate) bool) {
	b := 0
	for s[b] != 0 {
		b++
	}
	r, c := b/p.C, b%p.C
	for k, m := range moves {
		rr, cc := r+m[0], c+m[1]
		if rr < 0 || rr >= p.R || cc < 0 || cc >= p.C {
			continue
		}
		t := s
		o := rr*p.C + cc
		t[b], t[o] = t[o], t[b]
		if !yield([4]string{"up", "down", "left", "right"}[k], t) {
			return
		}
	}
}

func (p puzzle) AppendKey(dst []byte, s pstate) []byte { return append(dst, s[:p.R*p.C]...) }

func (p puzzle) DecodeKey(key []byte) (pstate, error) {
	var s pstate
	if len(key) != p.R*p.C {
		return s, errors.New("puzzle: bad key length")
	}
	copy(s[:], key)
	return s, nil
}

// philosophers is the dining philosophers: philosopher i takes fork i,
// then fork i+1 (mod N), eats, and puts both down. With every philosopher
// holding one fork the system deadlocks. In the asymmetric variant the
// last philosopher takes its forks in the other order, and there is no
// deadlock. Exact counts (computed by an independent Python BFS):
//
//	N    symmetric states, transitions   asymmetric states, transitions
//	3    14, 27                          12, 22
//	5    82, 265                         70, 219
//	7    478, 2163                       408, 1804
//
// In the symmetric system the only deadlock is at depth N, the deepest
// level, and the smallest path to it is [0 0 1 1 ... 1].
type philosophers struct {
	N    int
	Asym bool
}

type phstate [8]uint8 // 0 thinking, 1 holds first fork, 2 eating

func (p philosophers) Initial() []phstate { return []phstate{{}} }

func (p philosophers) first(i int) int {
	if p.Asym && i == p.N-1 {
		return (i + 1) % p.N
	}
	return i
}

func (p philosophers) second(i int) int {
	if p.Asym && i == p.N-1 {
		return i
	}
	return (i + 1) % p.N
}

func (p philosophers) held(s phstate, f int) bool {
	for j := 0; j < p.N; j++ {
		if s[j] >= 1 && p.first(j) == f || s[j] == 2 && p.second(j) == f {
			return true
		}
	}
	return false
}

func (p philosophers) Successors(s phstate, yield func(string, phstate) bool) {
	for i := 0; i < p.N; i++ {
		t := s
		var what string
		switch {
		case s[i] == 0 && !p.held(s, p.first(i)):
			t[i], what = 1, "take first"
		case s[i] == 1 && !p.held(s, p.second(i)):
			t[i], what = 2, "take second"
		case s[i] == 2:
			t[i], what = 0, "put down"
		default:
			continue
		}
		if !yield(fmt.Sprintf("%d %s", i, what), t) {
			return
		}
	}
}

func (p philosophers) AppendKey(dst []byte, s phstate) []byte { return append(dst, s[:p.N]...) }

// deadlock is a monitor whose Stuck always fails: every state without
// successors is a deadlock.
type deadlock[S, L any] struct{}

func (deadlock[S, L]) Name() string                 { return "deadlock" }
func (deadlock[S, L]) Check(S, L, S) (bool, string) { return true, "" }
func (deadlock[S, L]) Stuck(S) (bool, string)       { return false, "deadlock" }

// sumBelow is an invariant on counters: the sum of the counters stays
// below Max.
type sumBelow struct{ Max int }

func (sumBelow) Name() string                             { return "sum_below" }
func (sumBelow) Check(cstate, int, cstate) (bool, string) { return true, "" }
func (sumBelow) Stuck(cstate) (bool, string)              { return true, "" }
func (m sumBelow) CheckState(s cstate) (bool, string) {
	sum := 0
	for _, v := range s {
		sum += int(v)
	}
	if sum >= m.Max {
		return false, fmt.Sprintf("sum %d", sum)
	}
	return true, ""
}

// noDouble is a transition check on counters: counter Which never reaches
// 2.
type noDouble struct{ Which int }

func (noDouble) Name() string                { return "no_double" }
func (noDouble) Stuck(cstate) (bool, string) { return true, "" }
func (m noDouble) Check(from cstate, label int, to cstate) (bool, string) {
	if label == m.Which && to[m.Which] == 2 {
		return false, "counter reached 2"
	}
	return true, ""
}
