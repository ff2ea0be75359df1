package semantics

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
	if st.Bound == "" && !s.opts.MaxProgress {
		buf := transPool.Get().(*[]trans)
		ts := s.transitions(st, (*buf)[:0])
		var first trans
		ok := len(ts) > 0 && ts[0].kind == StepReceive
		if ok {
			first = ts[0]
		}
		*buf = ts[:0]
		transPool.Put(buf)
		if ok {
			x := getStepper()
			x.reset(s, nil, transient)
			next, step := x.apply(st, first, x.m.scratch)
			if !x.m.madeRef {
				// Yield before the stepper goes back: a transient
				// successor lives in its arena.
				yield(0, step, next)
				putStepper(x)
				return
			}
			putStepper(x)
		}
	}
	i := 0
	s.successors(st, transient, func(step Step, next *State) bool {
		ok := yield(i, step, next)
		i++
		return ok
	})
}
