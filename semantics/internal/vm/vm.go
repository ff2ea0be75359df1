package vm

import (
	"fmt"

	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// maxPureSteps bounds the instructions one transition may run before the
// process reaches an effect: a longer pure computation is reported as a
// bound ("pure code ran N instructions without an effect").
const maxPureSteps = 2_000_000

// Code is what the machine reads of the compiled model: it never
// changes during a search.
type Code struct {
	Prog       *compile.Program
	Exported   map[int32]bool // the model's exported functions (by index)
	StackBound int            // the bound on a process's call stack (frames)
}

// Host is every read of the machine outside the process and its code.
// The first methods read the loaded model only; the others read or change
// the state, and the machine marks the step impure when it calls them
// (Machine.Impure): the memo and the partial-order reduction read that flag.
type Host interface {
	term.Namer
	// NodeAtom is the name of node n as an atom.
	NodeAtom(n term.NodeID) term.Atom
	// PidLabel names a process in a bound's message.
	PidLabel(p term.Pid) string
	// LoadedAtom returns the atom named name if the loaded code has it:
	// such atoms exist on every node.
	LoadedAtom(name string) (term.Atom, bool)

	// NewRef returns a fresh reference of node n (state: the references
	// in use).
	NewRef(n term.NodeID) term.Ref
	// KnowsAtom reports whether node n knows the atom named name, made at
	// run time (state: the atoms a run makes).
	KnowsAtom(n term.NodeID, name string) (term.Atom, bool)
	// MadeAtom records that node n made atom a at run time.
	MadeAtom(n term.NodeID, a term.Atom)
}

// UnsupportedPrefix starts a Bound that is a call of a function mcgo does
// not model, found at run time (apply/3, M:F(...), fun M:F/A): the state
// ends the search as unsupported, not as incomplete.
const UnsupportedPrefix = "unsupported: "

// Machine runs processes' pure code within one transition.
type Machine struct {
	Code *Code
	Host Host
	// Bound is set when a run reached a bound, or a call at run time of a
	// function that OTP 25 has and mcgo does not model (then it starts
	// with UnsupportedPrefix).
	Bound string
	// raisedAt is the position of the last uncaught exception (for traces).
	RaisedAt token.Pos
	Scratch  []term.Term
	// halt is set when a built-in or an effect refused (Unsupported): Run
	// returns at once.
	halt bool
	// impure is set when the transition read or changed the state through
	// the host: the step depends on more than its process.
	Impure bool
	// unsup says why a built-in returned excUnsupported.
	unsup string
}

// excUnsupported is what a built-in returns when the call has a result
// that mcgo cannot give faithfully (m.unsup says why): the machine ends
// the run as unsupported at the call, as for a function it does not model.
var excUnsupported = &term.Exc{Class: term.AError, Reason: term.AMcgo}

// unsupported records why and returns excUnsupported.
func (m *Machine) unsupported(why string) *term.Exc {
	m.unsup = why
	return excUnsupported
}

// run executes p's pure code from its current PC until it requests an
// effect, waits in a receive or ends. p must be a private copy.
func (m *Machine) Run(p *Proc) {
	prog := m.Code.Prog
	steps := 0
	for {
		if m.halt {
			m.halt = false
			return
		}
		if len(p.Frames) == 0 {
			m.finish(p, term.ANormal, false)
			return
		}
		top := len(p.Frames) - 1
		fr := &p.Frames[top]
		fn := prog.Funcs[fr.Fn]
		code := fn.Code
		base := int(fr.Base)
		pc := int(fr.PC)
	inner:
		for {
			steps++
			if steps > maxPureSteps {
				fr.PC = int32(pc)
				m.Bound = fmt.Sprintf("pure code ran %d instructions without an effect", maxPureSteps)
				m.stop(p)
				return
			}
			if pc >= len(code) {
				// Falling off the end cannot happen in compiled code.
				m.Raise(p, term.ErrorExc(term.Intern("mcgo_internal_pc")), code[len(code)-1].Pos)
				if p.St == StExit {
					return
				}
				break inner
			}
			in := &code[pc]
			switch in.Op {
			case compile.OpNop:
				pc++
			case compile.OpConst:
				p.Stack = append(p.Stack, prog.Consts[in.A])
				pc++
			case compile.OpVar:
				p.Stack = append(p.Stack, p.Stack[base+int(in.A)])
				pc++
			case compile.OpSetVar:
				n := len(p.Stack) - 1
				p.Stack[base+int(in.A)] = p.Stack[n]
				p.Stack = p.Stack[:n]
				pc++
			case compile.OpPop:
				p.Stack = p.Stack[:len(p.Stack)-1]
				pc++
			case compile.OpDup:
				p.Stack = append(p.Stack, p.Stack[len(p.Stack)-1])
				pc++
			case compile.OpPeek:
				p.Stack = append(p.Stack, p.Stack[len(p.Stack)-1-int(in.A)])
				pc++
			case compile.OpBin:
				n := len(p.Stack) - int(in.B)
				v, exc := buildBin(prog.Bins[in.A], p.Stack[n:])
				if exc != nil {
					fr.PC = int32(pc)
					m.Raise(p, exc, in.Pos)
					if p.St == StExit {
						return
					}
					break inner
				}
				p.Stack = append(p.Stack[:n], v)
				pc++
			case compile.OpMatch:
				n := len(p.Stack) - 1
				v := p.Stack[n]
				p.Stack = p.Stack[:n]
				if Match(prog.Pats[in.A], v, p.Stack[base:]) {
					pc++
				} else if in.B >= 0 {
					pc = int(in.B)
				} else {
					fr.PC = int32(pc)
					m.Raise(p, term.ErrorExc(term.MkTuple(term.ABadmatch, v)), in.Pos)
					if p.St == StExit {
						return
					}
					break inner
				}
			case compile.OpGuard:
				if EvalGuard(m, prog.Guards[in.A], p.Stack[base:], p) {
					pc++
				} else {
					pc = int(in.B)
				}
			case compile.OpTuple:
				n := int(in.A)
				t := make(term.Tuple, n)
				copy(t, p.Stack[len(p.Stack)-n:])
				p.Stack = p.Stack[:len(p.Stack)-n]
				p.Stack = append(p.Stack, t)
				pc++
			case compile.OpMapPut:
				if in.A == compile.MapCheck {
					if _, ok := p.Stack[len(p.Stack)-1].(*term.Map); !ok {
						fr.PC = int32(pc)
						m.Raise(p, term.ErrorExc(term.MkTuple(term.ABadmap, p.Stack[len(p.Stack)-1])), in.Pos)
						if p.St == StExit {
							return
						}
						break inner
					}
					pc++
					break
				}
				n := len(p.Stack)
				r, exc := MapPut(int(in.A), p.Stack[n-3], p.Stack[n-2], p.Stack[n-1])
				if exc != nil {
					fr.PC = int32(pc)
					m.Raise(p, exc, in.Pos)
					if p.St == StExit {
						return
					}
					break inner
				}
				p.Stack = append(p.Stack[:n-3], r)
				pc++
			case compile.OpList:
				n := int(in.A)
				l := p.Stack[len(p.Stack)-1]
				for i := len(p.Stack) - 2; i >= len(p.Stack)-1-n; i-- {
					l = &term.Cons{Head: p.Stack[i], Tail: l}
				}
				p.Stack = p.Stack[:len(p.Stack)-1-n]
				p.Stack = append(p.Stack, l)
				pc++
			case compile.OpNil:
				p.Stack = append(p.Stack, term.NilTerm)
				pc++
			case compile.OpBinop:
				n := len(p.Stack)
				r, exc := term.Binop(int(in.A), p.Stack[n-2], p.Stack[n-1])
				if exc != nil {
					fr.PC = int32(pc)
					m.Raise(p, exc, in.Pos)
					if p.St == StExit {
						return
					}
					break inner
				}
				p.Stack = p.Stack[:n-2]
				p.Stack = append(p.Stack, r)
				pc++
			case compile.OpUnop:
				n := len(p.Stack)
				r, exc := term.Unop(int(in.A), p.Stack[n-1])
				if exc != nil {
					fr.PC = int32(pc)
					m.Raise(p, exc, in.Pos)
					if p.St == StExit {
						return
					}
					break inner
				}
				p.Stack[n-1] = r
				pc++
			case compile.OpAndAlso, compile.OpOrElse:
				v := p.Stack[len(p.Stack)-1]
				b, ok := term.ToBool(v)
				if !ok {
					fr.PC = int32(pc)
					m.Raise(p, term.ErrorExc(term.MkTuple(term.ABadarg, v)), in.Pos)
					if p.St == StExit {
						return
					}
					break inner
				}
				if b == (in.Op == compile.OpOrElse) {
					pc = int(in.A)
				} else {
					p.Stack = p.Stack[:len(p.Stack)-1]
					pc++
				}
			case compile.OpJump:
				pc = int(in.A)
			case compile.OpCaseFail, compile.OpTryFail, compile.OpIfFail, compile.OpFuncFail:
				var reason term.Term
				switch in.Op {
				case compile.OpCaseFail:
					reason = term.MkTuple(term.ACaseClause, p.Stack[len(p.Stack)-1])
				case compile.OpTryFail:
					reason = term.MkTuple(term.ATryClause, p.Stack[len(p.Stack)-1])
				case compile.OpIfFail:
					reason = term.AIfClause
				default:
					reason = term.AFunctionClause
				}
				fr.PC = int32(pc)
				m.Raise(p, term.ErrorExc(reason), in.Pos)
				if p.St == StExit {
					return
				}
				break inner
			case compile.OpCall, compile.OpTailCall:
				fr.PC = int32(pc + 1)
				if !m.call(p, in.A, int(in.B), in.Op == compile.OpTailCall) {
					return
				}
				break inner
			case compile.OpBif:
				n := int(in.B)
				args := p.Stack[len(p.Stack)-n:]
				r, exc := bifFns[in.A](m, p, args)
				if exc == excUnsupported {
					fr.PC = int32(pc)
					m.Bound = UnsupportedPrefix + fmt.Sprintf("%s: %s", prog.Position(in.Pos), m.unsup)
					m.stop(p)
					return
				}
				if exc != nil {
					fr.PC = int32(pc)
					m.Raise(p, exc, in.Pos)
					if p.St == StExit {
						return
					}
					break inner
				}
				p.Stack = p.Stack[:len(p.Stack)-n]
				p.Stack = append(p.Stack, r)
				pc++
			case compile.OpEffect:
				fr.PC = int32(pc)
				p.St = StRun
				p.Eff = compile.Effect(in.A)
				p.NArgs = uint8(in.B)
				m.stop(p)
				return
			case compile.OpCallDyn, compile.OpTailCallDyn, compile.OpCallFun, compile.OpTailCallFun, compile.OpApply, compile.OpTailApply:
				fr.PC = int32(pc)
				if !m.dynCall(p, in) {
					return
				}
				break inner
			case compile.OpMakeFun:
				n := int(in.B)
				env := make([]term.Term, n)
				copy(env, p.Stack[len(p.Stack)-n:])
				p.Stack = p.Stack[:len(p.Stack)-n]
				p.Stack = append(p.Stack, &term.Fun{Fn: in.A, Env: env})
				pc++
			case compile.OpSelfFun:
				n := int(in.B)
				env := make([]term.Term, n)
				copy(env, p.Stack[base:base+n])
				p.Stack = append(p.Stack, &term.Fun{Fn: in.A, Env: env})
				pc++
			case compile.OpMakeExtFun:
				k := len(p.Stack)
				mod, ok1 := p.Stack[k-3].(term.Atom)
				f, ok2 := p.Stack[k-2].(term.Atom)
				a, ok3 := p.Stack[k-1].(term.Int)
				if !ok1 || !ok2 || !ok3 || a < 0 || a > 255 {
					fr.PC = int32(pc)
					m.Raise(p, term.ExcBadarg, in.Pos)
					if p.St == StExit {
						return
					}
					break inner
				}
				p.Stack = p.Stack[:k-3]
				p.Stack = append(p.Stack, externalFun(prog, mod, f, int(a)))
				pc++
			case compile.OpRet:
				r := p.Stack[len(p.Stack)-1]
				p.Stack = p.Stack[:base]
				p.Frames = p.Frames[:top]
				if len(p.Frames) == 0 {
					m.finish(p, term.ANormal, false)
					return
				}
				p.Stack = append(p.Stack, r)
				break inner
			case compile.OpRecv:
				if in.B == 1 {
					t := p.Stack[len(p.Stack)-1]
					if i, ok := t.(term.Int); !(ok && i >= 0) && t != term.AInfinity {
						fr.PC = int32(pc)
						m.Raise(p, term.ErrorExc(term.Intern("timeout_value")), in.Pos)
						if p.St == StExit {
							return
						}
						break inner
					}
				}
				fr.PC = int32(pc)
				p.St = StWait
				m.stop(p)
				return
			case compile.OpTry:
				p.Hand = append(p.Hand, Handler{Frame: int32(top), SP: int32(len(p.Stack)), PC: in.A})
				pc++
			case compile.OpEndTry:
				p.Hand = p.Hand[:len(p.Hand)-1]
				pc++
			case compile.OpCatchVal:
				k := len(p.Stack)
				class, reason, stk := p.Stack[k-3].(term.Atom), p.Stack[k-2], p.Stack[k-1]
				var v term.Term
				switch class {
				case term.AThrow:
					v = reason
				case term.AExit:
					v = term.MkTuple(term.AEXIT, reason)
				default:
					v = term.MkTuple(term.AEXIT, term.MkTuple(reason, stk))
				}
				p.Stack = p.Stack[:k-3]
				p.Stack = append(p.Stack, v)
				pc++
			case compile.OpReraise:
				k := len(p.Stack)
				class, reason := p.Stack[k-3].(term.Atom), p.Stack[k-2]
				p.Stack = p.Stack[:k-3]
				fr.PC = int32(pc)
				m.Raise(p, &term.Exc{Class: class, Reason: reason}, in.Pos)
				if p.St == StExit {
					return
				}
				break inner
			case compile.OpRaise:
				k := len(p.Stack)
				reason := p.Stack[k-1]
				p.Stack = p.Stack[:k-1]
				fr.PC = int32(pc)
				m.Raise(p, &term.Exc{Class: term.Atom(in.A), Reason: reason}, in.Pos)
				if p.St == StExit {
					return
				}
				break inner
			default:
				fr.PC = int32(pc)
				m.Raise(p, term.ErrorExc(term.Intern("mcgo_bad_instruction")), in.Pos)
				if p.St == StExit {
					return
				}
				break inner
			}
		}
	}
}

// call enters function fi with n arguments on the stack. It reports false
// when the process stopped (a bound was hit).
func (m *Machine) call(p *Proc, fi int32, n int, tail bool) bool {
	fn := m.Code.Prog.Funcs[fi]
	if tail {
		top := len(p.Frames) - 1
		base := int(p.Frames[top].Base)
		copy(p.Stack[base:], p.Stack[len(p.Stack)-n:])
		p.Stack = p.Stack[:base+n]
		p.Stack = GrowSlots(p.Stack, base+fn.NSlots)
		p.Frames[top] = Frame{Fn: fi, PC: 0, Base: int32(base)}
		return true
	}
	if len(p.Frames) >= m.Code.StackBound {
		m.Bound = fmt.Sprintf("process %s: call stack reached %d frames (bound stack)", m.Host.PidLabel(p.Pid), m.Code.StackBound)
		m.stop(p)
		return false
	}
	base := len(p.Stack) - n
	p.Stack = GrowSlots(p.Stack, base+fn.NSlots)
	p.Frames = append(p.Frames, Frame{Fn: fi, PC: 0, Base: int32(base)})
	return true
}

func GrowSlots(s []term.Term, n int) []term.Term {
	for len(s) < n {
		s = append(s, nil)
	}
	return s
}

// dynCall performs a call whose target is known only at run time: M:F(...),
// a fun value, or apply. The current frame's PC is at the call instruction.
// It reports false when the process stopped.
func (m *Machine) dynCall(p *Proc, in *compile.Instr) bool {
	prog := m.Code.Prog
	n := int(in.B)
	tail := in.Op == compile.OpTailCallDyn || in.Op == compile.OpTailCallFun || in.Op == compile.OpTailApply
	k := len(p.Stack)
	var mod, f term.Term
	var fun term.Term
	switch in.Op {
	case compile.OpApply, compile.OpTailApply:
		// apply(Fun, Args) or apply(M, F, Args): spread Args on the stack.
		args, ok := term.ListToSlice(p.Stack[k-1])
		if !ok {
			m.Raise(p, term.ExcBadarg, in.Pos)
			return p.St != StExit
		}
		p.Stack = p.Stack[:k-1]
		if n == 3 {
			mod, f = p.Stack[k-3], p.Stack[k-2]
			p.Stack = p.Stack[:k-3]
		} else {
			fun = p.Stack[k-2]
			p.Stack = p.Stack[:k-2]
		}
		p.Stack = append(p.Stack, args...)
		n = len(args)
	case compile.OpCallFun, compile.OpTailCallFun:
		fun = p.Stack[k-n-1]
		copy(p.Stack[k-n-1:], p.Stack[k-n:])
		p.Stack = p.Stack[:k-1]
	default:
		mod, f = p.Stack[k-n-2], p.Stack[k-n-1]
		copy(p.Stack[k-n-2:], p.Stack[k-n:])
		p.Stack = p.Stack[:k-2]
	}
	args := p.Stack[len(p.Stack)-n:]
	if fun != nil {
		fv, ok := fun.(*term.Fun)
		if !ok {
			p.Stack = p.Stack[:len(p.Stack)-n]
			m.Raise(p, term.ErrorExc(term.MkTuple(term.ABadfun, fun)), in.Pos)
			return p.St != StExit
		}
		if fv.Fn < 0 {
			if fv.Arity != n {
				a := term.MkList(args...)
				p.Stack = p.Stack[:len(p.Stack)-n]
				m.Raise(p, term.ErrorExc(term.MkTuple(term.ABadarity, term.MkTuple(fun, a))), in.Pos)
				return p.St != StExit
			}
			mod, f = fv.M, fv.F
		} else {
			target := prog.Funcs[fv.Fn]
			if target.Arity-target.NFree != n {
				a := term.MkList(args...)
				p.Stack = p.Stack[:len(p.Stack)-n]
				m.Raise(p, term.ErrorExc(term.MkTuple(term.ABadarity, term.MkTuple(fun, a))), in.Pos)
				return p.St != StExit
			}
			// Insert the captured values before the arguments.
			if len(fv.Env) > 0 {
				a := append([]term.Term(nil), args...)
				p.Stack = p.Stack[:len(p.Stack)-n]
				p.Stack = append(p.Stack, fv.Env...)
				p.Stack = append(p.Stack, a...)
			}
			p.Frames[len(p.Frames)-1].PC++
			return m.call(p, fv.Fn, target.Arity, tail)
		}
	}
	ma, ok1 := mod.(term.Atom)
	fa, ok2 := f.(term.Atom)
	if !ok1 || !ok2 {
		p.Stack = p.Stack[:len(p.Stack)-n]
		m.Raise(p, term.ExcBadarg, in.Pos)
		return p.St != StExit
	}
	// The model's exported functions and the prelude.
	if fi, ok := prog.Lookup(ma, fa, n); ok && (prog.Funcs[fi].Prelude || m.Code.Exported[fi]) {
		p.Frames[len(p.Frames)-1].PC++
		return m.call(p, fi, n, tail)
	}
	if e, ok := compile.LookupEffect(ma, fa, n); ok {
		p.St = StRun
		p.Eff = e
		p.NArgs = uint8(n)
		m.stop(p)
		return false
	}
	if b, ok := compile.LookupBuiltin(ma, fa, n); ok {
		r, exc := bifFns[b](m, p, args)
		if exc == excUnsupported {
			m.Bound = UnsupportedPrefix + fmt.Sprintf("%s: %s", prog.Position(in.Pos), m.unsup)
			m.stop(p)
			return false
		}
		p.Stack = p.Stack[:len(p.Stack)-n]
		if exc != nil {
			m.Raise(p, exc, in.Pos)
			return p.St != StExit
		}
		m.Resume(p, r)
		return p.St != StExit
	}
	if ma == term.AErlang && n == 1 && (fa == term.AError || fa == term.AThrow || fa == term.AExit) {
		r := args[0]
		p.Stack = p.Stack[:len(p.Stack)-n]
		m.Raise(p, &term.Exc{Class: fa, Reason: r}, in.Pos)
		return p.St != StExit
	}
	if msg, ok := prog.Unmodelled(ma, fa, n); ok {
		// OTP 25 has the function and mcgo does not model it: the run
		// cannot go on honestly (a node would not raise undef here).
		m.Bound = UnsupportedPrefix + fmt.Sprintf("%s: %s", prog.Position(in.Pos), msg)
		m.stop(p)
		return false
	}
	if prog.Unloaded[ma.Name()] {
		// A node would load the module from the code path; mcgo loads
		// only the modules named by atoms of the loaded code.
		m.Bound = UnsupportedPrefix + fmt.Sprintf("%s: %s:%s/%d: module %s is on the code path but was not loaded (only modules named by an atom of the model's code are; see docs/language.md)",
			prog.Position(in.Pos), compile.QuoteAtom(ma.Name()), compile.QuoteAtom(fa.Name()), n, compile.QuoteAtom(ma.Name()))
		m.stop(p)
		return false
	}
	a := term.MkList(args...)
	p.Stack = p.Stack[:len(p.Stack)-n]
	m.raiseStack(p, term.ErrorExc(term.AUndef), term.MkList(term.MkTuple(ma, fa, a, term.NilTerm)), in.Pos)
	return p.St != StExit
}

// externalFun makes fun M:F/A; a fun of the model's own function refers to
// that function.
func externalFun(prog *compile.Program, mod, f term.Atom, arity int) *term.Fun {
	return &term.Fun{Fn: -1, M: mod, F: f, Arity: arity}
}

// makeRef returns a fresh reference of node n. The number chosen depends on
// the references in the whole state, so the step is impure: the memo must
// not remember it and the partial-order reduction must not take it alone.
func (m *Machine) MakeRef(n term.NodeID) term.Ref {
	m.Impure = true
	return m.Host.NewRef(n)
}

// existingAtom is list_to_existing_atom/1's lookup on node n: an atom of
// the loaded code, or one that the node made or received at run time (a
// read of the state: the step is impure).
func (m *Machine) existingAtom(n term.NodeID, name string) (term.Atom, bool) {
	if a, ok := m.Host.LoadedAtom(name); ok {
		return a, true
	}
	m.Impure = true
	return m.Host.KnowsAtom(n, name)
}

// newAtom is list_to_atom/1 on node n: an atom that the loaded code lacks
// is made at run time and kept in the node's state (the step is impure).
func (m *Machine) newAtom(n term.NodeID, name string) term.Atom {
	if a, ok := m.Host.LoadedAtom(name); ok {
		return a
	}
	m.Impure = true
	a := term.Intern(name)
	m.Host.MadeAtom(n, a)
	return a
}

// resume continues the process after the instruction at the top frame's PC
// produced value r (an effect's result or a dynamic BIF call's): the
// instruction's arguments are already popped. A tail-call instruction
// returns r at once.
func (m *Machine) Resume(p *Proc, r term.Term) {
	top := len(p.Frames) - 1
	fr := &p.Frames[top]
	in := m.Code.Prog.Funcs[fr.Fn].Code[fr.PC]
	fr.PC++
	p.St = StRun
	switch in.Op {
	case compile.OpTailCallDyn, compile.OpTailCallFun, compile.OpTailApply:
		p.Stack = p.Stack[:fr.Base]
		p.Frames = p.Frames[:top]
		if len(p.Frames) == 0 {
			m.finish(p, term.ANormal, false)
			return
		}
	}
	p.Stack = append(p.Stack, r)
}

// raise throws an exception in p at its current PC.
func (m *Machine) Raise(p *Proc, exc *term.Exc, pos token.Pos) {
	m.raiseStack(p, exc, term.NilTerm, pos)
}

// raiseStack throws an exception with a given stack trace term. mcgo's stack
// traces are [] except for undef, whose first entry names the missing
// function as Erlang's does.
func (m *Machine) raiseStack(p *Proc, exc *term.Exc, stk term.Term, pos token.Pos) {
	if exc.Class == term.AMcgo {
		// A built-in met what mcgo does not model (Unsupported): the run
		// cannot go on honestly, and no handler of the model may see it.
		msg, _ := term.StringValue(exc.Reason)
		m.Bound = UnsupportedPrefix + fmt.Sprintf("%s: %s", m.Code.Prog.Position(m.userPos(p, pos)), msg)
		m.stop(p)
		m.halt = true
		return
	}
	if n := len(p.Hand); n > 0 {
		h := p.Hand[n-1]
		p.Hand = p.Hand[:n-1]
		p.Frames = p.Frames[:h.Frame+1]
		p.Stack = p.Stack[:h.SP]
		p.Stack = append(p.Stack, exc.Class, exc.Reason, stk)
		p.Frames[h.Frame].PC = h.PC
		p.St = StRun
		return
	}
	var reason term.Term
	switch exc.Class {
	case term.AExit:
		reason = exc.Reason
	case term.AThrow:
		reason = term.MkTuple(term.MkTuple(term.ANocatch, exc.Reason), stk)
	default:
		reason = term.MkTuple(exc.Reason, stk)
	}
	m.RaisedAt = pos
	own := true
	if exc.Class == term.AExit && isNormalExit(exc.Reason) {
		own = false
	}
	m.finish(p, reason, own)
	p.RaisedAt = pos
}

// userPos is pos when p runs the model's code, else the position of the
// model's call into the prelude (maps:fold/3 rather than the maps:next/1
// inside it).
func (m *Machine) userPos(p *Proc, pos token.Pos) token.Pos {
	for i := len(p.Frames) - 1; i >= 0; i-- {
		fr := p.Frames[i]
		fn := m.Code.Prog.Funcs[fr.Fn]
		if fn.Prelude {
			continue
		}
		if i < len(p.Frames)-1 && fr.PC > 0 {
			// A caller's PC is its return address: the call is just before.
			return fn.Code[fr.PC-1].Pos
		}
		return pos
	}
	return pos
}

// isNormalExit reports whether an exit reason is normal, shutdown or
// {shutdown, _}: not a crash.
func isNormalExit(r term.Term) bool {
	if r == term.ANormal || r == term.AShutdown {
		return true
	}
	if t, ok := r.(term.Tuple); ok && len(t) == 2 && t[0] == term.AShutdown {
		return true
	}
	return false
}

// finish marks p as ended with the given reason; its termination is the
// process's next step.
func (m *Machine) finish(p *Proc, reason term.Term, own bool) {
	p.St = StExit
	p.Reason = reason
	p.Own = own
	p.RaisedAt = token.NoPos
	p.Frames = nil
	p.Stack = nil
	p.Hand = nil
}

// stop clears the slots that are dead in every frame, so that states that
// differ only in values the process will never read again encode equally.
func (m *Machine) stop(p *Proc) {
	prog := m.Code.Prog
	for i := range p.Frames {
		fr := p.Frames[i]
		fn := prog.Funcs[fr.Fn]
		if int(fr.PC) >= len(fn.Live) {
			continue
		}
		live := fn.Live[fr.PC]
		for s := 0; s < fn.NSlots; s++ {
			if !live.Has(s) && int(fr.Base)+s < len(p.Stack) {
				p.Stack[int(fr.Base)+s] = nil
			}
		}
	}
}

// ---------------------------------------------------------------------------
// Pattern matching and guards

// match matches v against pattern pt, binding slots in locals.
func Match(pt *compile.Pat, v term.Term, locals []term.Term) bool {
	switch pt.Kind {
	case compile.PWild:
		return true
	case compile.PBind:
		locals[pt.Slot] = v
		return true
	case compile.PCheck:
		return term.Equal(locals[pt.Slot], v)
	case compile.PConst:
		return term.Equal(pt.Const, v)
	case compile.PTuple:
		t, ok := v.(term.Tuple)
		if !ok || len(t) != len(pt.Elems) {
			return false
		}
		for i, e := range pt.Elems {
			if !Match(e, t[i], locals) {
				return false
			}
		}
		return true
	case compile.PCons:
		c, ok := v.(*term.Cons)
		if !ok {
			return false
		}
		return Match(pt.Elems[0], c.Head, locals) && Match(pt.Elems[1], c.Tail, locals)
	case compile.PAlias:
		return Match(pt.Elems[0], v, locals) && Match(pt.Elems[1], v, locals)
	case compile.PMap:
		mp, ok := v.(*term.Map)
		if !ok {
			return false
		}
		for i, e := range pt.Elems {
			k := pt.Keys[i].Const
			if pt.Keys[i].Kind == compile.PCheck {
				k = locals[pt.Keys[i].Slot]
			}
			x, ok := mp.Get(k)
			if !ok || !Match(e, x, locals) {
				return false
			}
		}
		return true
	case compile.PBin:
		return matchBin(pt.Bin, v, locals)
	}
	return false
}

// MapPut is M#{K => V} (mode compile.MapAssoc) and M#{K := V}
// (compile.MapExact), with OTP's errors {badmap, M} and {badkey, K}.
func MapPut(mode int, m, k, v term.Term) (term.Term, *term.Exc) {
	mp, ok := m.(*term.Map)
	if !ok {
		return nil, term.ErrorExc(term.MkTuple(term.ABadmap, m))
	}
	if mode == compile.MapExact {
		if _, ok := mp.Get(k); !ok {
			return nil, term.ErrorExc(term.MkTuple(term.ABadkey, k))
		}
	}
	return mp.Put(k, v), nil
}

// buildBin builds a bitstring from its segments' operands (each value,
// then its size when the segment has one).
func buildBin(b *compile.Bin, ops []term.Term) (term.Term, *term.Exc) {
	var w term.BitBuf
	i := 0
	for _, s := range b.Segs {
		v := ops[i]
		i++
		var size term.Term
		if s.HasSize {
			size = ops[i]
			i++
		}
		if exc := s.Append(&w, v, size, s.HasSize); exc != nil {
			return nil, exc
		}
	}
	return w.Term(), nil
}

// matchBin matches a bitstring pattern, binding its variables as it goes
// (a later segment's size may read them).
func matchBin(segs []*compile.BinSeg, v term.Term, locals []term.Term) bool {
	data, n, ok := term.BitsOf(v)
	if !ok {
		return false
	}
	off := 0
	for i, s := range segs {
		var size term.Term
		if s.Size != nil {
			sz, ok := evalSize(s.Size, locals)
			if !ok {
				return false
			}
			size = sz
		}
		val, w, ok := s.Read(data, off, n, size, s.Size != nil, i == len(segs)-1)
		if !ok || !Match(s.Val, val, locals) {
			return false
		}
		off += w
	}
	return off == n
}

// evalSize evaluates the size expression of a pattern's segment: guard
// arithmetic over bound variables and the pure built-ins the compiler
// allows there.
func evalSize(g *compile.GExpr, locals []term.Term) (term.Term, bool) {
	return evalG(nil, g, locals, nil)
}

func EvalGuard(m *Machine, g compile.Guard, locals []term.Term, p *Proc) bool {
	for _, conj := range g {
		ok := true
		for _, t := range conj {
			v, good := evalG(m, t, locals, p)
			if !good || v != term.ATrue {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// evalG evaluates a guard expression; ok=false means an exception (the guard
// fails).
func evalG(m *Machine, g *compile.GExpr, locals []term.Term, p *Proc) (term.Term, bool) {
	switch g.Kind {
	case compile.GConst:
		return g.Const, true
	case compile.GVar:
		return locals[g.Slot], true
	case compile.GTuple:
		t := make(term.Tuple, len(g.Args))
		for i, a := range g.Args {
			v, ok := evalG(m, a, locals, p)
			if !ok {
				return nil, false
			}
			t[i] = v
		}
		return t, true
	case compile.GList:
		n := len(g.Args) - 1
		vals := make([]term.Term, n)
		for i := 0; i < n; i++ {
			v, ok := evalG(m, g.Args[i], locals, p)
			if !ok {
				return nil, false
			}
			vals[i] = v
		}
		tail, ok := evalG(m, g.Args[n], locals, p)
		if !ok {
			return nil, false
		}
		return term.ListWithTail(vals, tail), true
	case compile.GMapPut:
		vals := [3]term.Term{}
		for i, a := range g.Args {
			v, ok := evalG(m, a, locals, p)
			if !ok {
				return nil, false
			}
			vals[i] = v
		}
		if g.Op == compile.MapCheck {
			_, ok := vals[0].(*term.Map)
			return vals[0], ok
		}
		r, exc := MapPut(int(g.Op), vals[0], vals[1], vals[2])
		return r, exc == nil
	case compile.GAndAlso, compile.GOrElse:
		x, ok := evalG(m, g.Args[0], locals, p)
		if !ok {
			return nil, false
		}
		b, isb := term.ToBool(x)
		if !isb {
			return nil, false
		}
		if b == (g.Kind == compile.GOrElse) {
			return x, true
		}
		return evalG(m, g.Args[1], locals, p)
	case compile.GBinop:
		x, ok := evalG(m, g.Args[0], locals, p)
		if !ok {
			return nil, false
		}
		y, ok := evalG(m, g.Args[1], locals, p)
		if !ok {
			return nil, false
		}
		r, exc := term.Binop(int(g.Op), x, y)
		return r, exc == nil
	case compile.GUnop:
		x, ok := evalG(m, g.Args[0], locals, p)
		if !ok {
			return nil, false
		}
		r, exc := term.Unop(int(g.Op), x)
		return r, exc == nil
	case compile.GBif:
		args := make([]term.Term, len(g.Args))
		for i, a := range g.Args {
			v, ok := evalG(m, a, locals, p)
			if !ok {
				return nil, false
			}
			args[i] = v
		}
		r, exc := bifFns[g.Op](m, p, args)
		return r, exc == nil
	}
	return nil, false
}
