package semantics

import (
	"sort"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Hist is the history a property needs, kept in the state (and so in its
// key) only when the property is checked: see [Record].
type Hist struct {
	Pairs []PairHist // per (sender, destination), sorted
	Pids  []term.Pid // every pid ever allocated, sorted (pid_unique)
	Told  []Told     // who was told that whom is down, sorted (fd_accurate)
	Seen  []Seen     // per receiver: the join of the clocks of the messages delivered to it (causal)

	// enc, when set, is this history's encoding: bytes of the key a BFS
	// parent was decoded from (see Channel.enc). A transition that changes
	// the history works on a clone, which has none.
	enc []byte
}

// Dest is the destination of a message as the sender wrote it: a pid, or a
// registered name on a node.
type Dest struct {
	Pid    term.Pid
	Name   term.Atom
	ByName bool
}

func destLess(a, b Dest) bool {
	if a.ByName != b.ByName {
		return !a.ByName
	}
	if a.Pid != b.Pid {
		return pidLess(a.Pid, b.Pid)
	}
	return a.Name < b.Name
}

// PairHist counts the messages of one sender to one destination.
type PairHist struct {
	From term.Pid
	To   Dest
	Sent uint32 // messages sent so far (the last one's number)
	Done uint32 // number of the last message that reached its destination (delivered, or dropped because the receiver was gone)
	Sup  uint32 // the number since which the sender has been supervising the receiver (0: not supervising)
}

// Told records that Watcher was told that Pid (or, with ByNode, every
// process of Node's incarnation Cr) is down.
type Told struct {
	Watcher term.Pid
	Pid     term.Pid
	ByNode  bool
	Node    term.NodeID
	Cr      uint32
}

// Seen is the join of the vector clocks of the messages delivered to a
// process.
type Seen struct {
	Pid term.Pid
	VC  VClock
}

// VClock is a vector clock: for each process, how many messages it had sent
// (causally) before. Sorted by pid.
type VClock []VEntry

// VEntry is one component of a vector clock.
type VEntry struct {
	Pid term.Pid
	N   uint32
}

// Get returns the component of pid.
func (v VClock) Get(p term.Pid) uint32 {
	i := sort.Search(len(v), func(i int) bool { return !pidLess(v[i].Pid, p) })
	if i < len(v) && v[i].Pid == p {
		return v[i].N
	}
	return 0
}

// inc returns a copy of v with p's component incremented.
func (v VClock) inc(p term.Pid) VClock {
	i := sort.Search(len(v), func(i int) bool { return !pidLess(v[i].Pid, p) })
	out := make(VClock, 0, len(v)+1)
	out = append(out, v[:i]...)
	if i < len(v) && v[i].Pid == p {
		out = append(out, VEntry{p, v[i].N + 1})
		out = append(out, v[i+1:]...)
	} else {
		out = append(out, VEntry{p, 1})
		out = append(out, v[i:]...)
	}
	return out
}

// join returns the componentwise maximum of v and w.
func (v VClock) join(w VClock) VClock {
	out := make(VClock, 0, len(v)+len(w))
	i, j := 0, 0
	for i < len(v) || j < len(w) {
		switch {
		case j == len(w) || i < len(v) && pidLess(v[i].Pid, w[j].Pid):
			out = append(out, v[i])
			i++
		case i == len(v) || pidLess(w[j].Pid, v[i].Pid):
			out = append(out, w[j])
			j++
		default:
			n := v[i].N
			if w[j].N > n {
				n = w[j].N
			}
			out = append(out, VEntry{v[i].Pid, n})
			i++
			j++
		}
	}
	return out
}

func (h *Hist) clone() *Hist {
	return &Hist{
		Pairs: append([]PairHist(nil), h.Pairs...),
		Pids:  h.Pids, // replaced, never changed in place
		Told:  h.Told,
		Seen:  h.Seen,
	}
}

// pair returns the counters of a pair, adding them if needed.
func (h *Hist) pair(from term.Pid, to Dest) *PairHist {
	i := sort.Search(len(h.Pairs), func(i int) bool {
		p := h.Pairs[i]
		if p.From != from {
			return !pidLess(p.From, from)
		}
		return !destLess(p.To, to)
	})
	if i < len(h.Pairs) && h.Pairs[i].From == from && h.Pairs[i].To == to {
		return &h.Pairs[i]
	}
	h.Pairs = append(h.Pairs, PairHist{})
	copy(h.Pairs[i+1:], h.Pairs[i:])
	h.Pairs[i] = PairHist{From: from, To: to}
	return &h.Pairs[i]
}

func (h *Hist) addPid(p term.Pid) {
	i := sort.Search(len(h.Pids), func(i int) bool { return !pidLess(h.Pids[i], p) })
	if i < len(h.Pids) && h.Pids[i] == p {
		return
	}
	n := make([]term.Pid, 0, len(h.Pids)+1)
	n = append(n, h.Pids[:i]...)
	n = append(n, p)
	n = append(n, h.Pids[i:]...)
	h.Pids = n
}

func toldLess(a, b Told) bool {
	if a.Watcher != b.Watcher {
		return pidLess(a.Watcher, b.Watcher)
	}
	if a.ByNode != b.ByNode {
		return !a.ByNode
	}
	if a.ByNode {
		if a.Node != b.Node {
			return a.Node < b.Node
		}
		return a.Cr < b.Cr
	}
	return pidLess(a.Pid, b.Pid)
}

func (h *Hist) addTold(t Told) {
	i := sort.Search(len(h.Told), func(i int) bool { return !toldLess(h.Told[i], t) })
	if i < len(h.Told) && h.Told[i] == t {
		return
	}
	n := make([]Told, 0, len(h.Told)+1)
	n = append(n, h.Told[:i]...)
	n = append(n, t)
	n = append(n, h.Told[i:]...)
	h.Told = n
}

// toldDown reports whether w was told that sender is down.
func (h *Hist) toldDown(w, sender term.Pid) bool {
	for _, t := range h.Told {
		if t.Watcher != w {
			continue
		}
		if !t.ByNode && t.Pid == sender || t.ByNode && t.Node == sender.Node && t.Cr == sender.Cr {
			return true
		}
	}
	return false
}

func (h *Hist) seen(p term.Pid) VClock {
	for _, s := range h.Seen {
		if s.Pid == p {
			return s.VC
		}
	}
	return nil
}

func (h *Hist) setSeen(p term.Pid, vc VClock) {
	i := sort.Search(len(h.Seen), func(i int) bool { return !pidLess(h.Seen[i].Pid, p) })
	n := make([]Seen, 0, len(h.Seen)+1)
	n = append(n, h.Seen[:i]...)
	n = append(n, Seen{p, vc})
	if i < len(h.Seen) && h.Seen[i].Pid == p {
		n = append(n, h.Seen[i+1:]...)
	} else {
		n = append(n, h.Seen[i:]...)
	}
	h.Seen = n
}
