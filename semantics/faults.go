package semantics

import "github.com/mcgo-dev/mcgo/semantics/term"

// Faults: a node crash and a node restart (the budgeted faults; a
// disconnect is a connection's teardown, signals.go).

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
	if len(x.e.s.atoms.of(n)) > 0 {
		x.e.s.atoms = x.e.s.atoms.with(len(nodes), n, nil)
	}
}
