package semantics

import (
	"fmt"
	"strings"

	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// StepView is a readable account of one transition, for traces.
type StepView struct {
	Kind   string         // "effect", "receive", "timeout", "exit", "deliver", "detect", "crash", "restart", "disconnect"
	Action string         // send, spawn, receive, deliver, crash, ... (the effect for effect steps)
	Node   string         // the acting node ("env" for faults)
	Pid    string         // the acting process ("" for deliveries and faults)
	Proc   string         // its name: the function it was spawned with
	Text   string         // what happened, in one line
	Term   string         // the message or value involved, if any (~w form)
	Pos    token.Position // the Erlang expression, if any
	Fault  bool           // a budgeted fault
	Lost   []string       // messages lost in this step, one line each
	Notes  []string       // notifications and ends caused by the step
	Output string         // io output
}

// ShortNode returns a node's name without its host part when that is
// unambiguous among the model's nodes.
func (s *System) ShortNode(n term.NodeID) string {
	full := s.NodeName(n)
	i := strings.IndexByte(full, '@')
	if i < 0 {
		return full
	}
	short := full[:i]
	for k := range s.nodes {
		if term.NodeID(k) != n && strings.HasPrefix(s.nodes[k].Name(), short+"@") {
			return full
		}
	}
	return short
}

// PidLabel is the pid as traces show it: <node.lid>, with the creation
// (<node.lid.cN>) when the model can restart nodes, so that incarnations can
// be told apart.
func (s *System) PidLabel(p term.Pid) string {
	if p.Lid == 0 && p.Cr == 0 {
		return "<" + s.ShortNode(p.Node) + ".useless>"
	}
	if s.restarts() {
		return fmt.Sprintf("<%s.%d.c%d>", s.ShortNode(p.Node), p.Lid, p.Cr)
	}
	return fmt.Sprintf("<%s.%d>", s.ShortNode(p.Node), p.Lid)
}

func (s *System) restarts() bool {
	for _, f := range s.faults {
		if f.kind == faultRestart {
			return true
		}
	}
	return false
}

// label writes a term for a trace: pids as PidLabel.
func (s *System) label(t term.Term) string {
	var b strings.Builder
	s.labelTo(&b, t)
	return b.String()
}

func (s *System) labelTo(b *strings.Builder, t term.Term) {
	switch x := t.(type) {
	case term.Pid:
		b.WriteString(s.PidLabel(x))
	case term.Tuple:
		b.WriteByte('{')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			s.labelTo(b, e)
		}
		b.WriteByte('}')
	case *term.Map:
		b.WriteString("#{")
		for i := range x.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			s.labelTo(b, x.Keys[i])
			b.WriteString(" => ")
			s.labelTo(b, x.Vals[i])
		}
		b.WriteByte('}')
	case *term.Cons:
		if rs, ok := term.PrintableLatin1(x); ok && len(rs) > 0 {
			b.WriteString(term.WriteString(rs, '"', false))
			return
		}
		b.WriteByte('[')
		s.labelTo(b, x.Head)
		var rest term.Term = x.Tail
		for {
			c, ok := rest.(*term.Cons)
			if !ok {
				break
			}
			b.WriteByte(',')
			s.labelTo(b, c.Head)
			rest = c.Tail
		}
		if _, ok := rest.(term.Nil); !ok {
			b.WriteByte('|')
			s.labelTo(b, rest)
		}
		b.WriteByte(']')
	case term.Ref:
		if s.RefLabels != nil {
			b.WriteString(s.RefLabels(x))
			return
		}
		fmt.Fprintf(b, "#Ref<%s.%d>", s.ShortNode(x.Node), x.N)
	default:
		b.WriteString(term.Write(s.namer(), t, 0xFFFF))
	}
}

// Label formats a term as traces show it.
func (s *System) Label(t term.Term) string { return s.label(t) }

// ProcLabel names a live process of st: "comm:rcv/0 <n1.2>".
func (s *System) ProcLabel(st *State, pid term.Pid) string {
	if p := st.Proc(pid); p != nil {
		return s.CurrentFunc(p) + " " + s.PidLabel(pid)
	}
	return s.PidLabel(pid)
}

// CurrentFunc names the function a process is in: that of the innermost
// frame of the model's own code (a process in lists:foreach/2 or
// timer:sleep/1 is in the function that called it), or its initial
// function when it has no such frame.
func (s *System) CurrentFunc(p *Proc) string {
	for i := len(p.Frames) - 1; i >= 0; i-- {
		if fn := s.prog.Funcs[p.Frames[i].Fn]; !fn.Prelude {
			return fn.Display
		}
	}
	return s.ProcName(p)
}

// sleeping reports whether a process waits in timer:sleep/1 (whose time,
// a dead variable by then, is no longer in the state).
func (s *System) sleeping(p *Proc) bool {
	if len(p.Frames) == 0 {
		return false
	}
	fn := s.prog.Funcs[p.Frames[len(p.Frames)-1].Fn]
	return fn.Prelude && fn.Module == atomTimer && fn.Name == atomSleep
}

var (
	atomTimer, atomSleep          = term.Intern("timer"), term.Intern("sleep")
	atomErtsInternal, atomCrasher = term.Intern("erts_internal"), term.Intern("crasher")
)

func (s *System) sigText(g *Signal) string {
	switch g.Kind {
	case SigMsg:
		return fmt.Sprintf("%s to %s", s.label(g.Val), s.PidLabel(g.To))
	case SigRegMsg:
		return fmt.Sprintf("%s to %s", s.label(g.Val), compile.QuoteAtom(g.Name.Name()))
	case SigLink:
		return fmt.Sprintf("link %s - %s", s.PidLabel(g.From), s.PidLabel(g.To))
	case SigUnlink:
		return fmt.Sprintf("unlink %s - %s", s.PidLabel(g.From), s.PidLabel(g.To))
	case SigExit:
		return fmt.Sprintf("exit signal %s from %s to %s", s.label(g.Val), s.PidLabel(g.From), s.PidLabel(g.To))
	case SigMonitor:
		if g.Flag {
			return fmt.Sprintf("monitor of %s by %s", compile.QuoteAtom(g.Name.Name()), s.PidLabel(g.From))
		}
		return fmt.Sprintf("monitor of %s by %s", s.PidLabel(g.To), s.PidLabel(g.From))
	case SigDemonitor:
		return "demonitor"
	case SigDown:
		about := s.PidLabel(g.From)
		if g.Flag {
			about = compile.QuoteAtom(g.Name.Name())
		}
		return fmt.Sprintf("DOWN %s about %s to %s", s.label(g.Val), about, s.PidLabel(g.To))
	case SigSpawnReq:
		return fmt.Sprintf("spawn request %s from %s", s.progText(g.Val), s.PidLabel(g.From))
	case SigSpawnReply:
		return fmt.Sprintf("spawn reply %s to %s", s.PidLabel(g.From), s.PidLabel(g.To))
	}
	return g.Kind.String()
}

func (s *System) progText(t term.Term) string {
	switch x := t.(type) {
	case term.Tuple:
		args, _ := term.ListToSlice(x[2])
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = s.label(a)
		}
		return fmt.Sprintf("%s:%s(%s)", compile.QuoteAtom(x[0].(term.Atom).Name()), compile.QuoteAtom(x[1].(term.Atom).Name()), strings.Join(parts, ","))
	case *term.Fun:
		return s.label(x)
	}
	return s.label(t)
}

// Describe tells what a transition from state from did.
func (s *System) Describe(from *State, step Step) StepView {
	v := StepView{Kind: step.Kind.String(), Action: step.Kind.String()}
	in := step.Info
	if in == nil {
		in = &StepInfo{}
	}
	if in.Pos.IsValid() {
		v.Pos = s.prog.Files.Position(in.Pos)
	}
	switch step.Kind {
	case StepEffect, StepReceive, StepTimeout, StepExit:
		v.Node = s.ShortNode(step.Pid.Node)
		v.Pid = s.PidLabel(step.Pid)
		if p := from.Proc(step.Pid); p != nil {
			v.Proc = s.CurrentFunc(p)
		}
	case StepDeliver:
		v.Node = s.ShortNode(step.Node)
	default:
		v.Node = "env"
	}
	switch step.Kind {
	case StepEffect:
		v.Action = in.Eff.String()
		v.Text = s.effectText(from, step, in)
		if in.Exc != nil {
			v.Text += fmt.Sprintf(": raises %s:%s", in.Exc.Class.Name(), s.label(in.Exc.Reason))
		}
	case StepReceive:
		v.Term = s.label(in.Msg)
		v.Text = "receive " + v.Term
	case StepTimeout:
		v.Text = "timeout: the after clause fires"
		if p := from.Proc(step.Pid); p != nil {
			if s.sleeping(p) {
				v.Text = "timer:sleep/1 returns"
			}
		}
	case StepExit:
		p := from.Proc(step.Pid)
		if p != nil {
			v.Term = s.label(p.Reason)
			v.Text = "exits with reason " + v.Term
			if p.Init < 0 && p.InitM == atomErtsInternal && p.InitF == atomCrasher {
				v.Text += " (the stand-in of a spawn on an unreachable node: OTP answers it with a local process that exits so)"
			}
		}
	case StepDeliver:
		v.Action = "deliver"
		if g := in.Sig; g != nil {
			v.Text = fmt.Sprintf("deliver %s (%s -> %s)", s.sigText(g), s.ShortNode(step.Peer), s.ShortNode(step.Node))
			if g.Kind == SigMsg || g.Kind == SigRegMsg {
				v.Term = s.label(g.Val)
				if len(in.Appends) == 0 {
					if g.Kind == SigRegMsg {
						v.Text += ": no process has that name, dropped"
					} else {
						v.Text += ": the receiver is gone, dropped"
					}
				}
			}
		}
	case StepDetect:
		v.Text = fmt.Sprintf("%s detects that its connection to %s is dead", s.ShortNode(step.Node), s.ShortNode(step.Peer))
	case StepCrash:
		v.Fault = true
		v.Text = fmt.Sprintf("CRASH of node %s", s.ShortNode(step.Node))
	case StepRestart:
		v.Fault = true
		v.Text = fmt.Sprintf("RESTART of node %s", s.ShortNode(step.Node))
	case StepDisconnect:
		v.Fault = true
		v.Text = fmt.Sprintf("DISCONNECT %s - %s", s.ShortNode(step.Node), s.ShortNode(step.Peer))
	}
	for _, c := range in.Connected {
		v.Notes = append(v.Notes, fmt.Sprintf("%s connects to %s", s.ShortNode(c[0]), s.ShortNode(c[1])))
	}
	if in.Failed {
		v.Notes = append(v.Notes, "connection attempt FAILED (connect_fail fault)")
	}
	for _, l := range in.Lost {
		v.Lost = append(v.Lost, fmt.Sprintf("%s (%s -> %s, %s)", s.sigText(&l.Sig), s.ShortNode(l.From), s.ShortNode(l.To), l.Why))
	}
	for _, a := range in.Appends {
		if a.User && step.Kind != StepDeliver && a.To != step.Pid {
			continue
		}
		if !a.User {
			v.Notes = append(v.Notes, fmt.Sprintf("%s gets %s", s.PidLabel(a.To), s.label(a.Msg)))
		}
	}
	for _, sp := range in.Spawned {
		if sp.Reused {
			v.Notes = append(v.Notes, fmt.Sprintf("%s REUSES the pid of an earlier process", s.PidLabel(sp.Pid)))
		}
	}
	for _, r := range in.Raised {
		pos := ""
		if r.Pos.IsValid() {
			pos = " at " + s.prog.Files.Position(r.Pos).String()
		}
		v.Notes = append(v.Notes, fmt.Sprintf("%s raises %s%s", s.PidLabel(r.Pid), s.label(r.Reason), pos))
	}
	for _, e := range in.Ends {
		if e.Reason == nil {
			v.Notes = append(v.Notes, fmt.Sprintf("%s %s vanishes with its node", e.Name, s.PidLabel(e.Pid)))
		} else if step.Kind != StepExit || e.Pid != step.Pid {
			v.Notes = append(v.Notes, fmt.Sprintf("%s %s exits: %s", e.Name, s.PidLabel(e.Pid), s.label(e.Reason)))
		}
	}
	if msg, ok := strings.CutPrefix(in.Bound, vm.UnsupportedPrefix); ok {
		v.Notes = append(v.Notes, "UNSUPPORTED: "+msg)
	} else if in.Bound != "" {
		v.Notes = append(v.Notes, "BOUND reached: "+in.Bound)
	}
	v.Output = in.Output
	return v
}

func (s *System) effectText(from *State, step Step, in *StepInfo) string {
	args := make([]string, len(in.Args))
	for i, a := range in.Args {
		args[i] = s.label(a)
	}
	res := ""
	if in.Result != nil {
		res = s.label(in.Result)
	}
	switch in.Eff {
	case compile.EffSend:
		t := fmt.Sprintf("send %s to %s", args[1], args[0])
		for _, a := range in.Appends {
			if a.User {
				t += " (delivered at once)"
				break
			}
		}
		return t
	case compile.EffSpawn, compile.EffSpawnLink, compile.EffSpawnMonitor:
		var prog string
		k := len(in.Args)
		switch k {
		case 1, 2:
			prog = args[k-1] + "()"
		default:
			prog = s.progText(term.MkTuple(in.Args[k-3], in.Args[k-2], in.Args[k-1]))
		}
		where := ""
		if k == 2 || k == 4 {
			where = " on " + args[0]
			if n, ok := s.nodeOf(in.Args[0]); ok {
				where = " on " + s.ShortNode(n)
			}
		}
		if in.Blocked {
			return fmt.Sprintf("%s %s%s: request sent, waits for the reply", in.Eff, prog, where)
		}
		return fmt.Sprintf("%s %s%s = %s", in.Eff, prog, where, res)
	case compile.EffIoFormat:
		return "io:format " + strings.TrimRight(fmt.Sprintf("%q", in.Output), "")
	case compile.EffHalt:
		return fmt.Sprintf("halt(): node %s stops", s.ShortNode(step.Pid.Node))
	}
	t := fmt.Sprintf("%s(%s)", in.Eff, strings.Join(args, ", "))
	if res != "" {
		t += " = " + res
	}
	return t
}

// ---------------------------------------------------------------------------
// State views, for traces and their viewers

// ProcView is one process of a state.
type ProcView struct {
	Pid     string
	Name    string
	Node    string
	Status  string   // "running", "waiting", "exiting", "spawning"
	Mailbox []string // oldest first
	Links   []string
	Trap    bool
	Pos     token.Position // where it waits or what it does next
}

// ChanView is the contents of one channel.
type ChanView struct {
	From, To string
	Signals  []string
}

// NodeView is one node.
type NodeView struct {
	Name     string
	Up       bool
	Creation uint32
}

// StateView is a readable snapshot of a state.
type StateView struct {
	Nodes    []NodeView
	Procs    []ProcView
	Channels []ChanView
	Conns    []string
}

// View describes a state.
func (s *System) View(st *State) StateView {
	var v StateView
	for i, n := range st.Nodes {
		if !s.configured(term.NodeID(i)) {
			continue
		}
		v.Nodes = append(v.Nodes, NodeView{Name: s.NodeName(term.NodeID(i)), Up: n.Up, Creation: n.Cr})
	}
	for _, p := range st.Procs {
		pv := ProcView{Pid: s.PidLabel(p.Pid), Name: s.ProcName(p), Node: s.ShortNode(p.Pid.Node), Trap: p.Trap}
		switch p.St {
		case vm.StRun:
			pv.Status = "running"
		case vm.StWait:
			pv.Status = "waiting"
		case vm.StExit:
			pv.Status = "exiting"
		case vm.StSpawnWait:
			pv.Status = "spawning"
		}
		if len(p.Frames) > 0 {
			fr := p.Frames[len(p.Frames)-1]
			pv.Pos = s.prog.Files.Position(s.prog.Funcs[fr.Fn].Code[fr.PC].Pos)
		}
		for _, m := range p.Mbox {
			pv.Mailbox = append(pv.Mailbox, s.label(m))
		}
		for _, l := range p.Links {
			pv.Links = append(pv.Links, s.PidLabel(l.Pid))
		}
		v.Procs = append(v.Procs, pv)
	}
	for i := range st.Chans {
		c := &st.Chans[i]
		cv := ChanView{From: s.ShortNode(c.From), To: s.ShortNode(c.To)}
		for j := range c.Sigs {
			cv.Signals = append(cv.Signals, s.sigText(&c.Sigs[j]))
		}
		v.Channels = append(v.Channels, cv)
	}
	for _, c := range st.Conns {
		var st string
		switch c.State {
		case ConnUp:
			st = "up"
		case ConnHalfLo:
			st = "half-open (" + s.ShortNode(c.A) + " has not noticed " + s.ShortNode(c.B) + " is gone)"
		case ConnHalfHi:
			st = "half-open (" + s.ShortNode(c.B) + " has not noticed " + s.ShortNode(c.A) + " is gone)"
		}
		v.Conns = append(v.Conns, s.ShortNode(c.A)+" - "+s.ShortNode(c.B)+": "+st)
	}
	return v
}

// Deadlocked reports whether st is a deadlock: no process step, delivery,
// timeout or detection of a dead connection is enabled (faults that could
// still fire do not count), and some live process waits in a receive (or
// for a spawn reply) outside the model's end states. It returns the
// waiting processes.
func (s *System) Deadlocked(st *State) (bool, []term.Pid) {
	if st.Bound != "" {
		return false, nil
	}
	// Most states have a process about to act or a message to deliver:
	// those transitions are always enabled (see transitions), so the full
	// list is needed only when there is none.
	for _, p := range st.Procs {
		if p.St == vm.StRun || p.St == vm.StExit {
			return false, nil
		}
	}
	for _, c := range st.Chans {
		if s.deliverable(st, c.From, c.To) {
			return false, nil
		}
	}
	for _, t := range s.transitions(st, nil) {
		if !t.kind.IsFault() {
			return false, nil
		}
	}
	var waiting []term.Pid
	for _, p := range st.Procs {
		switch p.St {
		case vm.StWait:
			fr := p.Frames[len(p.Frames)-1]
			if s.endStateFrame(p) {
				continue
			}
			_ = fr
			waiting = append(waiting, p.Pid)
		case vm.StSpawnWait:
			waiting = append(waiting, p.Pid)
		}
	}
	return len(waiting) > 0, waiting
}

// endStateFrame reports whether a waiting process waits in one of the
// model's end-state functions (in any frame: an idle server may wait in a
// helper it calls).
func (s *System) endStateFrame(p *Proc) bool {
	for i := len(p.Frames) - 1; i >= 0; i-- {
		fn := s.prog.Funcs[p.Frames[i].Fn]
		if s.endState[p.Frames[i].Fn] {
			return true
		}
		if !fn.Prelude {
			// The innermost frame of the model's own code decides.
			return false
		}
	}
	return false
}

// WaitPos returns where a waiting process waits.
func (s *System) WaitPos(st *State, pid term.Pid) token.Position {
	p := st.Proc(pid)
	if p == nil || len(p.Frames) == 0 {
		return token.Position{}
	}
	fr := p.Frames[len(p.Frames)-1]
	return s.prog.Files.Position(s.prog.Funcs[fr.Fn].Code[fr.PC].Pos)
}
