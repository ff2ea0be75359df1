package compile

import (
	"slices"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// A static analysis of the compiled program for the delivery half of the
// partial-order reduction (por.go). For every function it finds, over all
// of its code and everything it may call, what a process running it might
// still do that matters to a message in flight towards some process:
// whether it may send anything, hand a pid to another process, learn its own
// pid, wait with a timeout, spawn, or touch nodes and names.
//
// The analysis over-approximates: an unknown callee (M:F(...), apply, a fun
// made from M:F/A) may do anything; a parameter may carry any pid. Whether a
// value may contain a pid is tracked through the stack machine's code: a
// literal, an arithmetic result or a comparison cannot; a variable bound by
// a receive pattern, a parameter, self() or the pid a spawn returns can.

// flowFlags is what a function (with its callees) may do.
type FlowFlags uint16

const (
	FlowComm        FlowFlags = 1 << iota // may send a message or a signal (send, exit/2, link, monitor, spawn, send_after...)
	FlowLeak                              // may put a pid into a message, a spawned process's arguments or an exit reason
	FlowSelf                              // may call self()
	FlowTimeout                           // may wait in a receive with a finite (or computed) timeout
	FlowSpawn                             // may spawn a process
	FlowSpawnRemote                       // may spawn a process on another node
	FlowHazard                            // may halt a node, disconnect, watch nodes, register a name, make a pid from a string or look up a run-time atom
	FlowLink                              // may link to or monitor a process (which may then signal it)

	FlowAll = FlowComm | FlowLeak | FlowSelf | FlowTimeout | FlowSpawn | FlowSpawnRemote | FlowHazard | FlowLink
)

// flowInfo is the analysis of a program.
type FlowInfo struct {
	Flags []FlowFlags // per function, transitive
	intro []bool      // per function: may return a pid when its arguments hold none
}

// analyzeFlow runs the analysis over every function of prog.
func AnalyzeFlow(prog *Program) *FlowInfo {
	n := len(prog.Funcs)
	fi := &FlowInfo{Flags: make([]FlowFlags, n), intro: make([]bool, n)}
	// Functions that a fun value may run: lifted funs. A fun made from
	// M:F/A may run anything.
	funTargets := map[int32]bool{}
	anyExtFun := false
	for _, fn := range prog.Funcs {
		for _, in := range fn.Code {
			switch in.Op {
			case OpMakeFun, OpSelfFun:
				funTargets[in.A] = true
			case OpMakeExtFun:
				anyExtFun = true
			}
		}
	}
	a := flowAnalyzer{prog: prog, fi: fi, funTargets: funTargets, anyExtFun: anyExtFun}
	// Return summaries (intro): a least fixpoint from "no function
	// introduces a pid".
	for changed := true; changed; {
		changed = false
		for i := range prog.Funcs {
			_, ret := a.function(int32(i), false)
			if ret && !fi.intro[i] {
				fi.intro[i] = true
				changed = true
			}
		}
	}
	// Local flags with tainted parameters, then their closure over calls.
	for i := range prog.Funcs {
		fi.Flags[i], _ = a.function(int32(i), true)
	}
	for changed := true; changed; {
		changed = false
		var funUnion FlowFlags
		if anyExtFun {
			funUnion = FlowAll
		}
		for t := range funTargets {
			funUnion |= fi.Flags[t]
		}
		for i, fn := range prog.Funcs {
			f := fi.Flags[i]
			for _, in := range fn.Code {
				switch in.Op {
				case OpCall, OpTailCall:
					f |= fi.Flags[in.A]
				case OpCallFun, OpTailCallFun:
					f |= funUnion
				case OpCallDyn, OpTailCallDyn, OpApply, OpTailApply:
					f = FlowAll
				}
			}
			if f != fi.Flags[i] {
				fi.Flags[i] = f
				changed = true
			}
		}
	}
	return fi
}

type flowAnalyzer struct {
	prog       *Program
	fi         *FlowInfo
	funTargets map[int32]bool
	anyExtFun  bool
}

// aStack is an abstract operand stack: for each value, whether it may hold
// a pid. Values below the known ones (floor) are unknown: they may.
type aStack struct {
	v     []bool
	floor bool
	ok    bool // some path reaches this point
}

func (s *aStack) push(b bool) { s.v = append(s.v, b) }

func (s *aStack) pop() bool {
	if len(s.v) == 0 {
		return s.floor
	}
	b := s.v[len(s.v)-1]
	s.v = s.v[:len(s.v)-1]
	return b
}

// popN pops n values and reports whether any may hold a pid.
func (s *aStack) popN(n int) bool {
	any := false
	for i := 0; i < n; i++ {
		any = s.pop() || any
	}
	return any
}

// peek returns the value k places below the top.
func (s *aStack) peek(k int) bool {
	if k >= len(s.v) {
		return s.floor
	}
	return s.v[len(s.v)-1-k]
}

// join merges another path's stack into s, aligned at the top.
func (s *aStack) join(o aStack) {
	if !o.ok {
		return
	}
	if !s.ok {
		s.v = append([]bool(nil), o.v...)
		s.floor, s.ok = o.floor, true
		return
	}
	n := max(len(s.v), len(o.v))
	out := make([]bool, n)
	for i := 0; i < n; i++ { // i counts from the top
		x, y := s.floor, o.floor
		if i < len(s.v) {
			x = s.v[len(s.v)-1-i]
		}
		if i < len(o.v) {
			y = o.v[len(o.v)-1-i]
		}
		out[n-1-i] = x || y
	}
	s.v, s.floor = out, s.floor || o.floor
}

func (s aStack) clone() aStack {
	s.v = append([]bool(nil), s.v...)
	return s
}

var unknownStack = aStack{floor: true, ok: true}

// function analyzes one function: its own flags (callees not included) and
// whether it may return a pid. With params, its parameters may hold pids.
func (a *flowAnalyzer) function(fi int32, params bool) (FlowFlags, bool) {
	fn := a.prog.Funcs[fi]
	slots := make([]bool, fn.NSlots)
	if params {
		for i := 0; i < fn.Arity && i < len(slots); i++ {
			slots[i] = true
		}
	}
	var flags FlowFlags
	ret := false
	// Slots are flow-insensitive: repeat until they no longer change.
	for iter := 0; ; iter++ {
		changed := false
		setSlot := func(i int32, b bool) {
			if b && int(i) < len(slots) && !slots[i] {
				slots[i] = true
				changed = true
			}
		}
		var bindPat func(p *Pat, b bool)
		bindPat = func(p *Pat, b bool) {
			if p == nil {
				return
			}
			if p.Kind == PBind {
				setSlot(p.Slot, b)
			}
			for _, e := range p.Elems {
				bindPat(e, b)
			}
			for _, s := range p.Bin {
				bindPat(s.Val, false) // integers and bitstrings hold no pids
			}
		}
		in := make([]aStack, len(fn.Code)+1)
		if len(fn.Code) > 0 {
			in[0] = aStack{ok: true}
		}
		jump := func(from, to int, s aStack) bool {
			if to <= from || to > len(fn.Code) {
				return false // a backward jump: not produced by the compiler
			}
			in[to].join(s)
			return true
		}
		for pc := 0; pc < len(fn.Code); pc++ {
			if !in[pc].ok {
				continue
			}
			s := in[pc].clone()
			ins := fn.Code[pc]
			fall := true
			switch ins.Op {
			case OpNop, OpEndTry, OpGuard:
				if ins.Op == OpGuard && !jump(pc, int(ins.B), s) {
					return FlowAll, true
				}
			case OpConst, OpNil, OpMakeExtFun:
				if ins.Op == OpMakeExtFun {
					s.popN(3)
				}
				s.push(false)
			case OpVar:
				s.push(int(ins.A) >= len(slots) || slots[ins.A])
			case OpSetVar:
				setSlot(ins.A, s.pop())
			case OpPop:
				s.pop()
			case OpDup:
				s.push(s.peek(0))
			case OpPeek:
				s.push(s.peek(int(ins.A)))
			case OpMatch:
				v := s.pop()
				bindPat(a.prog.Pats[ins.A], v)
				if ins.B >= 0 && !jump(pc, int(ins.B), s) {
					return FlowAll, true
				}
			case OpTuple:
				s.push(s.popN(int(ins.A)))
			case OpMapPut:
				if ins.A != MapCheck {
					s.push(s.popN(3))
				}
			case OpList:
				s.push(s.popN(int(ins.A) + 1))
			case OpBinop:
				v := s.popN(2)
				s.push(v && (ins.A == term.OpAppend || ins.A == term.OpSubtract))
			case OpUnop:
				s.pop()
				s.push(false)
			case OpBin:
				s.popN(int(ins.B))
				s.push(false)
			case OpAndAlso, OpOrElse:
				if !jump(pc, int(ins.A), s) {
					return FlowAll, true
				}
				s.pop()
			case OpJump:
				if !jump(pc, int(ins.A), s) {
					return FlowAll, true
				}
				fall = false
			case OpCaseFail, OpTryFail, OpIfFail, OpFuncFail, OpReraise, OpRaise:
				fall = false
			case OpCall:
				v := s.popN(int(ins.B))
				s.push(v || a.fi.intro[ins.A])
			case OpTailCall:
				v := s.popN(int(ins.B))
				ret = ret || v || a.fi.intro[ins.A]
				fall = false
			case OpBif:
				b := builtinAt(ins.A)
				v := b.Result.may(int(ins.B), &s)
				s.popN(int(ins.B))
				flags |= b.Flow
				s.push(v)
			case OpEffect:
				f, r := effectFlow(Effect(ins.A), int(ins.B), &s)
				flags |= f
				s.push(r)
			case OpCallDyn, OpTailCallDyn, OpApply, OpTailApply:
				flags = FlowAll
				s.popN(int(ins.B) + 2)
				if ins.Op == OpCallDyn || ins.Op == OpApply {
					s.push(true)
				} else {
					ret, fall = true, false
				}
			case OpCallFun, OpTailCallFun:
				v := s.popN(int(ins.B) + 1)
				intro := a.anyExtFun
				for t := range a.funTargets {
					intro = intro || a.fi.intro[t]
				}
				if ins.Op == OpCallFun {
					s.push(v || intro)
				} else {
					ret, fall = ret || v || intro, false
				}
			case OpMakeFun:
				s.push(s.popN(int(ins.B)))
			case OpSelfFun:
				v := false
				for i := 0; i < int(ins.B) && i < len(slots); i++ {
					v = v || slots[i]
				}
				s.push(v)
			case OpRet:
				ret = ret || s.pop()
				fall = false
			case OpRecv:
				r := a.prog.Recvs[ins.A]
				if ins.B == 1 {
					infinite := pc > 0 && fn.Code[pc-1].Op == OpConst && a.prog.Consts[fn.Code[pc-1].A] == term.AInfinity
					if !infinite {
						flags |= FlowTimeout
					}
				}
				for _, c := range r.Clauses {
					bindPat(c.Pat, true)
					if !jump(pc, int(c.Body), unknownStack) {
						return FlowAll, true
					}
				}
				if r.HasAfter && !jump(pc, int(r.After), unknownStack) {
					return FlowAll, true
				}
				fall = false
			case OpTry:
				if !jump(pc, int(ins.A), unknownStack) {
					return FlowAll, true
				}
			case OpCatchVal:
				s.push(s.popN(3))
			default:
				return FlowAll, true
			}
			if fall {
				in[pc+1].join(s)
			}
		}
		if !changed || iter > 100 {
			break
		}
	}
	return flags, ret
}

// effectFlow is what effect e with n arguments on s may do, and whether its
// result may hold a pid: a reading of its row in the effect table. An
// effect without flow data may do anything. It pops the arguments.
func effectFlow(e Effect, n int, s *aStack) (FlowFlags, bool) {
	var fl *flow
	if e < NumEffects {
		fl = effects[e].Flow
	}
	if fl == nil {
		s.popN(n)
		return FlowAll, true
	}
	f := fl.flags
	if fl.hands.may(n, s) {
		f |= FlowLeak
	}
	if slices.Contains(fl.remote, n) {
		f |= FlowSpawnRemote
	}
	r := fl.result.may(n, s)
	s.popN(n)
	return f, r
}
