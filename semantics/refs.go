package semantics

import (
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// References are canonical: a new reference of a node takes the smallest
// number that no reference of that node's incarnation in the state has
// (McErlang's canonical allocation; SEMANTICS.md 5.3). With a counter
// instead, a loop that monitors and demonitors would make a new state on
// every turn, and its state space would never end. Programs can tell
// references apart only by equality, which this preserves: two references
// that are both in the state never share a number. (Ordering references,
// with < or lists:sort, may differ from Erlang's, where a later reference
// is larger; mcgo models do not rely on that.)

// refsInUse returns the numbers of the references of node n, incarnation
// cr, that occur anywhere in the state.
func refsInUse(st *State, n term.NodeID, cr uint32) map[uint32]bool {
	u := refsUsed{n: n, cr: cr, used: map[uint32]bool{}}
	walkRefs(st, u.ref)
	return u.used
}

// Refs returns every reference that occurs in a state: in a process (its
// variables, mailbox, exit reason, monitors, awaited spawn) or in a signal
// in flight. A trace names references with it (see RefLabels).
func (s *System) Refs(st *State) map[term.Ref]bool {
	set := map[term.Ref]bool{}
	walkRefs(st, func(r term.Ref) {
		if r.N != 0 { // a signal without a reference has the zero one
			set[r] = true
		}
	})
	return set
}

// walkRefs calls add for each reference in a state.
func walkRefs(st *State, add func(term.Ref)) {
	term := func(t term.Term) { term.Walk(t, nil, add, nil) }
	for _, p := range st.Procs {
		for _, t := range p.Stack {
			term(t)
		}
		for _, t := range p.Mbox {
			term(t)
		}
		if p.Dict != nil { // a reference kept only in the process dictionary is in use
			for _, e := range p.Dict.Entries {
				term(e.Key)
				term(e.Val)
			}
		}
		term(p.Reason)
		for _, mo := range p.MonOut {
			add(mo.Ref)
		}
		for _, mi := range p.MonIn {
			add(mi.Ref)
		}
		if p.St == vm.StSpawnWait {
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
}

// refsUsed collects the numbers of the references of one node incarnation.
type refsUsed struct {
	n    term.NodeID
	cr   uint32
	used map[uint32]bool
}

func (u *refsUsed) ref(r term.Ref) {
	if r.Node == u.n && r.Cr == u.cr {
		u.used[r.N] = true
	}
}
