package semantics

import (
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Nodes: monitor_node/2, net_kernel:monitor_nodes/1, halt, disconnect_node,
// ping and connect_node, nodes/0.

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

// effMonitorNode performs EffMonitorNode.
func (x *stepper) effMonitorNode(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
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
}

// effHalt performs EffHalt.
func (x *stepper) effHalt(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
	x.crash(n, "halt")
	return nil, nil
}

// effDisconnect performs EffDisconnect.
func (x *stepper) effDisconnect(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
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
}

// effConnect performs EffPing, EffConnect.
func (x *stepper) effConnect(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
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
}

// effMonitorNodes performs EffMonitorNodes.
func (x *stepper) effMonitorNodes(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	n := p.Pid.Node
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
}

// effNodes performs EffNodes.
func (x *stepper) effNodes(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
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
}
