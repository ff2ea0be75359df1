package semantics

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

const (
	spawnLink    = 1
	spawnMonitor = 2
)

// effect performs an effect of process p (a private copy) with the given
// arguments. It returns the effect's value, or an exception to raise in p.
// If p dies or blocks during the effect, the caller does not resume it.
func (x *stepper) effect(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
	switch eff {
	case compile.EffSend:
		return args[1], x.send(p, args[0], args[1])

	case compile.EffSpawn, compile.EffSpawnLink, compile.EffSpawnMonitor:
		var opts uint8
		switch eff {
		case compile.EffSpawnLink:
			opts = spawnLink
		case compile.EffSpawnMonitor:
			opts = spawnMonitor
		}
		node := n
		var prog term.Term
		switch len(args) {
		case 1, 2:
			// A fun of another arity is no error here: the new process
			// fails with badarity, as in Erlang.
			f, ok := args[len(args)-1].(*term.Fun)
			if !ok {
				return nil, term.ExcBadarg
			}
			prog = f
		case 3, 4:
			k := len(args) - 3
			m, ok1 := args[k].(term.Atom)
			fn, ok2 := args[k+1].(term.Atom)
			if !ok1 || !ok2 || term.ListLen(args[k+2]) < 0 {
				return nil, term.ExcBadarg
			}
			prog = term.MkTuple(m, fn, args[k+2])
		}
		if len(args) == 2 || len(args) == 4 {
			id, ok := s.nodeOf(args[0])
			if _, isAtom := args[0].(term.Atom); !isAtom {
				return nil, term.ExcBadarg
			}
			if !ok {
				// A node that is not part of the model: unreachable.
				return x.spawnFail(p, term.NodeID(0xFFFF), opts, x.m.MakeRef(n)), nil
			}
			node = id
		}
		if node != n {
			ref := x.m.MakeRef(n)
			if x.ensure(n, node) {
				x.push(n, node, Signal{Kind: SigSpawnReq, From: p.Pid, Ref: ref, Val: prog, Opts: opts})
				p.St = vm.StSpawnWait
				p.Spawn = ref
				p.SpawnTo = node
				p.SpawnOpts = opts
				x.info.Blocked = true
				return nil, nil
			}
			return x.spawnFail(p, node, opts, ref), nil
		}
		var q *Proc
		switch pr := prog.(type) {
		case *term.Fun:
			q = s.newProc(&x.m, x.e, n, 0, 0, nil, pr)
		case term.Tuple:
			q = s.newProc(&x.m, x.e, n, pr[0].(term.Atom), pr[1].(term.Atom), pr[2], nil)
		}
		if q == nil {
			return term.AUndefined, nil // a bound was reached; the state is cut here
		}
		x.spawned(q.Pid, p.Pid)
		if q.St == vm.StExit && q.Reason != term.ANormal {
			x.info.Raised = append(x.info.Raised, Raise{Pid: q.Pid, Reason: q.Reason, Pos: x.m.RaisedAt, Crash: q.Own})
		}
		var res term.Term = q.Pid
		if opts&spawnLink != 0 {
			p.Links = insertLink(p.Links, Link{Pid: q.Pid})
			q.Links = insertLink(q.Links, Link{Pid: p.Pid})
		}
		if opts&spawnMonitor != 0 {
			ref := x.m.MakeRef(n)
			p.MonOut = insertMonOut(p.MonOut, MonOut{Ref: ref, Target: q.Pid, Node: n})
			q.MonIn = insertMonIn(q.MonIn, MonIn{Ref: ref, Watcher: p.Pid})
			res = term.MkTuple(q.Pid, ref)
		}
		return res, nil

	case compile.EffLink:
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

	case compile.EffUnlink:
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

	case compile.EffMonitor:
		if args[0] != term.AProcess {
			return nil, term.ExcBadarg
		}
		return x.monitor(p, args[1])

	case compile.EffDemonitor:
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

	case compile.EffMonitorNode:
		b, ok := term.ToBool(args[1])
		if _, isAtom := args[0].(term.Atom); !isAtom || !ok {
			return nil, term.ExcBadarg
		}
		m, known := s.nodeOf(args[0])
		if !b {
			var keep []term.NodeID
			for _, k := range p.NMon {
				if !known || k != m {
					keep = append(keep, k)
				}
			}
			p.NMon = keep
			return term.ATrue, nil
		}
		if known && m == n {
			return term.ATrue, nil
		}
		if known && x.ensure(n, m) {
			p.NMon = insertNode(p.NMon, m)
			return term.ATrue, nil
		}
		x.appendMsg(p, term.MkTuple(term.ANodedown, args[0]), nil)
		x.info.Appends = append(x.info.Appends, Append{To: p.Pid, Msg: term.MkTuple(term.ANodedown, args[0])})
		return term.ATrue, nil

	case compile.EffExit2:
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

	case compile.EffProcessFlag:
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

	case compile.EffRegister:
		name, ok := args[0].(term.Atom)
		q, ok2 := args[1].(term.Pid)
		if !ok || !ok2 || name == term.AUndefined || q.Node != n || !x.alive(q) {
			return nil, term.ExcBadarg
		}
		for _, r := range x.e.s.Nodes[n].Reg {
			if r.Name == name || r.Pid == q {
				return nil, term.ExcBadarg
			}
		}
		nodes := x.e.nodes()
		nodes[n].Reg = insertReg(nodes[n].Reg, RegEntry{Name: name, Pid: q})
		return term.ATrue, nil

	case compile.EffUnregister:
		name, ok := args[0].(term.Atom)
		if !ok {
			return nil, term.ExcBadarg
		}
		for i, r := range x.e.s.Nodes[n].Reg {
			if r.Name == name {
				nodes := x.e.nodes()
				rs := nodes[n].Reg
				nodes[n].Reg = append(rs[:i:i], rs[i+1:]...)
				return term.ATrue, nil
			}
		}
		return nil, term.ExcBadarg

	case compile.EffWhereis:
		name, ok := args[0].(term.Atom)
		if !ok {
			return nil, term.ExcBadarg
		}
		if q, ok := x.whereis(n, name); ok {
			return q, nil
		}
		return term.AUndefined, nil

	case compile.EffRegistered:
		var names []term.Term
		for _, r := range x.e.s.Nodes[n].Reg {
			names = append(names, r.Name)
		}
		return term.MkList(names...), nil

	case compile.EffIsAlive:
		q, ok := args[0].(term.Pid)
		if !ok || q.Node != n {
			return nil, term.ExcBadarg
		}
		return term.Bool(x.alive(q)), nil

	case compile.EffHalt:
		x.crash(n, "halt")
		return nil, nil

	case compile.EffDisconnect:
		m, ok := s.nodeOf(args[0])
		if _, isAtom := args[0].(term.Atom); !isAtom {
			return nil, term.ExcBadarg
		}
		if !ok || m == n || s.opts.SingleNode {
			return term.AFalse, nil
		}
		st := x.e.s.ConnState(n, m)
		lo, hi := n, m
		if lo > hi {
			lo, hi = hi, lo
		}
		if !holds(st, lo, hi, n) {
			return term.AFalse, nil
		}
		x.teardown(n, m, "disconnect_node")
		return term.ATrue, nil

	case compile.EffPing, compile.EffConnect:
		if _, isAtom := args[0].(term.Atom); !isAtom {
			return nil, term.ExcBadarg
		}
		m, ok := s.nodeOf(args[0])
		up := ok && x.ensure(n, m)
		if eff == compile.EffPing {
			if up {
				return term.APong, nil
			}
			return term.APang, nil
		}
		return term.Bool(up), nil

	case compile.EffMonitorNodes:
		b, ok := term.ToBool(args[0])
		if !ok {
			return nil, term.ExcBadarg
		}
		nodes := x.e.nodes()
		subs := pidsWithout(nodes[n].Subs, p.Pid)
		if b {
			subs = insertPid(subs, p.Pid)
		}
		nodes[n].Subs = subs
		return term.AOk, nil

	case compile.EffSendAfter:
		t, ok := args[0].(term.Int)
		if !ok || t < 0 {
			return nil, term.ExcBadarg
		}
		switch args[1].(type) {
		case term.Pid, term.Atom:
		default:
			return nil, term.ExcBadarg
		}
		ref := x.m.MakeRef(n)
		tag := term.Tuple{aTimer, ref, args[0]}
		q := s.newProcAt(&x.m, x.e, n, term.AMcgo, term.Intern("send_after"), term.MkList(args[0], args[1], args[2], tag), nil, s.afterFn)
		if q != nil {
			x.spawned(q.Pid, p.Pid)
		}
		return ref, nil

	case compile.EffCancelTimer:
		ref, ok := args[0].(term.Ref)
		if !ok {
			return nil, term.ExcBadarg
		}
		// The timer's helper on this node, still waiting: cancelling ends
		// it and gives the time it was set for (mcgo has no clock; the
		// time left is somewhere between 0 and that). A helper whose
		// timeout has fired is about to send: too late, false.
		for _, q := range x.e.s.Procs {
			if q.Pid.Node != n || q.Init != s.afterFn {
				continue
			}
			t, ok := timerTag(q, ref)
			if !ok {
				continue
			}
			if q.St != vm.StWait || x.isDying(q.Pid) {
				break
			}
			x.terminate(q.Pid, term.ANormal)
			return t, nil
		}
		return term.AFalse, nil

	case compile.EffListToPid:
		str, ok := term.StringValue(args[0])
		if !ok {
			return nil, term.ExcBadarg
		}
		k, lid, ok := parsePidText(str)
		if !ok {
			return nil, term.ExcBadarg
		}
		if k == 0 || s.opts.SingleNode {
			return term.Pid{Node: n, Lid: uint32(lid), Cr: x.e.s.Nodes[n].Cr}, nil
		}
		m := term.NodeID(k - 1)
		if int(m) >= len(x.e.s.Nodes) {
			return nil, term.ExcBadarg
		}
		if m == n {
			return term.Pid{Node: n, Lid: uint32(lid), Cr: x.e.s.Nodes[n].Cr}, nil
		}
		lo, hi := n, m
		if lo > hi {
			lo, hi = hi, lo
		}
		if !holds(x.e.s.ConnState(n, m), lo, hi, n) {
			return nil, term.ExcBadarg
		}
		return term.Pid{Node: m, Lid: uint32(lid), Cr: x.connCreation(n, m)}, nil

	case compile.EffIoFormat:
		var f, a term.Term = args[0], term.NilTerm
		switch len(args) {
		case 2:
			a = args[1]
		case 3:
			f, a = args[1], args[2]
		}
		out, ok := term.Format(s.namer(), f, a, n)
		if !ok {
			return nil, term.ExcBadarg
		}
		x.info.Output += out
		return term.AOk, nil

	case compile.EffNodes:
		var out []term.Term
		for m := 0; m < s.nUp; m++ {
			if term.NodeID(m) == n {
				continue
			}
			lo, hi := n, term.NodeID(m)
			if lo > hi {
				lo, hi = hi, lo
			}
			if holds(x.e.s.ConnState(n, term.NodeID(m)), lo, hi, n) {
				out = append(out, s.nodeAtom(term.NodeID(m)))
			}
		}
		return term.MkList(out...), nil

	case compile.EffYield:
		return term.ATrue, nil
	}
	return nil, term.ErrorExc(term.AUndef)
}

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

// spawnFail is SpawnFail(p, m, opts): the useless pid of node m, with a
// noconnection exit or DOWN for spawn_link and spawn_monitor. It returns the
// spawn's result; when p is blocked in a remote spawn it also resumes p.
func (x *stepper) spawnFail(p *Proc, m term.NodeID, opts uint8, ref term.Ref) term.Term {
	if !x.sys.opts.Legacy {
		return x.spawnCrasher(p, opts, ref)
	}
	useless := term.Pid{Node: m}
	var res term.Term = useless
	if opts&spawnMonitor != 0 {
		x.notifyDownMsg(p, ref, useless, term.ANoconnection)
		res = term.MkTuple(useless, ref)
	}
	if opts&spawnLink != 0 {
		p.Links = insertLink(p.Links, Link{Pid: useless})
		x.exitSig(p.Pid, useless, term.ANoconnection, true)
	}
	if p.St == vm.StSpawnWait {
		p.St = vm.StRun
		if x.alive(p.Pid) {
			x.m.Resume(&p.Proc, res)
		}
	}
	return res
}

// spawnCrasher is how OTP 23 and later answer a remote spawn that cannot
// reach its node (erlang.erl, spawn_opt/5 and spawn_monitor/4): a local
// process of erts_internal:crasher, linked or monitored as asked, which
// exits with reason noconnection. Its pid is local, and the EXIT or DOWN
// comes when it exits, in a later step. (The 2007 runtime returned the
// "useless pid" of the remote node instead, see spawnFail.)
func (x *stepper) spawnCrasher(p *Proc, opts uint8, ref term.Ref) term.Term {
	s := x.sys
	e := x.e
	n := p.Pid.Node
	if len(e.s.Procs) >= s.bounds.Processes || int(e.s.Spawns) >= s.bounds.Spawns {
		x.m.Bound = fmt.Sprintf("%d live processes or %d spawns (bounds processes, spawns)", s.bounds.Processes, s.bounds.Spawns)
	}
	nodes := e.nodes()
	pid := term.Pid{Node: n, Lid: nodes[n].NextLid, Cr: nodes[n].Cr}
	nodes[n].NextLid++
	e.s.Spawns++
	c := &Proc{Proc: vm.Proc{Pid: pid, St: vm.StExit, Reason: term.ANoconnection}, Init: -1,
		InitM: term.Intern("erts_internal"), InitF: term.Intern("crasher"), InitA: 6}
	e.addProc(c)
	x.spawned(pid, p.Pid)
	var res term.Term = pid
	if opts&spawnLink != 0 {
		p.Links = insertLink(p.Links, Link{Pid: pid})
		c.Links = insertLink(c.Links, Link{Pid: p.Pid})
	}
	if opts&spawnMonitor != 0 {
		p.MonOut = insertMonOut(p.MonOut, MonOut{Ref: ref, Target: pid, Node: n})
		c.MonIn = insertMonIn(c.MonIn, MonIn{Ref: ref, Watcher: p.Pid})
		res = term.MkTuple(pid, ref)
	}
	if p.St == vm.StSpawnWait {
		p.St = vm.StRun
		if x.alive(p.Pid) {
			x.m.Resume(&p.Proc, res)
		}
	}
	return res
}

func insertNode(ns []term.NodeID, n term.NodeID) []term.NodeID {
	out := make([]term.NodeID, 0, len(ns)+1)
	i := 0
	for i < len(ns) && ns[i] <= n {
		i++
	}
	out = append(out, ns[:i]...)
	out = append(out, n)
	return append(out, ns[i:]...)
}

func insertPid(ps []term.Pid, p term.Pid) []term.Pid {
	out := make([]term.Pid, 0, len(ps)+1)
	i := 0
	for i < len(ps) && pidLess(ps[i], p) {
		i++
	}
	out = append(out, ps[:i]...)
	out = append(out, p)
	return append(out, ps[i:]...)
}

func insertReg(rs []RegEntry, r RegEntry) []RegEntry {
	out := make([]RegEntry, 0, len(rs)+1)
	i := 0
	for i < len(rs) && rs[i].Name.Name() < r.Name.Name() {
		i++
	}
	out = append(out, rs[:i]...)
	out = append(out, r)
	return append(out, rs[i:]...)
}

// parsePidText parses "<K.Lid.Serial>".
func parsePidText(s string) (k, lid int, ok bool) {
	if !strings.HasPrefix(s, "<") || !strings.HasSuffix(s, ">") {
		return 0, 0, false
	}
	parts := strings.Split(s[1:len(s)-1], ".")
	if len(parts) != 3 {
		return 0, 0, false
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return 0, 0, false
		}
		v[i] = n
	}
	return v[0], v[1], true
}

// aTimer tags the live variable by which a send_after helper keeps its
// timer reference and time (see the prelude's '$mcgo':send_after/4).
var aTimer = term.Intern("$mcgo_timer")

// timerTag finds {'$mcgo_timer', Ref, T} among the variables of the
// send_after helper q and returns T.
func timerTag(q *Proc, ref term.Ref) (term.Term, bool) {
	for _, v := range q.Stack {
		if t, ok := v.(term.Tuple); ok && len(t) == 3 && t[0] == term.Term(aTimer) && t[1] == term.Term(ref) {
			return t[2], true
		}
	}
	return nil, false
}
