package semantics

// References are canonical: a new reference of a node takes the smallest
// number that no reference of that node's incarnation in the state has
// (McErlang's canonical allocation; SEMANTICS.md 5.3). With a counter
// instead, a loop that monitors and demonitors would make a new state on
// every turn, and its state space would never end. Programs can tell
// references apart only by equality, which this preserves: two references
// that are both in the state never share a number. (Ordering references,
// with < or lists:sort, may differ from Erlang's, where a later reference
// is larger; mcgo models do not rely on that.)

// makeRef returns a fresh reference of node n, and notes that the
// transition made one (the partial-order reduction must then not take it
// alone: the number chosen depends on the references of every process).
func (m *machine) makeRef(n NodeID) Ref {
	m.madeRef = true
	cr := m.e.s.Nodes[n].Cr
	used := refsInUse(m.e.s, n, cr)
	k := uint32(1)
	for used[k] {
		k++
	}
	return Ref{Node: n, N: k, Cr: cr}
}

// refsInUse returns the numbers of the references of node n, incarnation
// cr, that occur anywhere in the state.
func refsInUse(st *State, n NodeID, cr uint32) map[uint32]bool {
	used := map[uint32]bool{}
	add := func(r Ref) {
		if r.Node == n && r.Cr == cr {
			used[r.N] = true
		}
	}
	var term func(t Term)
	term = func(t Term) {
		for {
			switch x := t.(type) {
			case Ref:
				add(x)
			case Tuple:
				for _, e := range x {
					term(e)
				}
			case *Cons:
				term(x.Head)
				t = x.Tail
				continue
			case *Fun:
				for _, e := range x.Env {
					term(e)
				}
			}
			return
		}
	}
	for _, p := range st.Procs {
		for _, t := range p.Stack {
			term(t)
		}
		for _, t := range p.Mbox {
			term(t)
		}
		term(p.Reason)
		for _, mo := range p.MonOut {
			add(mo.Ref)
		}
		for _, mi := range p.MonIn {
			add(mi.Ref)
		}
		if p.St == StSpawnWait {
			add(p.Spawn)
		}
	}
	for i := range st.Chans {
		for j := range st.Chans[i].Sigs {
			g := &st.Chans[i].Sigs[j]
			add(g.Ref)
			term(g.Val)
		}
	}
	return used
}
