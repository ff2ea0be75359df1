package semantics

import (
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// StepKind is the kind of a transition.
type StepKind uint8

const (
	// StepEffect: a process performs the effect its code requested, then
	// runs its pure code up to its next effect.
	StepEffect StepKind = iota
	// StepReceive: a waiting process takes a matching message.
	StepReceive
	// StepTimeout: a waiting process's after clause fires.
	StepTimeout
	// StepExit: a process whose code ended terminates (links, monitors).
	StepExit
	// StepDeliver: the oldest signal in flight from Peer to Node arrives.
	StepDeliver
	// StepDetect: Node notices that its connection to Peer is dead (free).
	StepDetect
	// StepCrash: fault, Node crashes.
	StepCrash
	// StepRestart: fault, Node starts again as a new incarnation.
	StepRestart
	// StepDisconnect: fault, the connection between Node and Peer breaks.
	StepDisconnect

	numStepKinds // the number of step kinds
)

var stepKindNames = [numStepKinds]string{
	StepEffect:     "effect",
	StepReceive:    "receive",
	StepTimeout:    "timeout",
	StepExit:       "exit",
	StepDeliver:    "deliver",
	StepDetect:     "detect",
	StepCrash:      "crash",
	StepRestart:    "restart",
	StepDisconnect: "disconnect",
}

func (k StepKind) String() string { return stepKindNames[k] }

// IsFault reports whether the step is a budgeted fault.
func (k StepKind) IsFault() bool { return k == StepCrash || k == StepRestart || k == StepDisconnect }

// Step is a transition label. Info holds what traces and properties need.
type Step struct {
	Kind StepKind
	Pid  term.Pid    // the acting process (process steps)
	Node term.NodeID // the acting node; for deliveries the receiving node
	Peer term.NodeID // deliveries: the sending node; disconnect/detect: the other node
	Info *StepInfo
}

// StepInfo details a transition.
type StepInfo struct {
	Eff       compile.Effect
	Pos       token.Pos        // source position of the effect, receive or raise
	Args      []term.Term      // the effect's arguments
	Result    term.Term        // the effect's result (nil if it raised or blocked)
	Exc       *term.Exc        // the exception the effect raised in the process, caught or not
	Msg       term.Term        // the received message (StepReceive)
	Sig       *Signal          // the delivered signal (StepDeliver)
	Output    string           // io:format output
	Failed    bool             // a connection attempt failed (connect_fail fault)
	Connected [][2]term.NodeID // connections set up in this step (Ensure), initiator first
	Blocked   bool             // the process now waits for a remote spawn
	Lost      []Lost           // signals dropped in this step
	Ends      []End            // processes that ended in this step
	Raised    []Raise          // processes whose own code raised an uncaught exception
	Appends   []Append         // messages put in mailboxes
	Spawned   []Spawned        // processes created
	Pushed    []Pushed         // signals put on channels
	Bound     string           // a bound was reached
}

// Pushed is a signal put on the channel From -> To.
type Pushed struct {
	From, To term.NodeID
	Sig      Signal
}

// Lost is a signal dropped by the network (never by a receiver's death).
type Lost struct {
	From, To term.NodeID
	Sig      Signal
	Why      string // "disconnect", "crash", "halt", "disconnect_node", "dead connection", "no connection"
	// InFlight is true when the signal was on a channel (flushed by the
	// step), false when it was lost as it was sent.
	InFlight bool
}

// End is a process that ended.
type End struct {
	Pid    term.Pid
	Name   string
	Reason term.Term // nil when its node crashed
}

// Raise is an uncaught exception in a process's own code.
type Raise struct {
	Pid    term.Pid
	Reason term.Term
	Pos    token.Pos
	Crash  bool // a crash in the sense of the crash property (not normal/shutdown)
}

// Append is a message put into a mailbox.
type Append struct {
	To   term.Pid
	Msg  term.Term
	User bool     // sent with ! (as opposed to EXIT, DOWN, nodedown... notifications)
	From term.Pid // User: the sender
	Dest Dest     // User: the destination as the sender wrote it
	// History (zero unless recorded):
	Seq, Prev uint32 // this message's number and the number of the last one that reached the destination before
	Sup       uint32 // see PairHist.Sup
	Stamp     uint32 // causal: the sender's own clock component at the send
	SeenStamp uint32 // causal: the largest clock component of the sender among messages delivered earlier
	ToldDown  bool   // fd_accurate: the receiver had been told the sender is down
}

// Spawned is a process created in a step.
type Spawned struct {
	Pid    term.Pid
	Parent term.Pid
	Reused bool // pid_unique: an earlier process of the run had this pid
}

// trans is an enabled transition, before it is applied.
type trans struct {
	kind  StepKind
	pid   term.Pid
	a, b  term.NodeID
	fault int
}

// Successors calls yield for every transition enabled in st, in a fixed
// order: receives by pid, the other process steps (effects, exits) by pid,
// deliveries by channel, timeouts by pid, detection of dead connections,
// then faults (crash, restart, disconnect).
// A transition with an internal choice (a connection attempt that may fail
// under a connect_fail budget) yields one successor per outcome.
func (s *System) Successors(st *State, yield func(Step, *State) bool) {
	s.successors(st, false, yield)
}

// SuccessorsTransient is [System.Successors] for a caller that keeps
// nothing of a successor or its step once yield returns (it encodes it,
// judges it and moves on): the new state, its process list, the processes
// the transition changed and their encodings are built in memory that the
// next transition reuses (explore.TransientSystem). Processes the
// transition did not change are shared with st, as always.
func (s *System) SuccessorsTransient(st *State, yield func(Step, *State) bool) {
	s.successors(st, true, yield)
}

func (s *System) successors(st *State, transient bool, yield func(Step, *State) bool) {
	if st.Bound != "" {
		return
	}
	buf := transPool.Get().(*[]trans)
	ts := s.transitions(st, (*buf)[:0])
	x := getStepper()
	for _, t := range ts {
		if !s.applyAll(x, st, t, transient, yield) {
			break
		}
	}
	putStepper(x) // after the last yield: a transient successor lives in x's arena
	*buf = ts[:0]
	transPool.Put(buf)
}

// stepperPool recycles the steppers that apply transitions.
var stepperPool = sync.Pool{New: func() any { return new(stepper) }}

// scratchPool recycles the locals that receive matching binds.
var scratchPool = sync.Pool{New: func() any { return new([]term.Term) }}

// transPool recycles the lists of enabled transitions (one per expanded
// state otherwise).
var transPool = sync.Pool{New: func() any { b := make([]trans, 0, 32); return &b }}

// getStepper takes a stepper from the pool; putStepper gives it back.
func getStepper() *stepper { return stepperPool.Get().(*stepper) }

func putStepper(x *stepper) {
	x.reset(nil, nil, false)
	stepperPool.Put(x)
}

// reset prepares x for a transition of s, keeping the memory of its work
// lists and its arena.
func (x *stepper) reset(s *System, script []int, transient bool) {
	// Field by field: assigning a whole new stepper costs a copy of it
	// with write barriers, a measurable share of a transition.
	clear(x.dying)
	if transient && x.ar == nil {
		x.ar = &arena{}
	}
	x.sys, x.e, x.info = s, nil, nil
	x.h.s, x.h.e = nil, nil
	x.m = vm.Machine{Scratch: x.m.Scratch[:0]}
	x.script, x.pos, x.points = script, 0, x.points[:0]
	x.dying, x.queue = x.dying[:0], x.queue[:0]
	x.actor = term.Pid{}
	x.transient = transient
	x.pending = memoPending{}
	x.localName = 0
}

// applyAll applies t once per outcome of its internal choices, with x
// (one stepper serves all the transitions of a state).
func (s *System) applyAll(x *stepper, st *State, t trans, transient bool, yield func(Step, *State) bool) bool {
	var script []int
	for {
		x.reset(s, script, transient)
		next, step := x.apply(st, t, x.m.Scratch)
		if !yield(step, next) {
			return false
		}
		// Advance the choices like an odometer.
		script = x.script[:x.pos]
		i := len(script) - 1
		for i >= 0 && script[i]+1 >= x.points[i] {
			i--
		}
		if i < 0 {
			return true
		}
		script = append(script[:i:i], script[i]+1)
	}
}

// transitions lists the transitions enabled in st, in the order of
// [System.Successors].
func (s *System) transitions(st *State, buf []trans) []trans {
	ts := buf[:0]
	sp := scratchPool.Get().(*[]term.Term)
	scratch := *sp
	defer func() {
		clear(scratch)
		*sp = scratch[:0]
		scratchPool.Put(sp)
	}()
	var timeouts []trans
	// Receives come first: the partial-order reduction (por.go) takes the
	// first one alone, and its index is then 0.
	for _, p := range st.Procs {
		if p.St == vm.StWait {
			var w uint32
			w, scratch = s.waitOutcome(p, scratch)
			switch w {
			case waitReceive:
				ts = append(ts, trans{kind: StepReceive, pid: p.Pid})
			case waitTimeout:
				timeouts = append(timeouts, trans{kind: StepTimeout, pid: p.Pid})
			}
		}
	}
	for _, p := range st.Procs {
		switch p.St {
		case vm.StRun:
			ts = append(ts, trans{kind: StepEffect, pid: p.Pid})
		case vm.StExit:
			ts = append(ts, trans{kind: StepExit, pid: p.Pid})
		}
	}
	for _, c := range st.Chans {
		if s.deliverable(st, c.From, c.To) {
			ts = append(ts, trans{kind: StepDeliver, a: c.From, b: c.To})
		}
	}
	var detects []trans
	for _, c := range st.Conns {
		switch c.State {
		case ConnHalfLo:
			detects = append(detects, trans{kind: StepDetect, a: c.A, b: c.B})
		case ConnHalfHi:
			detects = append(detects, trans{kind: StepDetect, a: c.B, b: c.A})
		}
	}
	if !s.opts.MaxProgress || len(ts) == 0 && len(detects) == 0 {
		ts = append(ts, timeouts...)
	}
	ts = append(ts, detects...)
	// Faults.
	for n := 0; n < s.nUp; n++ {
		if st.Nodes[n].Up {
			if f := s.budgetFor(st, FaultCrash, term.NodeID(n), term.NodeID(n)); f >= 0 {
				ts = append(ts, trans{kind: StepCrash, a: term.NodeID(n), fault: f})
			}
		}
	}
	for n := 0; n < s.nUp; n++ {
		if !st.Nodes[n].Up {
			if f := s.budgetFor(st, FaultRestart, term.NodeID(n), term.NodeID(n)); f >= 0 {
				ts = append(ts, trans{kind: StepRestart, a: term.NodeID(n), fault: f})
			}
		}
	}
	for _, c := range st.Conns {
		if c.State == ConnUp {
			if f := s.budgetFor(st, FaultDisconnect, c.A, c.B); f >= 0 {
				ts = append(ts, trans{kind: StepDisconnect, a: c.A, b: c.B, fault: f})
			}
		}
	}
	return ts
}

// budgetFor returns the first fault budget of kind k with budget left that
// applies to nodes a and b (for node faults a == b; for pairs, a budget
// restricted to nodes applies when either end is listed), or -1.
func (s *System) budgetFor(st *State, k FaultKind, a, b term.NodeID) int {
	for i, f := range s.faults {
		if f.kind != k || st.Budget[i] == 0 {
			continue
		}
		if len(f.nodes) == 0 {
			return i
		}
		for _, n := range f.nodes {
			if n == a || n == b {
				return i
			}
		}
	}
	return -1
}

// deliverable reports whether the head of channel a -> b can arrive: the
// connection is up, or b holds it (a crashed; what a sent before can still
// arrive until b notices).
func (s *System) deliverable(st *State, a, b term.NodeID) bool {
	lo, hi := a, b
	if lo > hi {
		lo, hi = hi, lo
	}
	return holds(st.ConnState(a, b), lo, hi, b)
}

// timeoutPossible reports whether a waiting process's receive has a finite
// timeout.
func (s *System) timeoutPossible(p *Proc) bool {
	fr := p.Frames[len(p.Frames)-1]
	in := s.prog.Funcs[fr.Fn].Code[fr.PC]
	if in.B != 1 {
		return false
	}
	return p.Stack[len(p.Stack)-1] != term.AInfinity
}

// What a waiting process can do: receive a message, time out, or
// neither.
const (
	waitReceive = 1 + iota
	waitTimeout
	waitBlocked
)

// waitOutcome returns what the waiting process p can do. It depends on p
// alone, so a shared process keeps it.
func (s *System) waitOutcome(p *Proc, scratch []term.Term) (uint32, []term.Term) {
	keep := s.memo && p.sh != nil
	if keep {
		if w := p.sh.wait.Load(); w != 0 {
			return w, scratch
		}
	}
	var mi int
	mi, _, scratch = s.recvMatch(p, scratch)
	w := uint32(waitBlocked)
	if mi >= 0 {
		w = waitReceive
	} else if s.timeoutPossible(p) {
		w = waitTimeout
	}
	if keep {
		p.sh.wait.Store(w)
	}
	return w, scratch
}

// recvMatch finds the message a waiting process would take: the oldest
// message that matches some clause (clauses tried in order). It returns the
// message and clause indices (-1 if none) and the bound locals.
func (s *System) recvMatch(p *Proc, scratch []term.Term) (mi, ci int, out []term.Term) {
	fr := p.Frames[len(p.Frames)-1]
	fn := s.prog.Funcs[fr.Fn]
	r := s.prog.Recvs[fn.Code[fr.PC].A]
	locals := p.Stack[fr.Base : int(fr.Base)+fn.NSlots]
	if cap(scratch) < len(locals) {
		scratch = make([]term.Term, len(locals))
	}
	scratch = scratch[:len(locals)]
	m := s.gm
	// A match writes only the slots its pattern binds: a failed one
	// restores those.
	copy(scratch, locals)
	for i, msg := range p.Mbox {
		for j := range r.Clauses {
			c := &r.Clauses[j]
			if vm.Match(c.Pat, msg, scratch) && (c.Guard == nil || vm.EvalGuard(m, c.Guard, scratch, &p.Proc)) {
				return i, j, scratch
			}
			for _, k := range c.Binds {
				scratch[k] = locals[k]
			}
		}
	}
	return -1, -1, scratch
}

// ---------------------------------------------------------------------------
// Applying a transition

// stepper applies one transition.
type stepper struct {
	sys    *System
	m      vm.Machine
	h      host // the machine's host for the transition
	e      *edit
	info   *StepInfo
	script []int // choices to take
	pos    int
	points []int   // number of options at each choice point met
	dying  []dying // processes scheduled to terminate in this step
	queue  []term.Pid
	actor  term.Pid

	ar        *arena // kept across transitions; used when transient
	transient bool
	pending   memoPending // a local step to remember (memo.go)
	localName uint64      // the name of the message a memoized send puts in a local mailbox
}

// choose returns which of n options to take at the next choice point.
func (x *stepper) choose(n int) int {
	v := 0
	if x.pos < len(x.script) {
		v = x.script[x.pos]
	} else {
		x.script = append(x.script, 0)
	}
	x.points = append(x.points, n)
	x.pos++
	return v
}

func (x *stepper) apply(st *State, t trans, scratch []term.Term) (*State, Step) {
	if x.transient {
		x.e = x.ar.reset(st)
	} else {
		x.e = newEdit(st)
	}
	x.h = host{s: x.sys, e: x.e}
	x.m = vm.Machine{Code: &x.sys.code, Host: &x.h, Scratch: scratch}
	x.info = &x.e.info
	step := Step{Kind: t.kind, Pid: t.pid, Node: t.pid.Node, Info: x.info}
	x.actor = t.pid
	switch t.kind {
	case StepEffect:
		if !x.memoSend(t.pid) {
			x.effectStep(t.pid)
		}
	case StepReceive:
		if !x.memoStep(StepReceive, t.pid) {
			x.receiveStep(t.pid)
		}
	case StepTimeout:
		if !x.memoStep(StepTimeout, t.pid) {
			x.timeoutStep(t.pid)
		}
	case StepExit:
		p := x.e.s.Proc(t.pid)
		x.info.Pos = x.exitPos(p)
		x.terminate(t.pid, p.Reason)
	case StepDeliver:
		step.Node, step.Peer = t.b, t.a
		x.deliver(t.a, t.b)
	case StepDetect:
		step.Node, step.Peer = t.a, t.b
		x.teardown(t.a, t.b, "dead connection")
	case StepCrash:
		step.Node = t.a
		x.e.budget()[t.fault]--
		x.crash(t.a, "crash")
	case StepRestart:
		step.Node = t.a
		x.e.budget()[t.fault]--
		x.restart(t.a)
	case StepDisconnect:
		step.Node, step.Peer = t.a, t.b
		x.e.budget()[t.fault]--
		x.teardown(t.a, t.b, "disconnect")
	}
	x.drain()
	if x.m.Bound != "" {
		x.e.s.Bound = x.m.Bound
		x.info.Bound = x.m.Bound
	}
	x.sys.seal(x.e.s, x.e.ar)
	if x.pending.from != nil {
		x.memoRecord()
	}
	return x.e.s, step
}

func (x *stepper) exitPos(p *Proc) token.Pos {
	if p == nil {
		return token.NoPos
	}
	return token.NoPos
}

// run runs a process's pure code and records an uncaught exception.
func (x *stepper) run(p *Proc) {
	x.m.RaisedAt = token.NoPos
	x.m.Run(&p.Proc)
	if p.St == vm.StExit && p.Reason != term.ANormal {
		x.info.Raised = append(x.info.Raised, Raise{Pid: p.Pid, Reason: p.Reason, Pos: x.m.RaisedAt, Crash: p.Own})
	}
}

func (x *stepper) alive(pid term.Pid) bool {
	if x.isDying(pid) {
		return false
	}
	return x.e.s.proc(pid) >= 0
}

// proc returns a private copy of a live process that is not dying, or nil.
func (x *stepper) proc(pid term.Pid) *Proc {
	if x.isDying(pid) {
		return nil
	}
	return x.e.mut(pid)
}

// userPos returns the position a trace should show for what process p does
// at pos: inside prelude code (lists:map, timer:sleep...), the call in the
// model's own code that led there.
func (s *System) userPos(p *Proc, pos token.Pos) token.Pos {
	for i := len(p.Frames) - 1; i >= 0; i-- {
		fr := p.Frames[i]
		fn := s.prog.Funcs[fr.Fn]
		if !fn.Prelude {
			if i == len(p.Frames)-1 {
				return pos
			}
			// A caller frame's PC is its return address: the call is just
			// before it.
			if fr.PC > 0 {
				return fn.Code[fr.PC-1].Pos
			}
			return fn.Pos
		}
	}
	return token.NoPos
}

func (x *stepper) effectStep(pid term.Pid) {
	// The arguments as the trace shows them alias the stack of the process
	// in the previous state, which never changes.
	orig := x.e.s.Procs[x.e.s.proc(pid)]
	p := x.e.mut(pid)
	fr := p.Frames[len(p.Frames)-1]
	x.info.Pos = x.sys.userPos(p, x.sys.prog.Funcs[fr.Fn].Code[fr.PC].Pos)
	n := int(p.NArgs)
	k := len(orig.Stack)
	args := orig.Stack[k-n : k : k]
	p.Stack = p.Stack[:len(p.Stack)-n]
	x.info.Eff = p.Eff
	x.info.Args = args
	res, exc := x.effect(p, p.Eff, args)
	if !x.alive(pid) || p.St == vm.StSpawnWait {
		return
	}
	if exc != nil {
		x.info.Exc = exc
		x.m.Raise(&p.Proc, exc, x.info.Pos)
		if p.St == vm.StExit {
			if p.Reason != term.ANormal {
				x.info.Raised = append(x.info.Raised, Raise{Pid: p.Pid, Reason: p.Reason, Pos: x.info.Pos, Crash: p.Own})
			}
			return
		}
		x.run(p)
		return
	}
	x.info.Result = res
	x.m.Resume(&p.Proc, res)
	if p.St == vm.StExit {
		return
	}
	x.run(p)
}

func (x *stepper) receiveStep(pid term.Pid) {
	p := x.e.mut(pid)
	mi, ci, bound := x.sys.recvMatch(p, x.m.Scratch)
	x.m.Scratch = bound
	fr := &p.Frames[len(p.Frames)-1]
	fn := x.sys.prog.Funcs[fr.Fn]
	in := fn.Code[fr.PC]
	r := x.sys.prog.Recvs[in.A]
	copy(p.Stack[fr.Base:], bound)
	msg := p.Mbox[mi]
	x.info.Msg = msg
	x.info.Pos = x.sys.userPos(p, r.Clauses[ci].Pos)
	mb := x.e.mailbox(len(p.Mbox) - 1)
	mb = append(mb, p.Mbox[:mi]...)
	p.Mbox = append(mb, p.Mbox[mi+1:]...)
	if p.MboxVC != nil {
		vc := p.MboxVC[mi]
		nv := make([]VClock, 0, len(p.MboxVC)-1)
		nv = append(nv, p.MboxVC[:mi]...)
		p.MboxVC = append(nv, p.MboxVC[mi+1:]...)
		p.VC = p.VC.join(vc)
	}
	if in.B == 1 {
		p.Stack = p.Stack[:len(p.Stack)-1]
	}
	fr.PC = r.Clauses[ci].Body
	p.St = vm.StRun
	x.run(p)
}

func (x *stepper) timeoutStep(pid term.Pid) {
	p := x.e.mut(pid)
	fr := &p.Frames[len(p.Frames)-1]
	in := x.sys.prog.Funcs[fr.Fn].Code[fr.PC]
	r := x.sys.prog.Recvs[in.A]
	x.info.Pos = x.sys.userPos(p, r.Pos)
	p.Stack = p.Stack[:len(p.Stack)-1]
	fr.PC = r.After
	p.St = vm.StRun
	x.run(p)
}

// ---------------------------------------------------------------------------
// Mailboxes

// notify appends a runtime notification (EXIT, DOWN, nodedown...) to a
// live process's mailbox.
func (x *stepper) notify(pid term.Pid, msg term.Term) {
	q := x.proc(pid)
	if q == nil {
		return
	}
	x.appendMsg(q, msg, nil)
	x.info.Appends = append(x.info.Appends, Append{To: pid, Msg: msg})
}

func (x *stepper) appendMsg(q *Proc, msg term.Term, vc VClock) {
	if len(q.Mbox) >= x.sys.bounds.Mailbox {
		x.m.Bound = fmt.Sprintf("mailbox of %s reached %d messages (bound mailbox)", x.sys.PidLabel(q.Pid), x.sys.bounds.Mailbox)
	}
	q.Mbox = append(append(x.e.mailbox(len(q.Mbox)+1), q.Mbox...), msg)
	if x.sys.opts.Record&RecordCausal != 0 {
		q.MboxVC = append(q.MboxVC[:len(q.MboxVC):len(q.MboxVC)], vc)
	}
}

// userSent numbers a message of p to dest (history) and returns the signal
// fields to carry.
func (x *stepper) userSent(p *Proc, dest Dest, target term.Pid, sig *Signal) {
	rec := x.sys.opts.Record
	if rec&RecordSeq != 0 {
		h := x.e.hist()
		ph := h.pair(p.Pid, dest)
		ph.Sent++
		sig.Seq = ph.Sent
		if x.supervises(p, dest, target) {
			if ph.Sup == 0 {
				ph.Sup = ph.Sent
			}
		} else {
			ph.Sup = 0
		}
		sig.Sup = ph.Sup
	}
	if rec&RecordCausal != 0 {
		p.VC = p.VC.inc(p.Pid)
		sig.VC = p.VC
	}
}

// supervises reports whether p links to or monitors the destination.
func (x *stepper) supervises(p *Proc, dest Dest, target term.Pid) bool {
	if !dest.ByName {
		for _, l := range p.Links {
			if l.Pid == dest.Pid && l.State == LinkActive {
				return true
			}
		}
	}
	for _, m := range p.MonOut {
		if dest.ByName {
			if m.ByName && m.Name == dest.Name && m.Node == target.Node {
				return true
			}
		} else if !m.ByName && m.Target == dest.Pid {
			return true
		}
	}
	return false
}

// userArrive puts a user message into the mailbox of q (if live), or
// records that it reached a dead destination. memo, when its name is not
// zero, names the arrival for what q remembers (memo.go).
func (x *stepper) userArrive(q term.Pid, sig *Signal, dest Dest, memo memoKey) {
	a := Append{To: q, Msg: sig.Val, User: true, From: sig.From, Dest: dest, Seq: sig.Seq, Sup: sig.Sup}
	rec := x.sys.opts.Record
	if rec&RecordSeq != 0 {
		h := x.e.hist()
		ph := h.pair(sig.From, dest)
		a.Prev = ph.Done
		if sig.Seq > ph.Done {
			ph.Done = sig.Seq
		}
	}
	if memo.b == 0 || !x.memoArrive(q, memo) {
		qp := x.proc(q)
		if qp == nil {
			return // reached a dead destination: not a loss
		}
		if rec&RecordCausal != 0 {
			h := x.e.hist()
			seen := h.seen(q)
			a.Stamp = sig.VC.Get(sig.From)
			a.SeenStamp = seen.Get(sig.From)
			h.setSeen(q, seen.join(sig.VC))
		}
		x.appendMsg(qp, sig.Val, sig.VC)
	}
	if rec&RecordTold != 0 {
		a.ToldDown = x.e.s.Hist.toldDown(q, sig.From)
	}
	x.info.Appends = append(x.info.Appends, a)
}

// forgetSeen drops what the causal history kept about the messages a
// process that ended had received: no message reaches it any more, and a
// later process with the same pid starts afresh. It also makes a delivery to
// a process and the process's end commute (the partial-order reduction).
func (x *stepper) forgetSeen(pid term.Pid) {
	if x.sys.opts.Record&RecordCausal == 0 || x.e.s.Hist == nil {
		return
	}
	i := slices.IndexFunc(x.e.s.Hist.Seen, func(e Seen) bool { return e.Pid == pid })
	if i < 0 {
		return
	}
	h := x.e.hist() // a clone shares the list, so i holds there too
	h.Seen = append(h.Seen[:i:i], h.Seen[i+1:]...)
}

// told records that w was told pid (or a node incarnation) is down.
func (x *stepper) told(t Told) {
	if x.sys.opts.Record&(RecordTold|RecordSeq) == 0 {
		return
	}
	h := x.e.hist()
	if x.sys.opts.Record&RecordTold != 0 {
		h.addTold(t)
	}
	if x.sys.opts.Record&RecordSeq != 0 {
		// Supervision of what w was told about starts over.
		for i := range h.Pairs {
			ph := &h.Pairs[i]
			if ph.From != t.Watcher {
				continue
			}
			to := ph.To.Pid
			if !t.ByNode && !ph.To.ByName && to == t.Pid || t.ByNode && to.Node == t.Node {
				ph.Sup = 0
			}
		}
	}
}

// ---------------------------------------------------------------------------
// Connections and channels

// push puts a signal on the channel from a to b if the connection is up;
// otherwise the signal is lost.
func (x *stepper) push(a, b term.NodeID, sig Signal) {
	if x.e.s.ConnState(a, b) != ConnUp {
		x.lose(a, b, sig, "sent on a dead connection")
		return
	}
	if len(x.e.s.Channel(a, b)) >= x.sys.bounds.Channel {
		x.m.Bound = fmt.Sprintf("channel %s -> %s reached %d signals (bound channel)", x.sys.NodeName(a), x.sys.NodeName(b), x.sys.bounds.Channel)
	}
	x.e.pushSig(a, b, sig)
	x.info.Pushed = append(x.info.Pushed, Pushed{From: a, To: b, Sig: sig})
}

func (x *stepper) lose(a, b term.NodeID, sig Signal, why string) {
	x.info.Lost = append(x.info.Lost, Lost{From: a, To: b, Sig: sig, Why: why})
}

func (x *stepper) flushed(a, b term.NodeID, sig Signal, why string) {
	x.info.Lost = append(x.info.Lost, Lost{From: a, To: b, Sig: sig, Why: why, InFlight: true})
}

// ensure is SEMANTICS.md's Ensure(a, b): it makes sure node a holds a
// connection to b, connecting if needed, and reports whether it does.
func (x *stepper) ensure(a, b term.NodeID) bool {
	if a == b {
		return true
	}
	if !x.sys.configured(b) {
		return false
	}
	lo, hi := a, b
	if lo > hi {
		lo, hi = hi, lo
	}
	st := x.e.s.ConnState(a, b)
	switch {
	case st == ConnUp:
		return true
	case st != ConnDown && holds(st, lo, hi, a):
		return true
	case st != ConnDown:
		// b holds a connection to a's previous incarnation: the handshake
		// makes b drop it first.
		x.teardown(b, a, "dead connection")
	}
	nodes := x.e.s.Nodes
	if !nodes[b].Up {
		return false
	}
	if f := x.sys.budgetFor(x.e.s, FaultConnectFail, a, b); f >= 0 {
		if x.choose(2) == 1 {
			x.e.budget()[f]--
			x.info.Failed = true
			return false
		}
	}
	x.connect(a, b)
	return true
}

func (x *stepper) connect(a, b term.NodeID) {
	x.info.Connected = append(x.info.Connected, [2]term.NodeID{a, b})
	x.e.setConn(a, b, ConnUp)
	lo, hi := a, b
	if lo > hi {
		lo, hi = hi, lo
	}
	for i := range x.e.s.Conns {
		c := &x.e.s.Conns[i]
		if c.A == lo && c.B == hi {
			c.CrA, c.CrB = x.e.s.Nodes[lo].Cr, x.e.s.Nodes[hi].Cr
		}
	}
	x.connectNotify(a, b)
	x.connectNotify(b, a)
}

// connectNotify tells node x's subscribers that y is up.
func (x *stepper) connectNotify(n, y term.NodeID) {
	msg := term.MkTuple(term.ANodeup, x.sys.nodeAtom(y))
	for _, s := range x.e.s.Nodes[n].Subs {
		x.notify(s, msg)
	}
	if x.sys.opts.NodeUp {
		for _, p := range x.procsOn(n) {
			q := x.e.s.Proc(p)
			for _, m := range q.NMon {
				if m == y {
					x.notify(p, msg)
				}
			}
		}
	}
}

// procsOn lists the live processes of node n in pid order.
func (x *stepper) procsOn(n term.NodeID) []term.Pid {
	var out []term.Pid
	for _, p := range x.e.s.Procs {
		if p.Pid.Node == n {
			out = append(out, p.Pid)
		}
	}
	return out
}

// connCreation returns the creation node y had when its connection with x
// was made (the incarnation x knows), or y's current creation.
func (x *stepper) connCreation(a, y term.NodeID) uint32 {
	lo, hi := a, y
	if lo > hi {
		lo, hi = hi, lo
	}
	for _, c := range x.e.s.Conns {
		if c.A == lo && c.B == hi {
			if y == lo {
				return c.CrA
			}
			return c.CrB
		}
	}
	return x.e.s.Nodes[y].Cr
}

// teardown is TeardownCore{a, b}: both channels are emptied silently and
// every node that held the connection is told the other end is down.
func (x *stepper) teardown(a, b term.NodeID, why string) {
	st := x.e.s.ConnState(a, b)
	lo, hi := a, b
	if lo > hi {
		lo, hi = hi, lo
	}
	crA, crB := x.connCreation(b, a), x.connCreation(a, b)
	for _, sig := range x.e.clearChan(a, b) {
		x.flushed(a, b, sig, why)
	}
	for _, sig := range x.e.clearChan(b, a) {
		x.flushed(b, a, sig, why)
	}
	x.e.setConn(a, b, ConnDown)
	var holders []term.NodeID
	if holds(st, lo, hi, lo) {
		holders = append(holders, lo)
	}
	if holds(st, lo, hi, hi) {
		holders = append(holders, hi)
	}
	for _, h := range holders {
		if h == a {
			x.notifyDown(a, b, crB)
		} else {
			x.notifyDown(b, a, crA)
		}
	}
}

// notifyDown: node n learns that its connection to y (incarnation cr) is
// gone. Processes are handled in pid order; within a mailbox the order is
// EXITs, DOWNs, nodedown (monitor_node), spawn failures, nodedown
// (net_kernel).
func (x *stepper) notifyDown(n, y term.NodeID, cr uint32) {
	nodedown := term.MkTuple(term.ANodedown, x.sys.nodeAtom(y))
	for _, pid := range x.procsOn(n) {
		p := x.proc(pid)
		if p == nil {
			continue
		}
		var exits []term.Pid
		var links []Link
		for _, l := range p.Links {
			if l.Pid.Node == y {
				if l.State == LinkActive {
					exits = append(exits, l.Pid)
				}
				continue
			}
			links = append(links, l)
		}
		var downs []MonOut
		var monOut []MonOut
		for _, m := range p.MonOut {
			if m.Node == y {
				downs = append(downs, m)
				continue
			}
			monOut = append(monOut, m)
		}
		var monIn []MonIn
		for _, m := range p.MonIn {
			if m.Watcher.Node != y {
				monIn = append(monIn, m)
			}
		}
		nmon := 0
		var keep []term.NodeID
		for _, m := range p.NMon {
			if m == y {
				nmon++
				if x.sys.opts.NodeUp {
					keep = append(keep, m)
				}
				continue
			}
			keep = append(keep, m)
		}
		if len(exits) > 0 {
			p.Links = linksWithout(p.Links, y, exits)
		}
		if len(downs) > 0 {
			p.MonOut = monOut
		}
		if len(monIn) != len(p.MonIn) {
			p.MonIn = monIn
		}
		if nmon > 0 {
			p.NMon = keep
		}
		_ = links
		// The links are gone already: react as to a link signal.
		for _, q := range exits {
			x.react(pid, q, term.ANoconnection, true)
		}
		for _, m := range downs {
			if !x.alive(pid) {
				break
			}
			x.notify(pid, term.MkTuple(term.ADOWN, m.Ref, term.AProcess, x.monObj(m), term.ANoconnection))
			if !m.ByName {
				x.told(Told{Watcher: pid, Pid: m.Target})
			}
		}
		for i := 0; i < nmon && x.alive(pid); i++ {
			x.notify(pid, nodedown)
			x.told(Told{Watcher: pid, ByNode: true, Node: y, Cr: cr})
		}
		if x.alive(pid) && p.St == vm.StSpawnWait && p.SpawnTo == y {
			x.spawnFail(p, y, p.SpawnOpts, p.Spawn)
			x.run(p)
		}
	}
	for _, s := range x.e.s.Nodes[n].Subs {
		if x.alive(s) {
			x.notify(s, nodedown)
			x.told(Told{Watcher: s, ByNode: true, Node: y, Cr: cr})
		}
	}
}

// linksWithout removes every link to a process of node y.
func linksWithout(ls []Link, y term.NodeID, _ []term.Pid) []Link {
	var out []Link
	for _, l := range ls {
		if l.Pid.Node != y {
			out = append(out, l)
		}
	}
	return out
}

func (x *stepper) monObj(m MonOut) term.Term {
	if m.ByName {
		return term.MkTuple(m.Name, x.sys.nodeAtom(m.Node))
	}
	return m.Target
}

// ---------------------------------------------------------------------------
// Faults

// crash removes every process of node n without running their
// terminations: peers learn of it only when they detect the dead connection.
func (x *stepper) crash(n term.NodeID, why string) {
	for _, pid := range x.procsOn(n) {
		p := x.e.s.Proc(pid)
		x.info.Ends = append(x.info.Ends, End{Pid: pid, Name: x.sys.ProcName(p)})
		x.e.removeProc(pid)
		x.forgetSeen(pid)
		for i, d := range x.dying {
			if d.pid == pid {
				x.dying = append(x.dying[:i], x.dying[i+1:]...)
				break
			}
		}
	}
	nodes := x.e.nodes()
	nodes[n].Up = false
	nodes[n].Reg = nil
	nodes[n].Subs = nil
	for m := 0; m < len(nodes); m++ {
		y := term.NodeID(m)
		if y == n {
			continue
		}
		for _, sig := range x.e.clearChan(y, n) {
			x.flushed(y, n, sig, why)
		}
		st := x.e.s.ConnState(n, y)
		lo, hi := n, y
		if lo > hi {
			lo, hi = hi, lo
		}
		switch {
		case st == ConnUp:
			// y still believes in the connection.
			if y == lo {
				x.e.setConn(lo, hi, ConnHalfLo)
			} else {
				x.e.setConn(lo, hi, ConnHalfHi)
			}
		case st != ConnDown && holds(st, lo, hi, n):
			x.e.setConn(n, y, ConnDown)
			for _, sig := range x.e.clearChan(n, y) {
				x.flushed(n, y, sig, why)
			}
		}
	}
}

func (x *stepper) restart(n term.NodeID) {
	nodes := x.e.nodes()
	node := &nodes[n]
	node.Up = true
	node.Cr = x.sys.nextCreation(node.Cr)
	node.NextLid = firstLid
	node.Incarn++
	node.Reg = nil
	node.Subs = nil
	node.Atoms = nil
}

// ---------------------------------------------------------------------------
// Exit signals and termination

// exitSig is ExitSig(q, s, r, lf): process q receives an exit signal from s.
func (x *stepper) exitSig(q, s term.Pid, r term.Term, lf bool) {
	p := x.proc(q)
	if p == nil {
		return
	}
	if lf {
		i := findLink(p.Links, s)
		if i < 0 || p.Links[i].State != LinkActive {
			return
		}
		p.Links = append(p.Links[:i:i], p.Links[i+1:]...)
	}
	x.react(q, s, r, lf)
}

// react is rules 3 to 6 of ExitSig: how live process q reacts to an exit
// signal from s that it accepts (a link-caused one only while the link was
// active; the caller has removed the link).
func (x *stepper) react(q, s term.Pid, r term.Term, lf bool) {
	p := x.proc(q)
	if p == nil {
		return
	}
	switch {
	case !lf && r == term.AKill:
		x.terminate(q, term.AKilled)
	case p.Trap:
		x.notify(q, term.MkTuple(term.AEXIT, s, r))
		if r == term.ANoconnection {
			x.told(Told{Watcher: q, Pid: s})
		}
	case r == term.ANormal:
		if s == q && !lf {
			x.terminate(q, term.ANormal)
		}
	default:
		x.terminate(q, r)
	}
}

func findLink(ls []Link, p term.Pid) int {
	for i, l := range ls {
		if l.Pid == p {
			return i
		}
	}
	return -1
}

// dying is a process scheduled to terminate, with its reason.
type dying struct {
	pid    term.Pid
	reason term.Term
}

// isDying reports whether pid is scheduled to terminate in this step.
func (x *stepper) isDying(pid term.Pid) bool {
	for _, d := range x.dying {
		if d.pid == pid {
			return true
		}
	}
	return false
}

// terminate schedules the termination of a process; terminations run in
// ascending pid order when the step drains its work list.
func (x *stepper) terminate(pid term.Pid, reason term.Term) {
	if x.isDying(pid) || x.e.s.proc(pid) < 0 {
		return
	}
	x.dying = append(x.dying, dying{pid, reason})
	x.queue = append(x.queue, pid)
}

// drain runs the scheduled terminations, cascades included.
func (x *stepper) drain() {
	for len(x.queue) > 0 {
		// The smallest pid first (the lists are short).
		k := 0
		for i := range x.queue {
			if pidLess(x.queue[i], x.queue[k]) {
				k = i
			}
		}
		pid := x.queue[k]
		x.queue = append(x.queue[:k], x.queue[k+1:]...)
		for _, d := range x.dying {
			if d.pid == pid {
				x.doTerminate(pid, d.reason)
				break
			}
		}
	}
}

// doTerminate is Terminate(p, r).
func (x *stepper) doTerminate(pid term.Pid, reason term.Term) {
	p := x.e.s.Proc(pid)
	if p == nil {
		return
	}
	n := pid.Node
	x.info.Ends = append(x.info.Ends, End{Pid: pid, Name: x.sys.ProcName(p), Reason: reason})
	x.e.removeProc(pid)
	x.forgetSeen(pid)
	// Names and subscriptions.
	node := x.e.s.Nodes[n]
	if hasReg(node.Reg, pid) || hasPid(node.Subs, pid) {
		nodes := x.e.nodes()
		nodes[n].Reg = regWithout(nodes[n].Reg, pid)
		nodes[n].Subs = pidsWithout(nodes[n].Subs, pid)
	}
	// Links.
	for _, l := range p.Links {
		if l.State != LinkActive {
			continue
		}
		if l.Pid.Node == n {
			x.exitSig(l.Pid, pid, reason, true)
		} else if x.sys.configured(l.Pid.Node) {
			x.push(n, l.Pid.Node, Signal{Kind: SigExit, From: pid, To: l.Pid, Val: reason, Flag: true})
		}
	}
	// Monitors on p.
	for _, m := range p.MonIn {
		var obj term.Term = pid
		if m.ByName {
			obj = term.MkTuple(m.Name, x.sys.nodeAtom(n))
		}
		if m.Watcher.Node == n {
			w := x.proc(m.Watcher)
			if w == nil {
				continue
			}
			if i := findMonOut(w.MonOut, m.Ref); i >= 0 {
				w.MonOut = append(w.MonOut[:i:i], w.MonOut[i+1:]...)
				x.notify(m.Watcher, term.MkTuple(term.ADOWN, m.Ref, term.AProcess, obj, reason))
			}
		} else if x.sys.configured(m.Watcher.Node) {
			x.push(n, m.Watcher.Node, Signal{Kind: SigDown, From: pid, To: m.Watcher, Ref: m.Ref, Val: reason, Name: m.Name, Flag: m.ByName})
		}
	}
	// Monitors p held: remove the targets' records at once (a DOWN for a
	// dead watcher would be dropped anyway).
	for _, m := range p.MonOut {
		x.dropMonIn(m.Target, m.Ref)
	}
}

func (x *stepper) dropMonIn(target term.Pid, ref term.Ref) {
	if x.e.s.proc(target) < 0 {
		return
	}
	t := x.e.s.Proc(target)
	i := findMonIn(t.MonIn, ref)
	if i < 0 {
		return
	}
	t = x.e.mut(target)
	t.MonIn = append(t.MonIn[:i:i], t.MonIn[i+1:]...)
}

func findMonOut(ms []MonOut, r term.Ref) int {
	for i, m := range ms {
		if m.Ref == r {
			return i
		}
	}
	return -1
}

func findMonIn(ms []MonIn, r term.Ref) int {
	for i, m := range ms {
		if m.Ref == r {
			return i
		}
	}
	return -1
}

func hasReg(rs []RegEntry, p term.Pid) bool {
	for _, r := range rs {
		if r.Pid == p {
			return true
		}
	}
	return false
}

func hasPid(ps []term.Pid, p term.Pid) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

func regWithout(rs []RegEntry, p term.Pid) []RegEntry {
	var out []RegEntry
	for _, r := range rs {
		if r.Pid != p {
			out = append(out, r)
		}
	}
	return out
}

func pidsWithout(ps []term.Pid, p term.Pid) []term.Pid {
	var out []term.Pid
	for _, q := range ps {
		if q != p {
			out = append(out, q)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// Deliveries

func (x *stepper) deliver(a, b term.NodeID) {
	sig, _ := x.e.popSig(a, b)
	x.info.Sig = x.e.sigCopy(sig)
	if x.sys.atomsMade.Load() && sig.Val != nil {
		x.sys.learnAtoms(x.e, b, sig.Val)
	}
	switch sig.Kind {
	case SigMsg:
		x.userArrive(sig.To, &sig, Dest{Pid: sig.To}, memoKey{b: sig.fp, kind: StepDeliver})
	case SigRegMsg:
		dest := Dest{Pid: term.Pid{Node: b}, Name: sig.Name, ByName: true}
		if q, ok := x.whereis(b, sig.Name); ok {
			x.userArrive(q, &sig, dest, memoKey{b: sig.fp, kind: StepDeliver})
		} else {
			x.userArrive(term.Pid{Node: b}, &sig, dest, memoKey{})
		}
	case SigLink:
		q := x.proc(sig.To)
		if q == nil {
			x.push(b, a, Signal{Kind: SigExit, From: sig.To, To: sig.From, Val: term.ANoproc, Flag: true})
			return
		}
		if findLink(q.Links, sig.From) < 0 {
			q.Links = insertLink(q.Links, Link{Pid: sig.From})
		}
	case SigUnlink:
		q := x.proc(sig.To)
		if q == nil {
			return
		}
		if i := findLink(q.Links, sig.From); i >= 0 && q.Links[i].State == LinkActive {
			q.Links = append(q.Links[:i:i], q.Links[i+1:]...)
		}
	case SigExit:
		if x.alive(sig.To) {
			x.exitSig(sig.To, sig.From, sig.Val, sig.Flag)
		}
	case SigMonitor:
		// mcgo sends no demonitor signals: demonitor/1 and the watcher's
		// end remove the target's record at once. A monitor signal still
		// in flight then must not set the record up: OTP's demonitor
		// signal, behind it on the channel, would remove it, and any DOWN
		// in between would be dropped by the watcher anyway.
		if w := x.e.s.Proc(sig.From); w == nil || findMonOut(w.MonOut, sig.Ref) < 0 {
			return
		}
		target := sig.To
		ok := x.alive(target)
		if sig.Flag {
			target, ok = x.whereis(b, sig.Name)
		}
		if !ok {
			x.push(b, a, Signal{Kind: SigDown, From: target, To: sig.From, Ref: sig.Ref, Val: term.ANoproc, Name: sig.Name, Flag: sig.Flag})
			return
		}
		t := x.proc(target)
		t.MonIn = insertMonIn(t.MonIn, MonIn{Ref: sig.Ref, Watcher: sig.From, Name: sig.Name, ByName: sig.Flag})
	case SigDown:
		w := x.proc(sig.To)
		if w == nil {
			return
		}
		i := findMonOut(w.MonOut, sig.Ref)
		if i < 0 {
			return
		}
		m := w.MonOut[i]
		w.MonOut = append(w.MonOut[:i:i], w.MonOut[i+1:]...)
		x.notify(sig.To, term.MkTuple(term.ADOWN, sig.Ref, term.AProcess, x.monObj(m), sig.Val))
		if sig.Val == term.ANoconnection && !m.ByName {
			x.told(Told{Watcher: sig.To, Pid: m.Target})
		}
	case SigSpawnReq:
		var r *Proc
		switch prog := sig.Val.(type) {
		case *term.Fun:
			r = x.sys.newProc(&x.m, x.e, b, 0, 0, nil, prog)
		case term.Tuple:
			r = x.sys.newProc(&x.m, x.e, b, prog[0].(term.Atom), prog[1].(term.Atom), prog[2], nil)
		}
		if r == nil {
			return
		}
		if r.St == vm.StExit && r.Reason != term.ANormal {
			x.info.Raised = append(x.info.Raised, Raise{Pid: r.Pid, Reason: r.Reason, Pos: x.m.RaisedAt, Crash: r.Own})
		}
		x.spawned(r.Pid, sig.From)
		if sig.Opts&spawnLink != 0 {
			r.Links = insertLink(r.Links, Link{Pid: sig.From})
		}
		if sig.Opts&spawnMonitor != 0 {
			r.MonIn = insertMonIn(r.MonIn, MonIn{Ref: sig.Ref, Watcher: sig.From})
		}
		x.push(b, a, Signal{Kind: SigSpawnReply, From: r.Pid, To: sig.From, Ref: sig.Ref, Val: r.Pid, Opts: sig.Opts})
	case SigSpawnReply:
		p := x.proc(sig.To)
		if p == nil || p.St != vm.StSpawnWait || p.Spawn != sig.Ref {
			return
		}
		r := sig.Val.(term.Pid)
		var res term.Term = r
		if sig.Opts&spawnLink != 0 {
			p.Links = insertLink(p.Links, Link{Pid: r})
		}
		if sig.Opts&spawnMonitor != 0 {
			p.MonOut = insertMonOut(p.MonOut, MonOut{Ref: sig.Ref, Target: r, Node: r.Node})
			res = term.MkTuple(r, sig.Ref)
		}
		x.m.Resume(&p.Proc, res)
		if p.St != vm.StExit {
			x.run(p)
		}
	}
}

func (x *stepper) whereis(n term.NodeID, name term.Atom) (term.Pid, bool) {
	for _, r := range x.e.s.Nodes[n].Reg {
		if r.Name == name {
			return r.Pid, true
		}
	}
	return term.Pid{}, false
}

func insertLink(ls []Link, l Link) []Link {
	i := sort.Search(len(ls), func(i int) bool { return !pidLess(ls[i].Pid, l.Pid) })
	out := make([]Link, 0, len(ls)+1)
	out = append(out, ls[:i]...)
	out = append(out, l)
	return append(out, ls[i:]...)
}

func insertMonOut(ms []MonOut, m MonOut) []MonOut {
	i := sort.Search(len(ms), func(i int) bool { return !refLess(ms[i].Ref, m.Ref) })
	out := make([]MonOut, 0, len(ms)+1)
	out = append(out, ms[:i]...)
	out = append(out, m)
	return append(out, ms[i:]...)
}

func insertMonIn(ms []MonIn, m MonIn) []MonIn {
	i := sort.Search(len(ms), func(i int) bool { return !refLess(ms[i].Ref, m.Ref) })
	out := make([]MonIn, 0, len(ms)+1)
	out = append(out, ms[:i]...)
	out = append(out, m)
	return append(out, ms[i:]...)
}

// spawned records a new process (pid_unique).
func (x *stepper) spawned(pid, parent term.Pid) {
	sp := Spawned{Pid: pid, Parent: parent}
	if x.sys.opts.Record&RecordPids != 0 {
		h := x.e.hist()
		sp.Reused = h.hasPid(pid)
		h.addPid(pid)
	}
	x.info.Spawned = append(x.info.Spawned, sp)
}
