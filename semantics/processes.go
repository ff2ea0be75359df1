package semantics

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Processes: spawning (local, remote, failed), registered names, process
// introspection, list_to_pid/1 and io:format.

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

// effSpawn performs EffSpawn, EffSpawnLink, EffSpawnMonitor.
func (x *stepper) effSpawn(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
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
}

// effRegister performs EffRegister.
func (x *stepper) effRegister(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
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
}

// effUnregister performs EffUnregister.
func (x *stepper) effUnregister(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
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
}

// effWhereis performs EffWhereis.
func (x *stepper) effWhereis(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
	name, ok := args[0].(term.Atom)
	if !ok {
		return nil, term.ExcBadarg
	}
	if q, ok := x.whereis(n, name); ok {
		return q, nil
	}
	return term.AUndefined, nil
}

// effRegistered performs EffRegistered.
func (x *stepper) effRegistered(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
	var names []term.Term
	for _, r := range x.e.s.Nodes[n].Reg {
		names = append(names, r.Name)
	}
	return term.MkList(names...), nil
}

// effIsAlive performs EffIsAlive.
func (x *stepper) effIsAlive(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
	q, ok := args[0].(term.Pid)
	if !ok || q.Node != n {
		return nil, term.ExcBadarg
	}
	return term.Bool(x.alive(q)), nil
}

// effListToPid performs EffListToPid.
func (x *stepper) effListToPid(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
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
}

// effIoFormat performs EffIoFormat.
func (x *stepper) effIoFormat(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
	var f, a term.Term = args[0], term.NilTerm
	switch len(args) {
	case 2:
		a = args[1]
	case 3:
		f, a = args[1], args[2]
	}
	if term.LargeMap(a) {
		return nil, vm.UnsupportedLargeMap("io:format")
	}
	out, ok := term.Format(s.namer(), f, a, n)
	if !ok {
		return nil, term.ExcBadarg
	}
	x.info.Output += out
	return term.AOk, nil
}

// effYield performs EffYield.
func (x *stepper) effYield(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	return term.ATrue, nil
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
