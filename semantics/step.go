package semantics

import (
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
			if f := s.budgetFor(st, faultCrash, term.NodeID(n), term.NodeID(n)); f >= 0 {
				ts = append(ts, trans{kind: StepCrash, a: term.NodeID(n), fault: f})
			}
		}
	}
	for n := 0; n < s.nUp; n++ {
		if !st.Nodes[n].Up {
			if f := s.budgetFor(st, faultRestart, term.NodeID(n), term.NodeID(n)); f >= 0 {
				ts = append(ts, trans{kind: StepRestart, a: term.NodeID(n), fault: f})
			}
		}
	}
	for _, c := range st.Conns {
		if c.State == ConnUp {
			if f := s.budgetFor(st, faultDisconnect, c.A, c.B); f >= 0 {
				ts = append(ts, trans{kind: StepDisconnect, a: c.A, b: c.B, fault: f})
			}
		}
	}
	return ts
}

// budgetFor returns the first fault budget of kind k with budget left that
// applies to nodes a and b (for node faults a == b; for pairs, see
// faultBudget.appliesTo), or -1.
func (s *System) budgetFor(st *State, k faultKind, a, b term.NodeID) int {
	for i := range s.faults {
		f := &s.faults[i]
		if f.kind == k && st.Budget[i] > 0 && f.appliesTo(a, b) {
			return i
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
		if exc.Class != term.AMcgo { // not a refusal (vm.Unsupported)
			x.info.Exc = exc
		}
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
