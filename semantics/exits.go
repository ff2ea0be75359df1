package semantics

import (
	"sort"

	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Exits: exit/2 and trap_exit, exit signals and how a process reacts to
// them, and the termination of a process (links, monitors, names).

// effExit2 performs EffExit2.
func (x *stepper) effExit2(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
	q, ok := args[0].(term.Pid)
	if !ok {
		return nil, term.ExcBadarg
	}
	r := args[1]
	switch {
	case q == p.Pid:
		x.exitSig(p.Pid, p.Pid, r, false)
	case q.Node == n:
		x.exitSig(q, p.Pid, r, false)
	default:
		if x.ensure(n, q.Node) {
			x.push(n, q.Node, Signal{Kind: SigExit, From: p.Pid, To: q, Val: r})
		}
	}
	return term.ATrue, nil
}

// effProcessFlag performs EffProcessFlag.
func (x *stepper) effProcessFlag(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	if args[0] != term.ATrapExit {
		return nil, term.ExcBadarg
	}
	b, ok := term.ToBool(args[1])
	if !ok {
		return nil, term.ExcBadarg
	}
	old := p.Trap
	p.Trap = b
	return term.Bool(old), nil
}

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

// hasPid reports whether pid was ever allocated.
func (h *Hist) hasPid(p term.Pid) bool {
	i := sort.Search(len(h.Pids), func(i int) bool { return !pidLess(h.Pids[i], p) })
	return i < len(h.Pids) && h.Pids[i] == p
}
