package semantics

import (
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// ReducedSuccessors is mcgo's partial-order reduction (explore.Reducer).
// When some process can take a message from its mailbox, that receive alone
// is explored from this state: an ample set of one transition.
//
// Why that is sound. A receive by p that is enabled takes the oldest
// matching message x and runs p's pure code up to its next effect. It
// stays enabled until it is taken (only p removes messages from its
// mailbox; only p's death disables it), and it commutes with every
// transition of other processes and of the environment: a message appended
// to p's mailbox goes after x, so p still takes x; an exit signal, a node
// crash or a disconnect ends in the same state whether p received before or
// not (p's links, monitors and names do not change in pure code). The only
// shared thing pure code reads is the set of references in the state (a
// new reference takes the smallest free number, refs.go), so a receive
// whose code makes a reference is not taken alone.
// Every other transition therefore remains possible after the receive, and
// the states it reaches are reached the other way round too (Godefroid's
// persistent sets, condition C1). No transition is postponed for ever
// (condition C3): a cycle of receives alone would have to put messages back
// into mailboxes, which receives never do, so every cycle of the reduced
// graph passes through a fully expanded state. Deadlocks, crashes and the
// message properties, which are judged on states and on the transitions
// that produce them, are preserved. The reduction depends on the state
// alone, so state counts do not depend on the number of workers.
//
// It is not used under the max_progress timeout policy, where whether a
// timeout may fire depends on every other transition. A model bound (a full
// mailbox) may be reached in some orders and not in others: with the
// reduction a model may then pass where the full search is incomplete.
func (s *System) ReducedSuccessors(st *State, yield func(index int, step Step, next *State) bool) {
	s.reducedSuccessors(st, false, yield)
}

// ReducedSuccessorsTransient is [System.ReducedSuccessors] with the
// successors of [System.SuccessorsTransient] (explore.TransientReducer).
func (s *System) ReducedSuccessorsTransient(st *State, yield func(index int, step Step, next *State) bool) {
	s.reducedSuccessors(st, true, yield)
}

func (s *System) reducedSuccessors(st *State, transient bool, yield func(index int, step Step, next *State) bool) {
	if st.Bound != "" {
		return
	}
	buf := transPool.Get().(*[]trans)
	ts := s.transitions(st, (*buf)[:0])
	// One stepper for all the transitions; it goes back after the last
	// yield: a transient successor lives in its arena.
	x := getStepper()
	defer func() {
		putStepper(x)
		*buf = ts[:0]
		transPool.Put(buf)
	}()
	if !s.opts.MaxProgress {
		if len(ts) > 0 && ts[0].kind == StepReceive && s.yieldAlone(x, st, ts[0], 0, transient, &s.reduced[0], yield) {
			return
		}
		if i := s.deliveryAmple(st, ts); i >= 0 && s.yieldAlone(x, st, ts[i], i, transient, &s.reduced[1], yield) {
			return
		}
	}
	// No reduction: every successor, from the transitions listed above.
	i := 0
	for _, t := range ts {
		ok := s.applyAll(x, st, t, transient, func(step Step, next *State) bool {
			ok := yield(i, step, next)
			i++
			return ok
		})
		if !ok {
			return
		}
	}
}

// yieldAlone applies t, the transition at index i of st's full list, and
// yields its successor as the only one, counting it in c. It reports false,
// yielding nothing, when the step made a reference: the numbers free for
// new references are shared by every process of a node, so such a step is
// never taken alone.
func (s *System) yieldAlone(x *stepper, st *State, t trans, i int, transient bool, c *paddedCount, yield func(index int, step Step, next *State) bool) bool {
	x.reset(s, nil, transient)
	next, step := x.apply(st, t, x.m.Scratch)
	if x.m.Impure {
		return false
	}
	c.n.Add(1)
	yield(i, step, next)
	return true
}

// deliveryAmple looks for a delivery that may be explored alone from st,
// the second half of the reduction (docs/semantics.md, "Partial-order
// reduction"). ts is st's full transition list; it returns the index in ts
// of the chosen delivery, or -1.
//
// The delivery d of the oldest signal on channel a -> b, a message to the
// live process p, commutes with every transition that does not touch p's
// mailbox, p's receive timeout or channel a -> b. It may be taken alone
// when no such transition can happen before it, on any path: then the
// deliveries that race with it are all behind it on the same channel, and
// so come after it in every order (Godefroid's persistent sets). Ruled
// out are: a crash or disconnect budget left on node a or b (it can drop
// the message or cut the channel), any restart budget (a restarted node
// may reuse pids that some process still holds) or connection-failure
// budget; a process that may halt, disconnect, watch nodes, register
// names or forge pids; a remote spawn in flight; p waiting with a
// timeout, spawning, watching nodes, able to link or monitor, or linked to
// or monitoring a process off node a (whose end would signal p another
// way); another signal to p in flight on another channel; and any process
// off node a that may some day know p's pid and may send or spawn. Who may
// know p is a closure over the state: the pids each process holds (stack,
// mailbox, links, monitors, signals in flight to it, itself if its code
// calls self()), and, for each process whose code may put a pid into a
// message or a spawn (flow.go), everything it may know flows to every
// process it may know. p itself counts as a sender when it may know its own
// pid and may send.
func (s *System) deliveryAmple(st *State, ts []trans) int {
	if s.opts.SingleNode || len(st.Procs) > 64 {
		return -1
	}
	// Faults left: a crash or a disconnect may remain where it cannot
	// touch the channel or its ends; a restart (pid reuse) or a connection
	// failure (transitions with several outcomes) may not. Every node a
	// budget names, in its nodes or its links, counts as faulty, even
	// where a disconnect restricted to several nodes or to links could not
	// cut this channel: coarser than needed, never unsound.
	var faulty uint64
	for i, b := range st.Budget {
		if b == 0 {
			continue
		}
		f := &s.faults[i]
		if f.kind == faultRestart || f.kind == faultConnectFail || len(f.nodes) == 0 && len(f.links) == 0 {
			return -1
		}
		for _, n := range f.nodes {
			if n >= 64 {
				return -1
			}
			faulty |= 1 << n
		}
		for _, l := range f.links {
			if l[0] >= 64 || l[1] >= 64 {
				return -1
			}
			faulty |= 1<<l[0] | 1<<l[1]
		}
	}
	// Cheap tests on each candidate first.
	var buf [8]int
	cands := buf[:0]
	for i, t := range ts {
		if t.kind == StepDeliver && faulty&(1<<t.a|1<<t.b) == 0 && s.deliveryCandidate(st, t.a, t.b) {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return -1
	}
	for n := range st.Nodes {
		if len(st.Nodes[n].Reg) > 0 {
			return -1
		}
	}
	np := len(st.Procs)
	var flags [64]compile.FlowFlags
	var know [64]uint64
	for i, p := range st.Procs {
		flags[i] = s.procFlow(p)
		if flags[i]&compile.FlowHazard != 0 {
			return -1
		}
		k := pidScan{st: st}
		for _, t := range p.Stack {
			k.term(t)
		}
		for _, t := range p.Mbox {
			k.term(t)
		}
		if p.Dict != nil { // a pid kept in the process dictionary is known
			for _, e := range p.Dict.Entries {
				k.term(e.Key)
				k.term(e.Val)
			}
		}
		if p.Reason != nil {
			k.term(p.Reason)
		}
		for _, l := range p.Links {
			k.pid(l.Pid)
		}
		for _, m := range p.MonOut {
			k.pid(m.Target)
		}
		if flags[i]&compile.FlowSelf != 0 {
			k.bits |= 1 << i
		}
		know[i] = k.bits
	}
	for _, c := range st.Chans {
		for j := range c.Sigs {
			sig := &c.Sigs[j]
			if sig.Kind == SigSpawnReq {
				return -1
			}
			to := st.proc(sig.To)
			if to < 0 || sig.Kind == SigRegMsg {
				continue
			}
			k := pidScan{st: st}
			if sig.Val != nil {
				k.term(sig.Val)
			}
			if sig.Kind != SigMsg {
				k.pid(sig.From)
			}
			know[to] |= k.bits
		}
	}
	// What a leaking process may know flows to everyone it may know.
	for changed := true; changed; {
		changed = false
		for y := 0; y < np; y++ {
			if flags[y]&compile.FlowLeak == 0 {
				continue
			}
			for x := 0; x < np; x++ {
				if x != y && know[y]&(1<<x) != 0 && know[x]|know[y] != know[x] {
					know[x] |= know[y]
					changed = true
				}
			}
		}
	}
	for _, i := range cands {
		if s.deliveryAlone(st, ts[i].a, ts[i].b, flags[:np], know[:np]) {
			return i
		}
	}
	return -1
}

// deliveryCandidate is the part of deliveryAmple's test on channel a -> b
// that looks at the signal and its receiver only.
func (s *System) deliveryCandidate(st *State, a, b term.NodeID) bool {
	if st.ConnState(a, b) != ConnUp {
		return false
	}
	sigs := st.Channel(a, b)
	if len(sigs) == 0 || sigs[0].Kind != SigMsg {
		return false
	}
	p := st.Proc(sigs[0].To)
	if p == nil || p.St == vm.StExit || len(p.NMon) > 0 || hasPid(st.Nodes[b].Subs, p.Pid) {
		return false
	}
	if s.procFlow(p)&(compile.FlowTimeout|compile.FlowSpawn|compile.FlowHazard|compile.FlowLink) != 0 {
		return false
	}
	for _, l := range p.Links {
		if l.Pid.Node != a {
			return false
		}
	}
	for _, m := range p.MonOut {
		if m.Target.Node != a || m.ByName {
			return false
		}
	}
	return true
}

// deliveryAlone is the rest of deliveryAmple's test for channel a -> b,
// given each process's flags and what it may come to know.
func (s *System) deliveryAlone(st *State, a, b term.NodeID, flags []compile.FlowFlags, know []uint64) bool {
	to := st.Channel(a, b)[0].To
	pi := st.proc(to)
	for _, c := range st.Chans {
		if c.From == a && c.To == b {
			continue
		}
		for j := range c.Sigs {
			if c.Sigs[j].To == to {
				return false
			}
		}
	}
	for x, q := range st.Procs {
		if know[x]&(1<<pi) == 0 {
			continue
		}
		if x == pi {
			if flags[x]&compile.FlowComm != 0 {
				return false // p may send to itself
			}
			continue
		}
		if flags[x]&compile.FlowSpawnRemote != 0 || q.Pid.Node != a && flags[x]&compile.FlowComm != 0 {
			return false
		}
	}
	return true
}

// procFlow is what a process may still do: the flags of every function on
// its call stack.
func (s *System) procFlow(p *Proc) compile.FlowFlags {
	var f compile.FlowFlags
	for _, fr := range p.Frames {
		f |= s.flow.Flags[fr.Fn]
	}
	if len(p.Frames) == 0 && p.St != vm.StExit {
		f = compile.FlowAll
	}
	return f
}

// pidScan collects the live processes whose pids occur in terms.
type pidScan struct {
	st   *State
	bits uint64
}

func (k *pidScan) pid(p term.Pid) {
	if i := k.st.proc(p); i >= 0 {
		k.bits |= 1 << i
	}
}

func (k *pidScan) term(t term.Term) { term.Walk(t, k.pid, nil, nil) }
