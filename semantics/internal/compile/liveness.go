package compile

// liveness computes, for each instruction of fn, the set of local slots
// whose values may still be read from there on. When a process stops (at
// an effect, a receive, or in a caller frame at a return address), the
// machine clears the other slots so that two states that differ only in
// values nobody will read again encode equally: without this, a dead
// temporary would split one future into many states.
//
// It is a backward data-flow analysis over the function's bytecode.
// Exceptions are approximated: every instruction inside a try or catch
// region may continue at the region's handler.
func liveness(prog *Program, fn *Func) []bitset {
	code := fn.Code
	n := len(code)
	succ := make([][]int32, n)
	extra := make([][]int32, n) // successors whose liveness is not killed by this instruction's definitions
	var open []int32
	for pc := 0; pc < n; pc++ {
		in := code[pc]
		next := int32(pc + 1)
		switch in.Op {
		case OpJump:
			succ[pc] = []int32{in.A}
		case OpMatch:
			succ[pc] = []int32{next}
			if in.B >= 0 {
				extra[pc] = append(extra[pc], in.B)
			}
		case OpGuard:
			succ[pc] = []int32{next, in.B}
		case OpAndAlso, OpOrElse:
			succ[pc] = []int32{next, in.A}
		case OpRet, OpCaseFail, OpIfFail, OpFuncFail, OpTryFail, OpReraise, OpRaise,
			OpTailCall, OpTailCallDyn, OpTailCallFun, OpTailApply:
			// no normal successor
		case OpRecv:
			r := prog.Recvs[in.A]
			for _, c := range r.Clauses {
				extra[pc] = append(extra[pc], c.Body)
			}
			if r.HasAfter {
				extra[pc] = append(extra[pc], r.After)
			}
		case OpTry:
			succ[pc] = []int32{next}
			open = append(open, in.A)
			continue
		case OpEndTry:
			succ[pc] = []int32{next}
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		default:
			succ[pc] = []int32{next}
		}
		extra[pc] = append(extra[pc], open...)
	}
	live := make([]bitset, n+1)
	for changed := true; changed; {
		changed = false
		for pc := n - 1; pc >= 0; pc-- {
			in := code[pc]
			var out bitset
			for _, s := range succ[pc] {
				if int(s) <= n {
					out.union(live[s])
				}
			}
			// Definitions kill liveness on the normal path.
			switch in.Op {
			case OpSetVar:
				out.clear(int(in.A))
			case OpMatch:
				patDefs(prog.Pats[in.A], func(s int) { out.clear(s) })
			}
			for _, s := range extra[pc] {
				if int(s) > n {
					continue
				}
				if in.Op == OpRecv {
					// A clause body's bindings come from the clause's pattern.
					var l bitset = live[s].clone()
					for _, c := range prog.Recvs[in.A].Clauses {
						if c.Body == s {
							patDefs(c.Pat, func(k int) { l.clear(k) })
						}
					}
					out.union(l)
					continue
				}
				out.union(live[s])
			}
			// Uses.
			switch in.Op {
			case OpVar:
				out.set(int(in.A))
			case OpSelfFun:
				for k := 0; k < int(in.B); k++ {
					out.set(k)
				}
			case OpMatch:
				patUses(prog.Pats[in.A], func(s int) { out.set(s) })
			case OpGuard:
				guardUses(prog.Guards[in.A], func(s int) { out.set(s) })
			case OpRecv:
				for _, c := range prog.Recvs[in.A].Clauses {
					patUses(c.Pat, func(s int) { out.set(s) })
					guardUses(c.Guard, func(s int) { out.set(s) })
				}
			}
			if !out.equal(live[pc]) {
				live[pc] = out
				changed = true
			}
		}
	}
	return live[:n]
}

func patDefs(p *Pat, f func(int)) {
	switch p.Kind {
	case PBind:
		f(int(p.Slot))
	case PTuple, PCons, PAlias, PMap:
		for _, e := range p.Elems {
			patDefs(e, f)
		}
	case PBin:
		for _, s := range p.Bin {
			patDefs(s.Val, f)
		}
	}
}

func patUses(p *Pat, f func(int)) {
	switch p.Kind {
	case PCheck:
		f(int(p.Slot))
	case PTuple, PCons, PAlias, PMap:
		for _, e := range p.Keys {
			patUses(e, f)
		}
		for _, e := range p.Elems {
			patUses(e, f)
		}
	case PBin:
		// A size reads a slot bound before the pattern or by an earlier
		// segment; only the former is live before the match.
		bound := map[int]bool{}
		for _, s := range p.Bin {
			if s.Size != nil {
				gexprUses(s.Size, func(i int) {
					if !bound[i] {
						f(i)
					}
				})
			}
			patUses(s.Val, f)
			patDefs(s.Val, func(i int) { bound[i] = true })
		}
	}
}

func guardUses(g Guard, f func(int)) {
	for _, conj := range g {
		for _, e := range conj {
			gexprUses(e, f)
		}
	}
}

func gexprUses(e *GExpr, f func(int)) {
	if e.Kind == GVar {
		f(int(e.Slot))
	}
	for _, a := range e.Args {
		gexprUses(a, f)
	}
}
