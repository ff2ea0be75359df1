package semantics

import (
	"fmt"
	"slices"
	"sort"

	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Signals and connections: sends, links and monitors, mailboxes, the node
// pairs' channels and connections (Ensure, teardown, nodedown), and the
// delivery of a signal at its node (SEMANTICS.md 2.2-2.6).

// send is p ! msg.
func (x *stepper) send(p *Proc, dest, msg term.Term) *term.Exc {
	s := x.sys
	n := p.Pid.Node
	switch d := dest.(type) {
	case term.Pid:
		x.sendPid(p, d, Dest{Pid: d}, msg)
		return nil
	case term.Atom:
		q, ok := x.whereis(n, d)
		if !ok {
			return term.ErrorExc(term.ABadarg)
		}
		x.sendPid(p, q, Dest{Pid: q}, msg)
		return nil
	case term.Tuple:
		if len(d) != 2 {
			return term.ExcBadarg
		}
		name, ok1 := d[0].(term.Atom)
		_, ok2 := d[1].(term.Atom)
		if !ok1 || !ok2 {
			return term.ExcBadarg
		}
		m, known := s.nodeOf(d[1])
		if known && m == n {
			q, ok := x.whereis(n, name)
			if ok {
				x.sendPid(p, q, Dest{Pid: q}, msg)
				return nil
			}
			// Unlike a bare name, {Name, node()} with no such name is
			// not an error: the message is dropped, as OTP 25 does.
		}
		dst := Dest{Pid: term.Pid{Node: m}, Name: name, ByName: true}
		sig := Signal{Kind: SigRegMsg, From: p.Pid, Name: name, Val: msg}
		x.userSent(p, dst, term.Pid{Node: m}, &sig)
		if known && m == n {
			x.userArrive(term.Pid{Node: n}, &sig, dst, memoKey{})
			return nil
		}
		if known && x.ensure(n, m) {
			x.push(n, m, sig)
		} else {
			x.lose(n, m, sig, "no connection")
		}
		return nil
	}
	return term.ExcBadarg
}

func (x *stepper) sendPid(p *Proc, q term.Pid, dest Dest, msg term.Term) {
	n := p.Pid.Node
	sig := Signal{Kind: SigMsg, From: p.Pid, To: q, Val: msg}
	x.userSent(p, dest, q, &sig)
	if q.Node == n {
		x.userArrive(q, &sig, dest, memoKey{b: x.localName, kind: memoLocal})
		return
	}
	if !x.sys.configured(q.Node) {
		x.lose(n, q.Node, sig, "no connection")
		return
	}
	if x.ensure(n, q.Node) {
		x.push(n, q.Node, sig)
	} else {
		x.lose(n, q.Node, sig, "no connection")
	}
}

// monitor is erlang:monitor(process, Target).
func (x *stepper) monitor(p *Proc, target term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
	ref := x.m.MakeRef(n)
	var m MonOut
	switch t := target.(type) {
	case term.Pid:
		m = MonOut{Ref: ref, Target: t, Node: t.Node}
	case term.Atom:
		m = MonOut{Ref: ref, Name: t, Node: n, ByName: true}
	case term.Tuple:
		if len(t) != 2 {
			return nil, term.ExcBadarg
		}
		name, ok1 := t[0].(term.Atom)
		_, ok2 := t[1].(term.Atom)
		if !ok1 || !ok2 {
			return nil, term.ExcBadarg
		}
		node, known := s.nodeOf(t[1])
		if !known {
			x.notifyDownMsg(p, ref, target, term.ANoconnection)
			return ref, nil
		}
		m = MonOut{Ref: ref, Name: name, Node: node, ByName: true}
	default:
		return nil, term.ExcBadarg
	}
	obj := x.monObj(m)
	if m.Node == n {
		q := m.Target
		ok := x.alive(q)
		if m.ByName {
			q, ok = x.whereis(n, m.Name)
		}
		if !ok {
			x.notifyDownMsg(p, ref, obj, term.ANoproc)
			return ref, nil
		}
		if m.ByName {
			m.Target = q
		}
		if q == p.Pid {
			// Monitoring oneself: the monitor exists and can never fire.
			p.MonOut = insertMonOut(p.MonOut, m)
			p.MonIn = insertMonIn(p.MonIn, MonIn{Ref: ref, Watcher: p.Pid, Name: m.Name, ByName: m.ByName})
			return ref, nil
		}
		p.MonOut = insertMonOut(p.MonOut, m)
		qp := x.proc(q)
		qp.MonIn = insertMonIn(qp.MonIn, MonIn{Ref: ref, Watcher: p.Pid, Name: m.Name, ByName: m.ByName})
		return ref, nil
	}
	if !s.configured(m.Node) || !x.ensure(n, m.Node) {
		x.notifyDownMsg(p, ref, obj, term.ANoconnection)
		if !m.ByName {
			x.told(Told{Watcher: p.Pid, Pid: m.Target})
		}
		return ref, nil
	}
	p.MonOut = insertMonOut(p.MonOut, m)
	x.push(n, m.Node, Signal{Kind: SigMonitor, From: p.Pid, To: m.Target, Ref: ref, Name: m.Name, Flag: m.ByName})
	return ref, nil
}

func (x *stepper) notifyDownMsg(p *Proc, ref term.Ref, obj term.Term, reason term.Term) {
	msg := term.MkTuple(term.ADOWN, ref, term.AProcess, obj, reason)
	x.appendMsg(p, msg, nil)
	x.info.Appends = append(x.info.Appends, Append{To: p.Pid, Msg: msg})
}

// effSend performs EffSend.
func (x *stepper) effSend(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	return args[1], x.send(p, args[0], args[1])
}

// effLink performs EffLink.
func (x *stepper) effLink(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
	q, ok := args[0].(term.Pid)
	if !ok {
		return nil, term.ExcBadarg
	}
	if q == p.Pid {
		return term.ATrue, nil
	}
	if q.Node == n {
		qp := x.proc(q)
		if qp == nil {
			if p.Trap {
				x.appendMsg(p, term.MkTuple(term.AEXIT, q, term.ANoproc), nil)
				x.info.Appends = append(x.info.Appends, Append{To: p.Pid, Msg: term.MkTuple(term.AEXIT, q, term.ANoproc)})
				return term.ATrue, nil
			}
			return nil, term.ErrorExc(term.ANoproc)
		}
		if findLink(p.Links, q) < 0 {
			p.Links = insertLink(p.Links, Link{Pid: q})
		}
		if findLink(qp.Links, p.Pid) < 0 {
			qp.Links = insertLink(qp.Links, Link{Pid: p.Pid})
		}
		return term.ATrue, nil
	}
	if findLink(p.Links, q) < 0 {
		p.Links = insertLink(p.Links, Link{Pid: q})
	}
	if x.ensure(n, q.Node) {
		x.push(n, q.Node, Signal{Kind: SigLink, From: p.Pid, To: q})
	} else {
		x.exitSig(p.Pid, q, term.ANoconnection, true)
	}
	return term.ATrue, nil
}

// effUnlink performs EffUnlink.
func (x *stepper) effUnlink(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
	q, ok := args[0].(term.Pid)
	if !ok {
		return nil, term.ExcBadarg
	}
	i := findLink(p.Links, q)
	if i >= 0 {
		p.Links = append(p.Links[:i:i], p.Links[i+1:]...)
	}
	if q.Node == n {
		if qp := x.proc(q); qp != nil {
			if j := findLink(qp.Links, p.Pid); j >= 0 {
				qp.Links = append(qp.Links[:j:j], qp.Links[j+1:]...)
			}
		}
	} else if i >= 0 && x.ensure(n, q.Node) {
		x.push(n, q.Node, Signal{Kind: SigUnlink, From: p.Pid, To: q})
	}
	return term.ATrue, nil
}

// effMonitor performs EffMonitor.
func (x *stepper) effMonitor(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	if args[0] != term.AProcess {
		return nil, term.ExcBadarg
	}
	return x.monitor(p, args[1])
}

// effDemonitor performs EffDemonitor.
func (x *stepper) effDemonitor(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
	ref, ok := args[0].(term.Ref)
	if !ok {
		return nil, term.ExcBadarg
	}
	flush, info := false, false
	if len(args) == 2 {
		opts, ok := term.ListToSlice(args[1])
		if !ok {
			return nil, term.ExcBadarg
		}
		for _, o := range opts {
			switch o {
			case term.Intern("flush"):
				flush = true
			case term.Intern("info"):
				info = true
			default:
				return nil, term.ExcBadarg
			}
		}
	}
	i := findMonOut(p.MonOut, ref)
	found := i >= 0
	if found {
		m := p.MonOut[i]
		p.MonOut = append(p.MonOut[:i:i], p.MonOut[i+1:]...)
		if !m.ByName || m.Target != (term.Pid{}) {
			x.dropMonIn(m.Target, ref)
		}
		if m.ByName && m.Node != n {
			// Remote by-name monitor: the target's record is found by ref.
			for _, q := range x.e.s.Procs {
				if q.Pid.Node == m.Node && findMonIn(q.MonIn, ref) >= 0 {
					x.dropMonIn(q.Pid, ref)
				}
			}
		}
	}
	if flush {
		var mb []term.Term
		var vcs []VClock
		for k, msg := range p.Mbox {
			if t, ok := msg.(term.Tuple); ok && len(t) == 5 && t[0] == term.ADOWN && term.Equal(t[1], ref) {
				continue
			}
			mb = append(mb, msg)
			if p.MboxVC != nil {
				vcs = append(vcs, p.MboxVC[k])
			}
		}
		p.Mbox = mb
		if p.MboxVC != nil {
			p.MboxVC = vcs
		}
	}
	if info {
		return term.Bool(found), nil
	}
	return term.ATrue, nil
}

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
	if f := x.sys.budgetFor(x.e.s, faultConnectFail, a, b); f >= 0 {
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

func findLink(ls []Link, p term.Pid) int {
	for i, l := range ls {
		if l.Pid == p {
			return i
		}
	}
	return -1
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
