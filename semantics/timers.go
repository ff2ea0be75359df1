package semantics

import (
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Timers: erlang:send_after/3 and cancel_timer/1 (a timer is a hidden
// helper process running '$mcgo':send_after/4).

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

// effSendAfter performs EffSendAfter.
func (x *stepper) effSendAfter(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
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
}

// effCancelTimer performs EffCancelTimer.
func (x *stepper) effCancelTimer(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	s := x.sys
	n := p.Pid.Node
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
}
