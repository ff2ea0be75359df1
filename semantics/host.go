package semantics

import (
	"sort"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// host is what the process machine reads outside the process during a
// transition: the loaded model (s) and the state being built (e, nil when
// the machine only evaluates guards).
type host struct {
	s *System
	e *edit
}

func (h *host) NodeName(n term.NodeID) string { return h.s.NodeName(n) }
func (h *host) OneNode() bool                 { return h.s.opts.SingleNode }
func (h *host) Legacy() bool                  { return h.s.opts.Legacy }
func (h *host) FunCode(fn int32) (term.Atom, int) {
	f := h.s.prog.Funcs[fn]
	return f.Module, f.Arity - f.NFree
}
func (h *host) NodeAtom(n term.NodeID) term.Atom { return h.s.nodeAtom(n) }
func (h *host) PidLabel(p term.Pid) string       { return h.s.PidLabel(p) }

func (h *host) LoadedAtom(name string) (term.Atom, bool) { return h.s.loadedAtom(name) }

// KnowsAtom looks name up among the run-time atoms node n knows.
func (h *host) KnowsAtom(n term.NodeID, name string) (term.Atom, bool) {
	for _, a := range h.e.s.atoms.of(n) {
		if a.Name() == name {
			return a, true
		}
	}
	return 0, false
}

// MadeAtom adds a run-time atom to what node n knows.
func (h *host) MadeAtom(n term.NodeID, a term.Atom) {
	// From now on, deliveries look for run-time atoms in what they carry
	// (only a cost: a search without any run-time atom skips the walk).
	h.s.runAtoms.Store(a, true)
	h.s.atomsMade.Store(true)
	learnAtom(h.e, n, a)
}

// learnAtom adds run-time atom a to the atoms node n knows, keeping them
// sorted by name.
func learnAtom(e *edit, n term.NodeID, a term.Atom) {
	as := e.s.atoms.of(n)
	name := a.Name()
	i := sort.Search(len(as), func(i int) bool { return as[i].Name() >= name })
	if i < len(as) && as[i] == a {
		return
	}
	e.nodes() // the atoms are encoded with the nodes: their section changes
	out := make([]term.Atom, 0, len(as)+1)
	out = append(append(append(out, as[:i]...), a), as[i:]...)
	e.s.atoms = e.s.atoms.with(len(e.s.Nodes), n, out)
}

// learnAtoms adds the run-time atoms inside t to what node n knows: a
// signal that carries an atom creates it on the node it arrives at.
func (s *System) learnAtoms(e *edit, n term.NodeID, t term.Term) {
	term.Walk(t, nil, nil, func(a term.Atom) {
		if _, ok := s.runAtoms.Load(a); ok {
			learnAtom(e, n, a)
		}
	})
}

// NewRef returns a fresh reference of node n: the smallest number that no
// reference of the node's incarnation in the state has (refs.go).
func (h *host) NewRef(n term.NodeID) term.Ref {
	cr := h.e.s.Nodes[n].Cr
	used := refsInUse(h.e.s, n, cr)
	k := uint32(1)
	for used[k] {
		k++
	}
	return term.Ref{Node: n, N: k, Cr: cr}
}
