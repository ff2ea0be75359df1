package semantics

import (
	"sort"
	"sync/atomic"

	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// LinkState is the state of one end of a link.
type LinkState uint8

const (
	LinkActive LinkState = iota
	LinkUnlinking
)

// Link is one end of a link held by a process.
type Link struct {
	Pid   term.Pid
	State LinkState
}

// MonOut is a monitor held by a process (the watcher's side).
type MonOut struct {
	Ref    term.Ref
	Target term.Pid  // the monitored process (resolved, or a pid of the node for a name)
	Name   term.Atom // registered name when monitored by name (HasName)
	Node   term.NodeID
	ByName bool
}

// MonIn is a monitor on a process (the target's side).
type MonIn struct {
	Ref     term.Ref
	Watcher term.Pid
	Name    term.Atom // name the watcher used (ByName)
	ByName  bool
}

// Proc is a live process.
//
// A Proc held by a State is immutable: a transition that changes a process
// works on a copy (see [Proc.clone]). Slices other than Stack, Frames and
// Handlers are shared between copies and must be replaced, never modified in
// place.
type Proc struct {
	// Proc is the part of the process that the process machine runs:
	// its status, frames, stack, handlers and exit reason.
	vm.Proc
	Trap      bool
	InitA     uint8       // see InitM
	SpawnOpts uint8       // StSpawnWait: spawnLink | spawnMonitor
	SpawnTo   term.NodeID // StSpawnWait: the node asked to spawn
	Init      int32       // the function the process was spawned with (for display), or -1
	// InitM, InitF, InitA name the spawned function when it is not
	// compiled code (a built-in such as erlang:halt/0).
	InitM, InitF term.Atom
	Mbox         []term.Term
	MboxVC       []VClock      // causal history of each message (only when recorded)
	Links        []Link        // sorted by pid
	MonOut       []MonOut      // sorted by ref
	MonIn        []MonIn       // sorted by ref
	NMon         []term.NodeID // monitor_node instances, sorted
	Spawn        term.Ref      // StSpawnWait: the request
	VC           VClock        // causal history (only when recorded)

	enc     []byte // cached canonical encoding
	encHint int    // the size of a previous encoding, to allocate the next one at once
	// fp is, with compact keys (intern.go), the fingerprint of enc.
	fp uint64
	// sh is set on a shared process, one that never changes and has its
	// encoding: with compact keys the intern table's copy, with full keys
	// a decoded process or the result of a remembered step (memo.go). It
	// holds what the process remembers; set before the process is shared
	// and never replaced, so that copying a process reads no field another
	// goroutine may be writing.
	sh *procShared
}

// shared reports whether p is a shared process (see Proc.sh).
func (p *Proc) shared() bool { return p.sh != nil }

// Ended reports whether the process's code has ended (normally or with an
// exception): its termination (links, monitors) is its next step.
func (p *Proc) Ended() bool { return p.St == vm.StExit }

// procShared is what a shared process remembers: its local steps
// (memo.go) and, while it waits, what it can do (waitOutcome).
type procShared struct {
	memo atomic.Pointer[memoEntry]
	wait atomic.Uint32
}

// procCopy is a process together with room for its first frames, so that
// a copy costs one allocation for the process and its frames, and one for
// its stack.
type procCopy struct {
	p      Proc
	frames [3]vm.Frame
	sh     procShared // for p.sh, once p is shared (persist)
}

// clone returns a private copy of p that a transition may change.
func (p *Proc) clone() *Proc {
	return &p.cloneCopy().p
}

func (p *Proc) cloneCopy() *procCopy {
	c := &procCopy{p: *p}
	q := &c.p
	if len(p.Frames) <= len(c.frames) {
		q.Frames = append(c.frames[:0], p.Frames...)
	} else {
		q.Frames = append(make([]vm.Frame, 0, len(p.Frames)+2), p.Frames...)
	}
	q.Stack = append(make([]term.Term, 0, len(p.Stack)+8), p.Stack...)
	if len(p.Hand) > 0 {
		q.Hand = append([]vm.Handler(nil), p.Hand...)
	}
	q.encHint = len(p.enc)
	q.enc = nil
	q.sh = nil
	return c
}

// Node is the state of one node.
type Node struct {
	Up      bool
	Cr      uint32 // current creation
	NextLid uint32
	Incarn  uint32     // restarts so far
	Reg     []RegEntry // sorted by name text
	Subs    []term.Pid // net_kernel:monitor_nodes subscribers, sorted
	// The atoms a node made at run time are kept beside the nodes, in
	// State.atoms (see runAtoms), so that a Node stays small.
}

// runAtoms are the atoms made at run time (list_to_atom/1 of a name the
// loaded code does not have) that each node knows: it made them, or a
// signal brought them; a restart forgets them. Per node index, sorted by
// name. Shared between states and never changed: a change makes a new
// one. A state without any has none (nil), so the search of a model that
// makes no atom pays one nil pointer per state.
type runAtoms struct{ byNode [][]term.Atom }

// of returns the run-time atoms node n knows.
func (r *runAtoms) of(n term.NodeID) []term.Atom {
	if r == nil || int(n) >= len(r.byNode) {
		return nil
	}
	return r.byNode[n]
}

// with returns a copy of r in which node n knows as (nil when no node
// knows any).
func (r *runAtoms) with(nodes int, n term.NodeID, as []term.Atom) *runAtoms {
	out := &runAtoms{byNode: make([][]term.Atom, nodes)}
	if r != nil {
		copy(out.byNode, r.byNode)
	}
	out.byNode[n] = as
	for _, l := range out.byNode {
		if len(l) > 0 {
			return out
		}
	}
	return nil
}

// RegEntry is a registered name.
type RegEntry struct {
	Name term.Atom
	Pid  term.Pid
}

// ConnState is the state of the connection between two nodes.
type ConnState uint8

const (
	ConnDown ConnState = iota
	ConnUp
	// ConnHalfLo: the connection died at the higher node (it crashed); the
	// lower node has not noticed and still holds it.
	ConnHalfLo
	// ConnHalfHi: the same with the roles swapped.
	ConnHalfHi
)

// Conn is a connection that is not down.
type Conn struct {
	A, B     term.NodeID // A < B
	State    ConnState
	CrA, CrB uint32 // the creations the two ends had when the connection was made
}

// SigKind is the kind of a signal in flight between nodes.
type SigKind uint8

const (
	SigMsg SigKind = iota
	SigRegMsg
	SigLink
	SigUnlink
	SigExit
	SigMonitor
	SigDemonitor
	SigDown
	SigSpawnReq
	SigSpawnReply

	numSigKinds // the number of signal kinds
)

var sigNames = [numSigKinds]string{
	SigMsg:        "message",
	SigRegMsg:     "message",
	SigLink:       "link",
	SigUnlink:     "unlink",
	SigExit:       "exit",
	SigMonitor:    "monitor",
	SigDemonitor:  "demonitor",
	SigDown:       "DOWN",
	SigSpawnReq:   "spawn request",
	SigSpawnReply: "spawn reply",
}

func (k SigKind) String() string { return sigNames[k] }

// Signal is a signal in flight from one node to another.
type Signal struct {
	Kind SigKind
	From term.Pid
	To   term.Pid  // target process (not for SigRegMsg / monitor by name)
	Name term.Atom // SigRegMsg and monitor by name: the registered name
	Ref  term.Ref
	Val  term.Term // message, exit reason, spawn program or result
	Flag bool      // SigExit: caused by a link; SigMonitor/SigDown: by name
	Opts uint8
	// History, recorded only when a property needs it:
	Seq uint32 // per (sender, destination) send number, from 1
	Sup uint32 // the seq since which the sender supervised the receiver (0: not supervised)
	VC  VClock

	fp uint64 // compact keys: the fingerprint of its encoding, 0 until sealed (intern.go)
}

// Channel holds the signals in flight from one node to another.
type Channel struct {
	From, To term.NodeID
	Sigs     []Signal
	// enc, when set, is the encoding of Sigs (their count, then each
	// signal): bytes of the key a BFS parent was decoded from
	// (DecodeKeyReusing), which stay unchanged while the parent is
	// expanded. Successors that keep the channel copy them instead of
	// encoding the signals again; a transition that changes the channel
	// drops them.
	enc []byte
	// ent, with compact keys, is the interned copy of Sigs (intern.go);
	// a transition that changes the channel drops it.
	ent *sigList
	// popOf is the interned contents the channel had before a transition
	// took its first signal and changed it no further, so that sealing can
	// remember the contents that are left (sigList.tail).
	popOf *sigList
}

// State is a global state of the model.
//
// States are immutable values: successors share unchanged parts
// (processes, channels) with their predecessor. The canonical encoding
// ([System.AppendKey]) lists processes by pid, channels by key (empty ones
// omitted), connections by pair (down ones omitted).
type State struct {
	Nodes  []Node
	Procs  []*Proc   // live processes, sorted by pid
	Chans  []Channel // non-empty channels, sorted by (From, To)
	Conns  []Conn    // connections that are not down, sorted by pair
	Budget []uint8   // remaining budget of each configured fault
	Spawns uint32    // processes spawned so far
	Hist   *Hist     // property history, nil unless recorded
	// atoms are the atoms made at run time that each node knows (nil:
	// none); they are encoded with the nodes.
	atoms *runAtoms
	// Bound is set when a transition reached a bound (mailbox, processes,
	// stack...): the state is not expanded and the verdict is incomplete.
	Bound string

	// nodesEnc and connsEnc, with compact keys, are the sections of the
	// key a BFS parent was decoded from that encode Nodes and Conns (like
	// Channel.enc); a transition that changes them drops them.
	nodesEnc, connsEnc []byte
}

// pidLess orders pids: by node, then local id, then creation.
func pidLess(a, b term.Pid) bool {
	if a.Node != b.Node {
		return a.Node < b.Node
	}
	if a.Lid != b.Lid {
		return a.Lid < b.Lid
	}
	return a.Cr < b.Cr
}

func refLess(a, b term.Ref) bool {
	if a.Node != b.Node {
		return a.Node < b.Node
	}
	if a.Cr != b.Cr {
		return a.Cr < b.Cr
	}
	return a.N < b.N
}

// proc returns the index of the live process pid, or -1.
func (s *State) proc(pid term.Pid) int {
	i := sort.Search(len(s.Procs), func(i int) bool { return !pidLess(s.Procs[i].Pid, pid) })
	if i < len(s.Procs) && s.Procs[i].Pid == pid {
		return i
	}
	return -1
}

// Proc returns the live process pid, or nil.
func (s *State) Proc(pid term.Pid) *Proc {
	if i := s.proc(pid); i >= 0 {
		return s.Procs[i]
	}
	return nil
}

func (s *State) chanIndex(from, to term.NodeID) (int, bool) {
	i := sort.Search(len(s.Chans), func(i int) bool {
		c := s.Chans[i]
		return c.From > from || c.From == from && c.To >= to
	})
	return i, i < len(s.Chans) && s.Chans[i].From == from && s.Chans[i].To == to
}

// Channel returns the signals in flight from one node to another.
func (s *State) Channel(from, to term.NodeID) []Signal {
	if i, ok := s.chanIndex(from, to); ok {
		return s.Chans[i].Sigs
	}
	return nil
}

// ConnState returns the state of the connection between a and b.
func (s *State) ConnState(a, b term.NodeID) ConnState {
	if a > b {
		a, b = b, a
		st := s.connRaw(a, b)
		return st
	}
	return s.connRaw(a, b)
}

func (s *State) connRaw(a, b term.NodeID) ConnState {
	for _, c := range s.Conns {
		if c.A == a && c.B == b {
			return c.State
		}
	}
	return ConnDown
}

// holder reports whether node x holds the connection {a, b} (it is up, or
// half-open with x as the end that has not noticed).
func holds(st ConnState, a, b, x term.NodeID) bool {
	switch st {
	case ConnUp:
		return true
	case ConnHalfLo:
		return x == a
	case ConnHalfHi:
		return x == b
	}
	return false
}

// ---------------------------------------------------------------------------
// Copy-on-write editing of a state during a transition

// edit is a state being built from a predecessor. It copies each part the
// first time the transition changes it.
type edit struct {
	s          *State
	ar         *arena // reused memory of a transient successor, or nil
	nodesOwned bool
	procsOwned bool
	chansOwned bool
	connsOwned bool
	budOwned   bool
	histOwned  bool
	owned      []term.Pid // processes already copied (few: a list beats a map)

	// The new state and the transition's label details live in the same
	// allocation as the edit: one allocation per successor instead of
	// three.
	st   State
	info StepInfo
}

func newEdit(prev *State) *edit {
	e := &edit{st: *prev}
	e.s = &e.st
	return e
}

// arena is the memory a stepper reuses for transient successors (see
// [System.SuccessorsTransient]): the edit with the new state, its process
// list and the copies of the processes the transition changes. A
// successor built in it is valid until the stepper applies the next
// transition.
type arena struct {
	edit    edit
	scratch internScratch       // naming changed channels (sealCompact)
	recent  [1 << 12]*Proc      // interned processes by fingerprint (sealCompact)
	owner   *table[Proc, *Proc] // the table recent's processes come from
	procs   []*Proc
	chans   []Channel
	copies  []*arenaProc
	used    int
	sigs    lists[Signal]    // channel contents
	terms   lists[term.Term] // mailboxes
	sig     Signal           // the delivered signal of the label (StepInfo.Sig)
}

// lists hands out reusable lists of T; reset takes them all back.
type lists[T any] struct {
	all  [][]T
	used int
}

// get returns an empty list with room for n.
func (l *lists[T]) get(n int) []T {
	if l.used == len(l.all) {
		l.all = append(l.all, nil)
	}
	b := l.all[l.used]
	if cap(b) < n {
		b = make([]T, 0, n+4)
		l.all[l.used] = b
	}
	l.used++
	return b[:0]
}

// reset takes the lists back, dropping the references they held.
func (l *lists[T]) reset() {
	for _, b := range l.all[:l.used] {
		clear(b[:cap(b)])
	}
	l.used = 0
}

// arenaProc is a reusable process copy with the slices it last used.
type arenaProc struct {
	p      Proc
	frames []vm.Frame
	stack  []term.Term
	enc    []byte
}

// reset makes a fresh edit of prev in the arena, keeping the memory of the
// previous transition's buffers (their terms are dropped).
func (a *arena) reset(prev *State) *edit {
	for _, c := range a.copies[:a.used] {
		// Keep the larger of the slices given and the ones the last
		// transition grew (an ended process drops its stack).
		if cap(c.p.Frames) > cap(c.frames) {
			c.frames = c.p.Frames[:0]
		}
		if cap(c.p.Stack) > cap(c.stack) {
			c.stack = c.p.Stack[:0]
		}
		if cap(c.p.enc) > cap(c.enc) {
			c.enc = c.p.enc[:0]
		}
		clear(c.stack[:cap(c.stack)])
		c.p = Proc{}
	}
	a.used = 0
	a.sigs.reset()
	a.terms.reset()
	clear(a.procs[:cap(a.procs)])
	clear(a.chans[:cap(a.chans)])
	// Field by field, in place: assigning whole new structs costs copies
	// of them with write barriers, a measurable share of a transition.
	e := &a.edit
	e.st = *prev
	e.s = &e.st
	e.ar = a
	e.nodesOwned, e.procsOwned, e.chansOwned = false, false, false
	e.connsOwned, e.budOwned, e.histOwned = false, false, false
	e.owned = e.owned[:0]
	in := &e.info
	in.Eff, in.Pos, in.Args, in.Result, in.Exc, in.Msg, in.Sig = 0, token.NoPos, nil, nil, nil, nil, nil
	in.Output, in.Failed, in.Blocked, in.Bound = "", false, false, ""
	in.Connected = in.Connected[:0]
	in.Lost = clearSlice(in.Lost)
	in.Ends = clearSlice(in.Ends)
	in.Raised = clearSlice(in.Raised)
	in.Appends = clearSlice(in.Appends)
	in.Spawned = in.Spawned[:0]
	in.Pushed = clearSlice(in.Pushed)
	a.sig = Signal{}
	return e
}

// clearSlice empties s, dropping the references it held, and keeps its
// memory.
func clearSlice[T any](s []T) []T {
	clear(s)
	return s[:0]
}

// sigCopy returns a copy of sig that lives as long as the transition's
// label: in the arena for a transient successor.
func (e *edit) sigCopy(sig Signal) *Signal {
	if e.ar != nil {
		e.ar.sig = sig
		return &e.ar.sig
	}
	c := new(Signal) // not &sig: that would move every sig to the heap
	*c = sig
	return c
}

// mailbox returns an empty list with room for n messages: in the arena
// for a transient successor, on the heap otherwise.
func (e *edit) mailbox(n int) []term.Term {
	if e.ar != nil {
		return e.ar.terms.get(n)
	}
	return make([]term.Term, 0, n)
}

// signals returns an empty list with room for n signals, like mailbox.
func (e *edit) signals(n int) []Signal {
	if e.ar != nil {
		return e.ar.sigs.get(n)
	}
	return make([]Signal, 0, n)
}

// clone is [Proc.clone] into the arena.
func (a *arena) clone(p *Proc) *Proc {
	if a.used == len(a.copies) {
		a.copies = append(a.copies, &arenaProc{})
	}
	c := a.copies[a.used]
	a.used++
	c.p = *p
	q := &c.p
	q.Frames = append(c.frames[:0], p.Frames...)
	if cap(c.stack) < len(p.Stack)+8 {
		c.stack = make([]term.Term, 0, len(p.Stack)+16)
	}
	q.Stack = append(c.stack[:0], p.Stack...)
	if len(p.Hand) > 0 {
		q.Hand = append([]vm.Handler(nil), p.Hand...)
	}
	q.encHint = len(p.enc)
	q.enc = c.enc[:0]
	q.sh = nil
	return q
}

func (e *edit) isOwned(pid term.Pid) bool {
	for _, o := range e.owned {
		if o == pid {
			return true
		}
	}
	return false
}

func (e *edit) disown(pid term.Pid) {
	for i, o := range e.owned {
		if o == pid {
			e.owned = append(e.owned[:i], e.owned[i+1:]...)
			return
		}
	}
}

func (e *edit) nodes() []Node {
	if !e.nodesOwned {
		e.s.Nodes = append([]Node(nil), e.s.Nodes...)
		e.s.nodesEnc = nil
		e.nodesOwned = true
	}
	return e.s.Nodes
}

func (e *edit) procs() []*Proc {
	if !e.procsOwned && e.ar != nil {
		e.s.Procs = append(e.ar.procs[:0], e.s.Procs...)
		e.ar.procs = e.s.Procs
		e.procsOwned = true
	}
	if !e.procsOwned {
		e.s.Procs = append([]*Proc(nil), e.s.Procs...)
		e.procsOwned = true
	}
	return e.s.Procs
}

// mut returns a private copy of the live process pid (copying it at most
// once per transition), or nil.
func (e *edit) mut(pid term.Pid) *Proc {
	i := e.s.proc(pid)
	if i < 0 {
		return nil
	}
	if e.isOwned(pid) {
		return e.s.Procs[i]
	}
	ps := e.procs()
	var q *Proc
	if e.ar != nil {
		q = e.ar.clone(ps[i])
	} else {
		q = ps[i].clone()
	}
	ps[i] = q
	e.owned = append(e.owned, pid)
	return q
}

// addProc inserts a new process.
func (e *edit) addProc(p *Proc) {
	ps := e.procs()
	i := sort.Search(len(ps), func(i int) bool { return !pidLess(ps[i].Pid, p.Pid) })
	ps = append(ps, nil)
	copy(ps[i+1:], ps[i:])
	ps[i] = p
	e.s.Procs = ps
	e.owned = append(e.owned, p.Pid)
}

// removeProc deletes a process.
func (e *edit) removeProc(pid term.Pid) {
	i := e.s.proc(pid)
	if i < 0 {
		return
	}
	ps := e.procs()
	e.s.Procs = append(ps[:i], ps[i+1:]...)
	e.disown(pid)
}

func (e *edit) chans() []Channel {
	if !e.chansOwned && e.ar != nil {
		e.s.Chans = append(e.ar.chans[:0], e.s.Chans...)
		e.ar.chans = e.s.Chans
		e.chansOwned = true
	}
	if !e.chansOwned {
		e.s.Chans = append([]Channel(nil), e.s.Chans...)
		e.chansOwned = true
	}
	return e.s.Chans
}

// push appends a signal to the channel from -> to.
func (e *edit) pushSig(from, to term.NodeID, sig Signal) {
	sig.fp = 0
	cs := e.chans()
	i, ok := e.s.chanIndex(from, to)
	if ok {
		old := cs[i].Sigs
		cs[i].Sigs, cs[i].enc, cs[i].ent, cs[i].popOf = append(append(e.signals(len(old)+1), old...), sig), nil, nil, nil
		return
	}
	cs = append(cs, Channel{})
	copy(cs[i+1:], cs[i:])
	cs[i] = Channel{From: from, To: to, Sigs: append(e.signals(1), sig)}
	e.s.Chans = cs
}

// popSig removes the head of the channel from -> to and returns it.
func (e *edit) popSig(from, to term.NodeID) (Signal, bool) {
	i, ok := e.s.chanIndex(from, to)
	if !ok {
		return Signal{}, false
	}
	cs := e.chans()
	sig := cs[i].Sigs[0]
	if len(cs[i].Sigs) == 1 {
		e.s.Chans = append(cs[:i], cs[i+1:]...)
	} else {
		c := &cs[i]
		if t := c.ent.loadTail(); t != nil {
			// Interned contents remember what is left without their head.
			c.Sigs, c.enc, c.ent, c.popOf = t.sigs, nil, t, nil
			return sig, true
		}
		c.popOf = c.ent // nil if the contents were not interned, or were changed
		c.Sigs, c.enc, c.ent = c.Sigs[1:], nil, nil
	}
	return sig, true
}

// clearChan empties the channel from -> to and returns what it held.
func (e *edit) clearChan(from, to term.NodeID) []Signal {
	i, ok := e.s.chanIndex(from, to)
	if !ok {
		return nil
	}
	cs := e.chans()
	sigs := cs[i].Sigs
	e.s.Chans = append(cs[:i], cs[i+1:]...)
	return sigs
}

func (e *edit) setConn(a, b term.NodeID, st ConnState) {
	if a > b {
		a, b = b, a
		switch st {
		case ConnHalfLo:
			st = ConnHalfHi
		case ConnHalfHi:
			st = ConnHalfLo
		}
	}
	if !e.connsOwned {
		e.s.Conns = append([]Conn(nil), e.s.Conns...)
		e.s.connsEnc = nil
		e.connsOwned = true
	}
	cs := e.s.Conns
	for i, c := range cs {
		if c.A == a && c.B == b {
			if st == ConnDown {
				e.s.Conns = append(cs[:i], cs[i+1:]...)
			} else {
				cs[i].State = st
			}
			return
		}
	}
	if st == ConnDown {
		return
	}
	i := sort.Search(len(cs), func(i int) bool { return cs[i].A > a || cs[i].A == a && cs[i].B >= b })
	cs = append(cs, Conn{})
	copy(cs[i+1:], cs[i:])
	cs[i] = Conn{A: a, B: b, State: st}
	e.s.Conns = cs
}

func (e *edit) budget() []uint8 {
	if !e.budOwned {
		e.s.Budget = append([]uint8(nil), e.s.Budget...)
		e.budOwned = true
	}
	return e.s.Budget
}

func (e *edit) hist() *Hist {
	if e.s.Hist == nil {
		return nil
	}
	if !e.histOwned {
		h := e.s.Hist.clone()
		e.s.Hist = h
		e.histOwned = true
	}
	return e.s.Hist
}
