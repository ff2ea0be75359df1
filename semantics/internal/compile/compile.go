package compile

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Program is a compiled model: the model's module and the prelude modules
// written in Erlang (lists, timer...), lowered to bytecode. A Program is
// immutable once built and shared by every state and worker.
type Program struct {
	Module term.Atom // the model's module
	Funcs  []*Func
	Consts []term.Term
	Pats   []*Pat
	Bins   []*Bin
	Guards []Guard
	Recvs  []*Recv
	Files  *token.FileSet
	// Unloaded names the modules on the model's code path that were not
	// loaded (lang.Model.OnPath): a call that reaches one at run time
	// ends the search as unsupported, since a node would load it.
	Unloaded map[string]bool

	byMFA map[mfa]int32 // every named function (model and prelude) by module, name, arity
	calls []staticCall  // the model's calls of named functions left to run time (Refusals)
}

type mfa struct {
	M, F  term.Atom
	Arity int
}

// Lookup returns the index of function m:f/arity, if it is defined.
func (p *Program) Lookup(m, f term.Atom, arity int) (int32, bool) {
	i, ok := p.byMFA[mfa{m, f, arity}]
	return i, ok
}

// Position expands a position.
func (p *Program) Position(pos token.Pos) token.Position { return p.Files.Position(pos) }

// compileError is a problem found while compiling (an internal limit); the
// checker in package lang rejects ill-formed programs before they get here.
type compileError struct {
	pos token.Pos
	msg string
}

type compiler struct {
	prog    *Program
	module  term.Atom
	prelude bool
	errs    []compileError
	local   map[string]int32 // "name/arity" of the module being compiled -> func index
	lambdas int              // counter for naming funs
	consts  map[string]int32 // dedup of atom/int constants

	// The module's records (records.go), and the counter for the
	// variables of their expansions.
	records map[string]*ast.RecordDef
	recVars int

	// exported holds the "name/arity" of the model's exported functions
	// (all of them under -compile(export_all)): only those can be called
	// as Module:F(...), as on a real node; nil for a prelude module.
	exported map[string]bool
}

// CompileModules lowers modules into one program. The first module is the
// model; prelude[i] tells the prelude's modules from the model's library
// modules.
func CompileModules(fs *token.FileSet, mods []*ast.Module, prelude []bool) (*Program, error) {
	prog := &Program{Files: fs, byMFA: map[mfa]int32{}}
	if len(mods) > 0 {
		prog.Module = term.Intern(mods[0].Name)
	}
	var errs []compileError
	for i, m := range mods {
		c := &compiler{prog: prog, module: term.Intern(m.Name), prelude: prelude[i], local: map[string]int32{}, consts: map[string]int32{}, records: recordDefs(m)}
		if !prelude[i] {
			c.exported = map[string]bool{}
			for _, e := range m.Exports {
				c.exported[e.Name+"/"+strconv.Itoa(e.Arity)] = true
			}
			if lang.ExportAll(m) {
				for _, f := range m.Funcs {
					c.exported[f.Name+"/"+strconv.Itoa(f.Arity)] = true
				}
			}
		}
		// Declare every named function first, so that calls can refer forward.
		for _, f := range m.Funcs {
			key := f.Name + "/" + strconv.Itoa(f.Arity)
			if _, dup := c.local[key]; dup {
				continue // the checker reports duplicates
			}
			fn := &Func{Module: c.module, Name: term.Intern(f.Name), Arity: f.Arity, Pos: f.NamePos, Prelude: prelude[i]}
			fn.Display = m.Name + ":" + QuoteAtom(f.Name) + "/" + strconv.Itoa(f.Arity)
			idx := int32(len(prog.Funcs))
			prog.Funcs = append(prog.Funcs, fn)
			c.local[key] = idx
			prog.byMFA[mfa{c.module, fn.Name, f.Arity}] = idx
		}
		for _, f := range m.Funcs {
			idx := c.local[f.Name+"/"+strconv.Itoa(f.Arity)]
			if prog.Funcs[idx].Code != nil {
				continue
			}
			c.compileFunction(prog.Funcs[idx], f)
		}
		errs = append(errs, c.errs...)
	}
	for _, fn := range prog.Funcs {
		fn.Live = liveness(prog, fn)
	}
	if len(errs) > 0 {
		e := errs[0]
		return prog, fmt.Errorf("%s: %s", fs.Position(e.pos), e.msg)
	}
	return prog, nil
}

func (c *compiler) errorf(pos token.Pos, format string, args ...any) {
	c.errs = append(c.errs, compileError{pos, fmt.Sprintf(format, args...)})
}

func (c *compiler) constant(t term.Term) int32 {
	var key string
	switch v := t.(type) {
	case term.Atom:
		key = "a" + strconv.Itoa(int(v))
	case term.Int:
		key = "i" + strconv.FormatInt(int64(v), 10)
	}
	if key != "" {
		if i, ok := c.consts[key]; ok {
			return i
		}
	}
	i := int32(len(c.prog.Consts))
	c.prog.Consts = append(c.prog.Consts, t)
	if key != "" {
		c.consts[key] = i
	}
	return i
}

// ---------------------------------------------------------------------------
// Function bodies

// fnc compiles one function (or lifted fun).
type fnc struct {
	c     *compiler
	fn    *Func
	slots map[string]int32 // variable -> slot, for the clause being compiled
	bound map[string]bool  // variables bound at the current point
	code  []Instr
	// handlers counts the try/catch handlers open at this point: calls inside
	// one are not tail calls.
	handlers int
	selfName string // a named fun's own name, bound to the fun itself
	selfFree int    // the named fun's environment size
	nextSlot int32
}

func (c *compiler) compileFunction(fn *Func, f *ast.Function) {
	g := &fnc{c: c, fn: fn}
	g.compileClauses(fn, f.Clauses, nil, f.NamePos)
}

// compileClauses compiles the clauses of a function whose first len(free)
// parameters are captured variables (for a lifted fun).
func (g *fnc) compileClauses(fn *Func, clauses []*ast.Clause, free []string, pos token.Pos) {
	nfree := len(free)
	maxSlots := fn.Arity
	for _, cl := range clauses {
		g.slots = map[string]int32{}
		g.bound = map[string]bool{}
		next := int32(fn.Arity)
		for i, name := range free {
			g.slots[name] = int32(i)
			g.bound[name] = true
		}
		g.nextSlot = next
		var fails []int
		// Parameters are in slots nfree..Arity-1.
		for i, p := range cl.Params {
			g.emit(OpVar, int32(nfree+i), 0, p.Pos())
			fails = append(fails, g.emit(OpMatch, g.pattern(p, true), -2, p.Pos()))
		}
		if cl.Guard != nil {
			fails = append(fails, g.emit(OpGuard, g.guard(cl.Guard), -2, cl.ClausePos))
		}
		if g.selfName != "" && !g.bound[g.selfName] {
			// A named fun: its name is bound to the fun itself.
			g.emit(OpSelfFun, int32(len(g.c.prog.Funcs)-1), int32(g.selfFree), cl.ClausePos)
			s := g.slot(g.selfName)
			g.emit(OpSetVar, s, 0, cl.ClausePos)
			g.bound[g.selfName] = true
		}
		g.body(cl.Body, true)
		g.emit(OpRet, 0, 0, cl.ClausePos)
		// Failed matches and guards go to the next clause.
		here := int32(len(g.code))
		for _, f := range fails {
			g.code[f].B = here
		}
		if int(g.nextSlot) > maxSlots {
			maxSlots = int(g.nextSlot)
		}
	}
	// No clause matched.
	g.emit(OpFuncFail, 0, 0, pos)
	fn.NSlots = maxSlots
	fn.NFree = nfree
	fn.Code = g.code
}

func (g *fnc) emit(op Op, a, b int32, pos token.Pos) int {
	g.code = append(g.code, Instr{Op: op, A: a, B: b, Pos: pos})
	return len(g.code) - 1
}

func (g *fnc) pc() int32 { return int32(len(g.code)) }

func (g *fnc) slot(name string) int32 {
	if s, ok := g.slots[name]; ok {
		return s
	}
	s := g.nextSlot
	g.nextSlot++
	g.slots[name] = s
	return s
}

// body compiles a sequence; its value is the last expression's.
func (g *fnc) body(es []ast.Expr, tail bool) {
	if len(es) == 0 {
		g.emit(OpConst, g.c.constant(term.AOk), 0, token.NoPos)
		return
	}
	for i, e := range es {
		last := i == len(es)-1
		g.expr(e, tail && last)
		if !last {
			g.emit(OpPop, 0, 0, e.Pos())
		}
	}
}

func copyBound(m map[string]bool) map[string]bool {
	n := make(map[string]bool, len(m))
	for k, v := range m {
		n[k] = v
	}
	return n
}

// intersect returns the variables bound in every branch.
func intersect(branches []map[string]bool, pre map[string]bool) map[string]bool {
	if len(branches) == 0 {
		return pre
	}
	out := copyBound(branches[0])
	for _, b := range branches[1:] {
		for k := range out {
			if !b[k] {
				delete(out, k)
			}
		}
	}
	for k := range pre {
		out[k] = true
	}
	return out
}

func (g *fnc) expr(e ast.Expr, tail bool) {
	tail = tail && g.handlers == 0
	switch x := e.(type) {
	case *ast.Atom:
		g.emit(OpConst, g.c.constant(term.Intern(x.Name)), 0, x.NamePos)
	case *ast.Int:
		g.emit(OpConst, g.c.constant(term.Int(x.Value)), 0, x.ValuePos)
	case *ast.Float:
		g.emit(OpConst, g.c.constant(term.Float(x.Value)), 0, x.ValuePos)
	case *ast.String:
		g.emit(OpConst, g.c.constant(term.MkString(x.Value)), 0, x.ValuePos)
	case *ast.Var:
		if x.Name == "_" || !g.bound[x.Name] {
			// The checker rejects unbound variables; keep the machine sane.
			g.c.errorf(x.NamePos, "variable '%s' is unbound", x.Name)
			g.emit(OpConst, g.c.constant(term.AUndefined), 0, x.NamePos)
			return
		}
		g.emit(OpVar, g.slot(x.Name), 0, x.NamePos)
	case *ast.Tuple:
		if t, ok := literal(x); ok && len(x.Elems) > 0 {
			// A literal is one constant, as erlc makes it: a list or tuple
			// of 500,000 literals is not 500,000 pushes (whose abstract
			// stacks the flow analysis would copy at each one).
			g.emit(OpConst, g.c.constant(t), 0, x.Lbrace)
			return
		}
		for _, el := range x.Elems {
			g.expr(el, false)
		}
		g.emit(OpTuple, int32(len(x.Elems)), 0, x.Lbrace)
	case *ast.List:
		if t, ok := literal(x); ok && len(x.Elems) > 0 {
			g.emit(OpConst, g.c.constant(t), 0, x.Lbrack)
			return
		}
		if len(x.Elems) == 0 && x.Tail == nil {
			g.emit(OpNil, 0, 0, x.Lbrack)
			return
		}
		for _, el := range x.Elems {
			g.expr(el, false)
		}
		if x.Tail != nil {
			g.expr(x.Tail, false)
		} else {
			g.emit(OpNil, 0, 0, x.Lbrack)
		}
		g.emit(OpList, int32(len(x.Elems)), 0, x.Lbrack)
	case *ast.Map:
		if x.Base == nil {
			g.emit(OpConst, g.c.constant(term.EmptyMap), 0, x.Hash)
		} else {
			g.expr(x.Base, false)
			if len(x.Fields) == 0 {
				g.emit(OpMapPut, MapCheck, 0, x.Hash)
			}
		}
		for _, f := range x.Fields {
			g.expr(f.Key, false)
			g.expr(f.Value, false)
			mode := int32(MapAssoc)
			if f.Exact {
				mode = MapExact
			}
			g.emit(OpMapPut, mode, 0, f.OpPos)
		}
	case *ast.Match:
		g.expr(x.Right, false)
		g.emit(OpDup, 0, 0, x.OpPos)
		g.emit(OpMatch, g.pattern(x.Left, false), -1, x.OpPos)
	case *ast.Send:
		g.expr(x.To, false)
		g.expr(x.Msg, false)
		g.emit(OpEffect, int32(EffSend), 2, x.OpPos)
	case *ast.BinaryOp:
		switch x.Op {
		case "andalso", "orelse":
			g.expr(x.X, false)
			op := OpAndAlso
			if x.Op == "orelse" {
				op = OpOrElse
			}
			j := g.emit(op, 0, 0, x.OpPos)
			pre := copyBound(g.bound)
			g.expr(x.Y, tail)
			g.bound = pre
			g.code[j].A = g.pc()
			return
		}
		g.expr(x.X, false)
		g.expr(x.Y, false)
		g.emit(OpBinop, int32(term.BinopIndex(x.Op)), 0, x.OpPos)
	case *ast.UnaryOp:
		g.expr(x.X, false)
		g.emit(OpUnop, int32(term.UnopIndex(x.Op)), 0, x.OpPos)
	case *ast.Call:
		g.call(x, tail)
	case *ast.Case:
		g.expr(x.Expr, false)
		g.caseClauses(x.Clauses, tail, x.CasePos, OpCaseFail)
	case *ast.If:
		pre := copyBound(g.bound)
		var ends []int
		var branches []map[string]bool
		for _, cl := range x.Clauses {
			g.bound = copyBound(pre)
			j := g.emit(OpGuard, g.guard(cl.Guard), -2, cl.ClausePos)
			g.body(cl.Body, tail)
			branches = append(branches, g.bound)
			ends = append(ends, g.emit(OpJump, 0, 0, cl.ClausePos))
			g.code[j].B = g.pc()
		}
		g.emit(OpIfFail, 0, 0, x.IfPos)
		for _, j := range ends {
			g.code[j].A = g.pc()
		}
		g.bound = intersect(branches, pre)
	case *ast.Receive:
		g.receive(x, tail)
	case *ast.Fun:
		g.fun(x)
	case *ast.FunRef:
		g.funRef(x)
	case *ast.Block:
		g.body(x.Body, tail)
	case *ast.Catch:
		pre := copyBound(g.bound)
		j := g.emit(OpTry, 0, 0, x.CatchPos)
		g.handlers++
		g.expr(x.X, false)
		g.handlers--
		g.emit(OpEndTry, 0, 0, x.CatchPos)
		end := g.emit(OpJump, 0, 0, x.CatchPos)
		g.code[j].A = g.pc()
		g.emit(OpCatchVal, 0, 0, x.CatchPos)
		g.code[end].A = g.pc()
		g.bound = pre
	case *ast.Try:
		g.try(x, tail)
	case *ast.Bin:
		g.bin(x)
	case *ast.BinComp:
		g.expr(desugarBinComp(x, g), tail)
	case *ast.ListComp:
		g.expr(desugarListComp(x, g), tail)
	case *ast.Record:
		if x.Expr != nil {
			g.expr(g.recordUpdate(x), tail)
		} else {
			g.expr(g.recordTuple(x, false), tail)
		}
	case *ast.RecordAccess:
		g.expr(g.recordAccess(x), tail)
	case *ast.RecordIndex:
		g.expr(g.recordIndex(x), tail)
	default:
		g.c.errorf(e.Pos(), "unsupported expression %T", e)
		g.emit(OpConst, g.c.constant(term.AUndefined), 0, e.Pos())
	}
}

// caseClauses compiles clauses matched against the value on top of the stack.
func (g *fnc) caseClauses(clauses []*ast.CaseClause, tail bool, pos token.Pos, fail Op) {
	pre := copyBound(g.bound)
	var ends []int
	var branches []map[string]bool
	for _, cl := range clauses {
		g.bound = copyBound(pre)
		g.emit(OpDup, 0, 0, cl.ClausePos)
		var fails []int
		fails = append(fails, g.emit(OpMatch, g.pattern(cl.Pattern, false), -2, cl.ClausePos))
		if cl.Guard != nil {
			fails = append(fails, g.emit(OpGuard, g.guard(cl.Guard), -2, cl.ClausePos))
		}
		g.emit(OpPop, 0, 0, cl.ClausePos)
		g.body(cl.Body, tail)
		branches = append(branches, g.bound)
		ends = append(ends, g.emit(OpJump, 0, 0, cl.ClausePos))
		for _, f := range fails {
			g.code[f].B = g.pc()
		}
	}
	g.emit(fail, 0, 0, pos)
	for _, j := range ends {
		g.code[j].A = g.pc()
	}
	g.bound = intersect(branches, pre)
}

func (g *fnc) receive(x *ast.Receive, tail bool) {
	r := &Recv{Pos: x.ReceivePos}
	ri := int32(len(g.c.prog.Recvs))
	g.c.prog.Recvs = append(g.c.prog.Recvs, r)
	hasAfter := int32(0)
	if x.After != nil {
		g.expr(x.After, false)
		hasAfter = 1
		r.HasAfter = true
	}
	g.emit(OpRecv, ri, hasAfter, x.ReceivePos)
	pre := copyBound(g.bound)
	var ends []int
	var branches []map[string]bool
	for _, cl := range x.Clauses {
		g.bound = copyBound(pre)
		rc := RecvClause{Pat: g.c.prog.Pats[g.pattern(cl.Pattern, false)], Pos: cl.ClausePos}
		rc.Binds = patBinds(rc.Pat, nil)
		if cl.Guard != nil {
			rc.Guard = g.c.prog.Guards[g.guard(cl.Guard)]
		}
		rc.Body = g.pc()
		r.Clauses = append(r.Clauses, rc)
		g.body(cl.Body, tail)
		branches = append(branches, g.bound)
		ends = append(ends, g.emit(OpJump, 0, 0, cl.ClausePos))
	}
	if x.After != nil {
		g.bound = copyBound(pre)
		r.After = g.pc()
		g.body(x.AfterBody, tail)
		branches = append(branches, g.bound)
	}
	for _, j := range ends {
		g.code[j].A = g.pc()
	}
	g.bound = intersect(branches, pre)
}

func (g *fnc) try(x *ast.Try, tail bool) {
	pre := copyBound(g.bound)
	var afterHandler int
	if len(x.After) > 0 {
		afterHandler = g.emit(OpTry, 0, 0, x.TryPos)
		g.handlers++
	}
	var branches []map[string]bool
	// try Body [of Clauses] catch Clauses end
	j := g.emit(OpTry, 0, 0, x.TryPos)
	g.handlers++
	g.body(x.Body, false)
	g.handlers--
	g.emit(OpEndTry, 0, 0, x.TryPos)
	if len(x.OfClauses) > 0 {
		g.caseClauses(x.OfClauses, tail && len(x.After) == 0, x.TryPos, OpTryFail)
		branches = append(branches, g.bound)
	} else {
		branches = append(branches, g.bound)
	}
	end := g.emit(OpJump, 0, 0, x.TryPos)
	g.code[j].A = g.pc()
	// Catch clauses: the stack holds Class, Reason, Stack.
	var ends []int
	for _, cl := range x.CatchClauses {
		g.bound = copyBound(pre)
		var fails []int
		// Match Stack (top), then Reason, then Class, keeping the values.
		pats := []ast.Expr{cl.Class, cl.Reason, cl.Stack}
		for k := 0; k < 3; k++ {
			p := pats[k]
			if p == nil && k == 0 {
				p = &ast.Atom{NamePos: cl.ClausePos, Name: "throw"}
			}
			if p == nil {
				continue
			}
			g.emit(OpPeek, int32(2-k), 0, cl.ClausePos)
			fails = append(fails, g.emit(OpMatch, g.pattern(p, false), -2, cl.ClausePos))
		}
		if cl.Guard != nil {
			fails = append(fails, g.emit(OpGuard, g.guard(cl.Guard), -2, cl.ClausePos))
		}
		g.emit(OpPop, 0, 0, cl.ClausePos)
		g.emit(OpPop, 0, 0, cl.ClausePos)
		g.emit(OpPop, 0, 0, cl.ClausePos)
		g.body(cl.Body, tail && len(x.After) == 0)
		branches = append(branches, g.bound)
		ends = append(ends, g.emit(OpJump, 0, 0, cl.ClausePos))
		for _, f := range fails {
			g.code[f].B = g.pc()
		}
	}
	g.emit(OpReraise, 0, 0, x.TryPos)
	for _, e := range ends {
		g.code[e].A = g.pc()
	}
	g.code[end].A = g.pc()
	g.bound = intersect(branches, pre)
	if len(x.After) > 0 {
		g.handlers--
		g.emit(OpEndTry, 0, 0, x.TryPos)
		g.afterBody(x.After)
		done := g.emit(OpJump, 0, 0, x.TryPos)
		g.code[afterHandler].A = g.pc()
		g.afterBody(x.After)
		g.emit(OpReraise, 0, 0, x.TryPos)
		g.code[done].A = g.pc()
	}
}

// afterBody compiles a try's after section, whose value is dropped and whose
// bindings do not escape.
func (g *fnc) afterBody(es []ast.Expr) {
	pre := copyBound(g.bound)
	for _, e := range es {
		g.expr(e, false)
		g.emit(OpPop, 0, 0, e.Pos())
	}
	g.bound = pre
}

// ---------------------------------------------------------------------------
// Calls

func atomOf(e ast.Expr) (string, bool) {
	a, ok := e.(*ast.Atom)
	if !ok {
		return "", false
	}
	return a.Name, true
}

func (g *fnc) call(x *ast.Call, tail bool) {
	if y := g.recordCall(x); recordCallChanged(x, y) {
		g.expr(y, tail)
		return
	}
	n := int32(len(x.Args))
	pos := x.Lparen
	if x.Module == nil {
		if name, ok := atomOf(x.Fun); ok {
			// A local call, or an auto-imported BIF.
			if idx, ok := g.c.local[name+"/"+strconv.Itoa(len(x.Args))]; ok {
				g.args(x.Args)
				op := OpCall
				if tail {
					op = OpTailCall
				}
				g.emit(op, idx, n, pos)
				return
			}
			g.remote(term.AErlang, term.Intern(name), x, tail)
			return
		}
		// A fun value.
		g.expr(x.Fun, false)
		g.args(x.Args)
		op := OpCallFun
		if tail {
			op = OpTailCallFun
		}
		g.emit(op, 0, n, pos)
		return
	}
	m, okm := atomOf(x.Module)
	f, okf := atomOf(x.Fun)
	if okm && okf {
		g.remote(term.Intern(m), term.Intern(f), x, tail)
		return
	}
	g.expr(x.Module, false)
	g.expr(x.Fun, false)
	g.args(x.Args)
	op := OpCallDyn
	if tail {
		op = OpTailCallDyn
	}
	g.emit(op, 0, n, pos)
}

func (g *fnc) args(args []ast.Expr) {
	for _, a := range args {
		g.expr(a, false)
	}
}

// remote compiles a call m:f(args) with known names (x is the call, local
// for an auto-imported BIF).
func (g *fnc) remote(m, f term.Atom, x *ast.Call, tail bool) {
	args, pos := x.Args, x.Lparen
	n := int32(len(args))
	if key := f.Name() + "/" + strconv.Itoa(len(args)); m == g.c.module && (g.c.exported == nil || g.c.exported[key]) {
		if idx, ok := g.c.local[key]; ok {
			g.args(args)
			op := OpCall
			if tail {
				op = OpTailCall
			}
			g.emit(op, idx, n, pos)
			return
		}
	}
	switch {
	case m == term.AErlang && (f == term.Intern("apply")) && (n == 2 || n == 3):
		g.args(args)
		op := OpApply
		if tail {
			op = OpTailApply
		}
		g.emit(op, 0, n, pos)
		return
	case m == term.AErlang && n == 1 && (f == term.AError || f == term.AThrow || f == term.AExit):
		g.args(args)
		g.emit(OpRaise, int32(f), 0, pos)
		return
	case m == term.AErlang && n == 2 && f == term.AError:
		// error(Reason, Args): the arguments only decorate the stack trace.
		g.args(args)
		g.emit(OpPop, 0, 0, pos)
		g.emit(OpRaise, int32(term.AError), 0, pos)
		return
	}
	if e, ok := LookupEffect(m, f, len(args)); ok {
		g.args(args)
		g.emit(OpEffect, int32(e), n, pos)
		if tail {
			g.emit(OpRet, 0, 0, pos)
		}
		return
	}
	if b, ok := LookupBuiltin(m, f, len(args)); ok {
		g.args(args)
		g.emit(OpBif, int32(b), n, pos)
		return
	}
	// Prelude functions, and anything else (resolved, or undef, at run time).
	if !g.c.prelude {
		start := x.Fun.Pos() // where the call starts, for Refusals
		if x.Module != nil {
			start = x.Module.Pos()
		}
		g.c.prog.calls = append(g.c.prog.calls, staticCall{mfa{m, f, len(args)}, start})
	}
	g.emit(OpConst, g.c.constant(m), 0, pos)
	g.emit(OpConst, g.c.constant(f), 0, pos)
	g.args(args)
	op := OpCallDyn
	if tail {
		op = OpTailCallDyn
	}
	g.emit(op, 0, n, pos)
}

// ---------------------------------------------------------------------------
// Funs

func (g *fnc) fun(x *ast.Fun) {
	// Free variables: variables of the fun that are bound here, except the
	// ones its clause heads shadow. Sorted for determinism.
	used := map[string]bool{}
	for _, cl := range x.Clauses {
		heads := map[string]bool{}
		inner := map[string]bool{}
		for _, p := range cl.Params {
			collectHeadVars(p, heads, inner)
		}
		for _, e := range cl.Body {
			collectVars(e, inner)
		}
		for _, gs := range cl.Guard {
			for _, e := range gs {
				collectVars(e, inner)
			}
		}
		for v := range inner {
			if !heads[v] && g.bound[v] && v != x.Name {
				used[v] = true
			}
		}
		// A variable in a key of a map pattern of the head is the one
		// bound outside (fun(#{K := V}) -> V end).
		keys := map[string]bool{}
		for _, p := range cl.Params {
			mapKeyVars(p, keys)
		}
		for v := range keys {
			if g.bound[v] && v != x.Name {
				used[v] = true
			}
		}
	}
	free := make([]string, 0, len(used))
	for v := range used {
		free = append(free, v)
	}
	sort.Strings(free)
	arity := 0
	if len(x.Clauses) > 0 {
		arity = len(x.Clauses[0].Params)
	}
	c := g.c
	name := fmt.Sprintf("-%s/%d-fun-%d-", g.fn.Name.Name(), g.fn.Arity-g.fn.NFree, c.lambdas)
	if g.fn.NFree > 0 || g.fn.Name.Name()[0] == '-' {
		name = fmt.Sprintf("%s-fun-%d-", g.fn.Name.Name(), c.lambdas)
	}
	c.lambdas++
	fn := &Func{Module: c.module, Name: term.Intern(name), Arity: len(free) + arity, Pos: x.FunPos, Prelude: c.prelude}
	fn.Display = c.module.Name() + ":" + QuoteAtom(name) + "/" + strconv.Itoa(arity)
	idx := int32(len(c.prog.Funcs))
	c.prog.Funcs = append(c.prog.Funcs, fn)
	sub := &fnc{c: c, fn: fn, selfName: x.Name, selfFree: len(free)}
	sub.compileClauses(fn, x.Clauses, free, x.FunPos)
	// Rewrite the self-reference to this function's index.
	for i := range fn.Code {
		if fn.Code[i].Op == OpSelfFun {
			fn.Code[i].A = idx
		}
	}
	for _, v := range free {
		g.emit(OpVar, g.slot(v), 0, x.FunPos)
	}
	g.emit(OpMakeFun, idx, int32(len(free)), x.FunPos)
}

func (g *fnc) funRef(x *ast.FunRef) {
	if x.Module == nil {
		name, ok1 := atomOf(x.Name)
		ar, ok2 := x.Arity.(*ast.Int)
		if ok1 && ok2 {
			if idx, ok := g.c.local[name+"/"+strconv.FormatInt(ar.Value, 10)]; ok {
				g.emit(OpConst, g.c.constant(&term.Fun{Fn: idx}), 0, x.FunPos)
				return
			}
			// fun f/N of an auto-imported BIF refers to erlang:f/N.
			g.emit(OpConst, g.c.constant(&term.Fun{Fn: -1, M: term.AErlang, F: term.Intern(name), Arity: int(ar.Value)}), 0, x.FunPos)
			return
		}
		g.emit(OpConst, g.c.constant(g.c.module), 0, x.FunPos)
	} else {
		g.expr(x.Module, false)
	}
	g.expr(x.Name, false)
	g.expr(x.Arity, false)
	g.emit(OpMakeExtFun, 0, 0, x.FunPos)
}

// mapKeyVars adds to set the variables of the keys of the map patterns
// inside pattern e.
func mapKeyVars(e ast.Expr, set map[string]bool) {
	switch x := e.(type) {
	case *ast.Map:
		for _, f := range x.Fields {
			collectVars(f.Key, set)
			mapKeyVars(f.Value, set)
		}
	case *ast.Tuple:
		for _, el := range x.Elems {
			mapKeyVars(el, set)
		}
	case *ast.List:
		for _, el := range x.Elems {
			mapKeyVars(el, set)
		}
		if x.Tail != nil {
			mapKeyVars(x.Tail, set)
		}
	case *ast.Match:
		mapKeyVars(x.Left, set)
		mapKeyVars(x.Right, set)
	case *ast.BinaryOp:
		mapKeyVars(x.Y, set)
	}
}

// collectVars adds the names of the variables occurring in e (outside nested
// funs' own heads) to set.
func collectVars(e ast.Node, set map[string]bool) {
	switch x := e.(type) {
	case nil:
	case *ast.Var:
		if x.Name != "_" {
			set[x.Name] = true
		}
	case *ast.Tuple:
		for _, el := range x.Elems {
			collectVars(el, set)
		}
	case *ast.List:
		for _, el := range x.Elems {
			collectVars(el, set)
		}
		if x.Tail != nil {
			collectVars(x.Tail, set)
		}
	case *ast.Map:
		collectVars(x.Base, set)
		for _, f := range x.Fields {
			collectVars(f.Key, set)
			collectVars(f.Value, set)
		}
	case *ast.Match:
		collectVars(x.Left, set)
		collectVars(x.Right, set)
	case *ast.Send:
		collectVars(x.To, set)
		collectVars(x.Msg, set)
	case *ast.BinaryOp:
		collectVars(x.X, set)
		collectVars(x.Y, set)
	case *ast.UnaryOp:
		collectVars(x.X, set)
	case *ast.Call:
		if x.Module != nil {
			collectVars(x.Module, set)
		}
		collectVars(x.Fun, set)
		for _, a := range x.Args {
			collectVars(a, set)
		}
	case *ast.Case:
		collectVars(x.Expr, set)
		collectCaseClauses(x.Clauses, set)
	case *ast.If:
		collectCaseClauses(x.Clauses, set)
	case *ast.Receive:
		collectCaseClauses(x.Clauses, set)
		if x.After != nil {
			collectVars(x.After, set)
		}
		for _, b := range x.AfterBody {
			collectVars(b, set)
		}
	case *ast.Fun:
		for _, cl := range x.Clauses {
			heads := map[string]bool{}
			inner := map[string]bool{}
			for _, p := range cl.Params {
				collectHeadVars(p, heads, inner)
			}
			for _, b := range cl.Body {
				collectVars(b, inner)
			}
			for _, gs := range cl.Guard {
				for _, t := range gs {
					collectVars(t, inner)
				}
			}
			for v := range inner {
				if !heads[v] && v != x.Name {
					set[v] = true
				}
			}
		}
	case *ast.FunRef:
		if x.Module != nil {
			collectVars(x.Module, set)
		}
		collectVars(x.Name, set)
		collectVars(x.Arity, set)
	case *ast.Block:
		for _, b := range x.Body {
			collectVars(b, set)
		}
	case *ast.Catch:
		collectVars(x.X, set)
	case *ast.Try:
		for _, b := range x.Body {
			collectVars(b, set)
		}
		collectCaseClauses(x.OfClauses, set)
		for _, cl := range x.CatchClauses {
			collectVars(cl.Class, set)
			collectVars(cl.Reason, set)
			collectVars(cl.Stack, set)
			for _, gs := range cl.Guard {
				for _, t := range gs {
					collectVars(t, set)
				}
			}
			for _, b := range cl.Body {
				collectVars(b, set)
			}
		}
		for _, b := range x.After {
			collectVars(b, set)
		}
	case *ast.Record:
		collectVars(x.Expr, set)
		for _, f := range x.Fields {
			collectVars(f.Value, set)
		}
	case *ast.RecordAccess:
		collectVars(x.Expr, set)
	case *ast.Bin:
		for _, sg := range x.Segs {
			collectVars(sg.Value, set)
			collectVars(sg.Size, set)
		}
	case *ast.BinComp:
		collectVars(x.Head, set)
		for _, q := range x.Quals {
			switch q := q.(type) {
			case *ast.Generator:
				collectVars(q.Pattern, set)
				collectVars(q.List, set)
			case *ast.Filter:
				collectVars(q.X, set)
			}
		}
	case *ast.ListComp:
		collectVars(x.Head, set)
		for _, q := range x.Quals {
			switch q := q.(type) {
			case *ast.Generator:
				collectVars(q.Pattern, set)
				collectVars(q.List, set)
			case *ast.Filter:
				collectVars(q.X, set)
			}
		}
	}
}

func collectCaseClauses(cls []*ast.CaseClause, set map[string]bool) {
	for _, cl := range cls {
		if cl.Pattern != nil {
			collectVars(cl.Pattern, set)
		}
		for _, gs := range cl.Guard {
			for _, t := range gs {
				collectVars(t, set)
			}
		}
		for _, b := range cl.Body {
			collectVars(b, set)
		}
	}
}

// desugarListComp rewrites [Head || Quals] into a call of a named fun:
//
//	(fun Lc([P | T]) -> <rest> ++ Lc(T); Lc([_ | T]) -> Lc(T); Lc([]) -> [];
//	     Lc(X) -> erlang:error({bad_generator, X}) end)(List)
//
// where <rest> is the comprehension of the remaining qualifiers, filters
// becoming case expressions. Generator patterns shadow outer variables, as
// fun heads do.
func desugarListComp(x *ast.ListComp, g *fnc) ast.Expr {
	pos := x.Lbrack
	g.c.lambdas++
	n := g.c.lambdas
	return lcRest(x.Head, x.Quals, pos, n, 0)
}

func lcRest(head ast.Expr, quals []ast.Qualifier, pos token.Pos, n, depth int) ast.Expr {
	v := func(s string) *ast.Var {
		return &ast.Var{NamePos: pos, Name: fmt.Sprintf("_mcgo_lc%d_%d_%s", n, depth, s)}
	}
	atom := func(s string) *ast.Atom { return &ast.Atom{NamePos: pos, Name: s} }
	if len(quals) == 0 {
		return &ast.List{Lbrack: pos, Elems: []ast.Expr{head}}
	}
	switch q := quals[0].(type) {
	case *ast.Filter:
		rest := lcRest(head, quals[1:], pos, n, depth+1)
		return &ast.Case{CasePos: pos, Expr: q.X, Clauses: []*ast.CaseClause{
			{ClausePos: pos, Pattern: atom("true"), Body: []ast.Expr{rest}},
			{ClausePos: pos, Pattern: atom("false"), Body: []ast.Expr{&ast.List{Lbrack: pos}}},
			{ClausePos: pos, Pattern: v("F"), Body: []ast.Expr{&ast.Call{Module: atom("erlang"), Fun: atom("error"), Lparen: pos,
				Args: []ast.Expr{&ast.Tuple{Lbrace: pos, Elems: []ast.Expr{atom("bad_filter"), v("F")}}}}}},
		}}
	case *ast.Generator:
		if q.Bits {
			return bitsGenerator(head, q, quals[1:], pos, n, depth)
		}
		self := fmt.Sprintf("_mcgo_Lc%d_%d", n, depth)
		selfVar := &ast.Var{NamePos: pos, Name: self}
		rest := lcRest(head, quals[1:], pos, n, depth+1)
		t := v("T")
		recur := &ast.Call{Fun: selfVar, Lparen: pos, Args: []ast.Expr{t}}
		fun := &ast.Fun{FunPos: pos, Name: self, Clauses: []*ast.Clause{
			{ClausePos: pos, Params: []ast.Expr{&ast.List{Lbrack: pos, Elems: []ast.Expr{q.Pattern}, Tail: t}},
				Body: []ast.Expr{&ast.BinaryOp{X: rest, OpPos: pos, Op: "++", Y: recur}}},
			{ClausePos: pos, Params: []ast.Expr{&ast.List{Lbrack: pos, Elems: []ast.Expr{&ast.Var{NamePos: pos, Name: "_"}}, Tail: t}},
				Body: []ast.Expr{recur}},
			{ClausePos: pos, Params: []ast.Expr{&ast.List{Lbrack: pos}}, Body: []ast.Expr{&ast.List{Lbrack: pos}}},
			{ClausePos: pos, Params: []ast.Expr{v("X")}, Body: []ast.Expr{&ast.Call{Module: atom("erlang"), Fun: atom("error"), Lparen: pos,
				Args: []ast.Expr{&ast.Tuple{Lbrace: pos, Elems: []ast.Expr{atom("bad_generator"), v("X")}}}}}},
		}}
		return &ast.Call{Fun: fun, Lparen: pos, Args: []ast.Expr{q.List}}
	}
	return &ast.List{Lbrack: pos}
}

// ---------------------------------------------------------------------------
// Patterns and guards

// pattern compiles a pattern and returns its index. In a function head
// (head = true) every variable is fresh unless it occurred earlier in the
// same head.
func (g *fnc) pattern(e ast.Expr, head bool) int32 {
	p := g.pat(e)
	i := int32(len(g.c.prog.Pats))
	g.c.prog.Pats = append(g.c.prog.Pats, p)
	return i
}

func (g *fnc) pat(e ast.Expr) *Pat {
	switch x := e.(type) {
	case *ast.Var:
		if x.Name == "_" {
			return &Pat{Kind: PWild}
		}
		s := g.slot(x.Name)
		if g.bound[x.Name] {
			return &Pat{Kind: PCheck, Slot: s}
		}
		g.bound[x.Name] = true
		return &Pat{Kind: PBind, Slot: s}
	case *ast.Atom:
		return &Pat{Kind: PConst, Const: term.Intern(x.Name)}
	case *ast.Int:
		return &Pat{Kind: PConst, Const: term.Int(x.Value)}
	case *ast.Float:
		return &Pat{Kind: PConst, Const: term.Float(x.Value)}
	case *ast.String:
		return &Pat{Kind: PConst, Const: term.MkString(x.Value)}
	case *ast.Tuple:
		p := &Pat{Kind: PTuple}
		for _, el := range x.Elems {
			p.Elems = append(p.Elems, g.pat(el))
		}
		return p
	case *ast.List:
		var tail *Pat
		if x.Tail != nil {
			tail = g.pat(x.Tail)
		} else {
			tail = &Pat{Kind: PConst, Const: term.NilTerm}
		}
		// Elements first, in order (bindings flow left to right).
		elems := make([]*Pat, len(x.Elems))
		for i, el := range x.Elems {
			elems[i] = g.pat(el)
		}
		p := tail
		for i := len(elems) - 1; i >= 0; i-- {
			p = &Pat{Kind: PCons, Elems: []*Pat{elems[i], p}}
		}
		return p
	case *ast.Match:
		l := g.pat(x.Left)
		r := g.pat(x.Right)
		return &Pat{Kind: PAlias, Elems: []*Pat{l, r}}
	case *ast.Map:
		if x.Base != nil {
			break
		}
		p := &Pat{Kind: PMap}
		for _, f := range x.Fields {
			p.Keys = append(p.Keys, g.mapKey(f.Key))
			p.Elems = append(p.Elems, g.pat(f.Value))
		}
		return p
	case *ast.BinaryOp:
		// "abc" ++ T in a pattern.
		if x.Op == "++" {
			if s, ok := x.X.(*ast.String); ok {
				p := g.pat(x.Y)
				rs := []rune(s.Value)
				for i := len(rs) - 1; i >= 0; i-- {
					p = &Pat{Kind: PCons, Elems: []*Pat{{Kind: PConst, Const: term.Int(rs[i])}, p}}
				}
				return p
			}
		}
		if t, ok := ConstExpr(e); ok {
			return &Pat{Kind: PConst, Const: t}
		}
	case *ast.UnaryOp:
		if t, ok := ConstExpr(e); ok {
			return &Pat{Kind: PConst, Const: t}
		}
	case *ast.Record:
		if x.Expr == nil {
			return g.pat(g.recordTuple(x, true))
		}
	case *ast.RecordIndex:
		return g.pat(g.recordIndex(x))
	case *ast.Bin:
		return g.binPat(x)
	}
	g.c.errorf(e.Pos(), "illegal pattern")
	return &Pat{Kind: PWild}
}

// mapKey compiles the key of a map pattern: a literal, or a variable bound
// before the pattern (erlc also takes any guard expression of bound
// variables; mcgo does not).
func (g *fnc) mapKey(e ast.Expr) *Pat {
	if v, ok := e.(*ast.Var); ok && v.Name != "_" && g.bound[v.Name] {
		return &Pat{Kind: PCheck, Slot: g.slot(v.Name)}
	}
	if t, ok := literal(e); ok {
		return &Pat{Kind: PConst, Const: t}
	}
	g.c.errorf(e.Pos(), "map keys in patterns other than literals and bound variables are not supported")
	return &Pat{Kind: PConst, Const: term.AUndefined}
}

// literal evaluates a literal term: atoms, integers (constant
// arithmetic), strings, and tuples, lists and maps of literals.
func literal(e ast.Expr) (term.Term, bool) {
	switch x := e.(type) {
	case *ast.Atom:
		return term.Intern(x.Name), true
	case *ast.String:
		return term.MkString(x.Value), true
	case *ast.Tuple:
		t := make(term.Tuple, len(x.Elems))
		for i, el := range x.Elems {
			v, ok := literal(el)
			if !ok {
				return nil, false
			}
			t[i] = v
		}
		return t, true
	case *ast.List:
		elems := make([]term.Term, len(x.Elems))
		for i, el := range x.Elems {
			v, ok := literal(el)
			if !ok {
				return nil, false
			}
			elems[i] = v
		}
		var tail term.Term = term.NilTerm
		if x.Tail != nil {
			v, ok := literal(x.Tail)
			if !ok {
				return nil, false
			}
			tail = v
		}
		return term.ListWithTail(elems, tail), true
	case *ast.Map:
		if x.Base != nil {
			return nil, false
		}
		var keys, vals []term.Term
		for _, f := range x.Fields {
			k, ok1 := literal(f.Key)
			v, ok2 := literal(f.Value)
			if !ok1 || !ok2 || f.Exact {
				return nil, false
			}
			keys, vals = append(keys, k), append(vals, v)
		}
		return term.NewMap(keys, vals), true
	case *ast.Bin:
		return constBin(x)
	}
	return ConstExpr(e)
}

// Literal evaluates a literal term, as the arguments of a configuration's
// init: atoms, numbers (constant arithmetic), strings, binaries, and
// tuples, lists and maps of literals.
func Literal(e ast.Expr) (term.Term, bool) { return literal(e) }

// constExpr evaluates a constant arithmetic expression allowed in patterns
// (-1, 2+3).
func ConstExpr(e ast.Expr) (term.Term, bool) {
	switch x := e.(type) {
	case *ast.Int:
		return term.Int(x.Value), true
	case *ast.Float:
		return term.Float(x.Value), true
	case *ast.UnaryOp:
		v, ok := ConstExpr(x.X)
		if !ok {
			return nil, false
		}
		r, exc := term.Unop(term.UnopIndex(x.Op), v)
		return r, exc == nil
	case *ast.BinaryOp:
		a, ok1 := ConstExpr(x.X)
		b, ok2 := ConstExpr(x.Y)
		if !ok1 || !ok2 {
			return nil, false
		}
		r, exc := term.Binop(term.BinopIndex(x.Op), a, b)
		return r, exc == nil
	}
	return nil, false
}

func (g *fnc) guard(gd ast.Guard) int32 {
	var out Guard
	for _, conj := range gd {
		var c []*GExpr
		for _, t := range conj {
			c = append(c, g.gexpr(t))
		}
		out = append(out, c)
	}
	i := int32(len(g.c.prog.Guards))
	g.c.prog.Guards = append(g.c.prog.Guards, out)
	return i
}

func (g *fnc) gexpr(e ast.Expr) *GExpr {
	switch x := e.(type) {
	case *ast.Atom:
		return &GExpr{Kind: GConst, Const: term.Intern(x.Name)}
	case *ast.Int:
		return &GExpr{Kind: GConst, Const: term.Int(x.Value)}
	case *ast.Float:
		return &GExpr{Kind: GConst, Const: term.Float(x.Value)}
	case *ast.String:
		return &GExpr{Kind: GConst, Const: term.MkString(x.Value)}
	case *ast.Var:
		if !g.bound[x.Name] {
			g.c.errorf(x.NamePos, "variable '%s' is unbound", x.Name)
			return &GExpr{Kind: GConst, Const: term.AUndefined}
		}
		return &GExpr{Kind: GVar, Slot: g.slot(x.Name)}
	case *ast.Tuple:
		n := &GExpr{Kind: GTuple}
		for _, el := range x.Elems {
			n.Args = append(n.Args, g.gexpr(el))
		}
		return n
	case *ast.List:
		n := &GExpr{Kind: GList}
		for _, el := range x.Elems {
			n.Args = append(n.Args, g.gexpr(el))
		}
		if x.Tail != nil {
			n.Args = append(n.Args, g.gexpr(x.Tail))
		} else {
			n.Args = append(n.Args, &GExpr{Kind: GConst, Const: term.NilTerm})
		}
		return n
	case *ast.BinaryOp:
		switch x.Op {
		case "andalso":
			return &GExpr{Kind: GAndAlso, Args: []*GExpr{g.gexpr(x.X), g.gexpr(x.Y)}}
		case "orelse":
			return &GExpr{Kind: GOrElse, Args: []*GExpr{g.gexpr(x.X), g.gexpr(x.Y)}}
		}
		return &GExpr{Kind: GBinop, Op: int32(term.BinopIndex(x.Op)), Args: []*GExpr{g.gexpr(x.X), g.gexpr(x.Y)}}
	case *ast.UnaryOp:
		return &GExpr{Kind: GUnop, Op: int32(term.UnopIndex(x.Op)), Args: []*GExpr{g.gexpr(x.X)}}
	case *ast.Record:
		if x.Expr == nil {
			return g.gexpr(g.recordTuple(x, false))
		}
	case *ast.RecordAccess:
		return g.gexpr(g.guardRecordAccess(x))
	case *ast.RecordIndex:
		return g.gexpr(g.recordIndex(x))
	case *ast.Map:
		var n *GExpr
		if x.Base == nil {
			n = &GExpr{Kind: GConst, Const: term.EmptyMap}
		} else {
			n = g.gexpr(x.Base)
			if len(x.Fields) == 0 {
				n = &GExpr{Kind: GMapPut, Op: MapCheck, Args: []*GExpr{n}}
			}
		}
		for _, f := range x.Fields {
			mode := int32(MapAssoc)
			if f.Exact {
				mode = MapExact
			}
			n = &GExpr{Kind: GMapPut, Op: mode, Args: []*GExpr{n, g.gexpr(f.Key), g.gexpr(f.Value)}}
		}
		return n
	case *ast.Bin:
		if t, ok := constBin(x); ok {
			return &GExpr{Kind: GConst, Const: t}
		}
		g.c.errorf(x.Lbin, "only constant bitstrings are supported in guards")
		return &GExpr{Kind: GConst, Const: term.AFalse}
	case *ast.Call:
		if y := g.recordCall(x); recordCallChanged(x, y) {
			return g.gexpr(y)
		}
		m := "erlang"
		if x.Module != nil {
			m, _ = atomOf(x.Module)
		}
		f, _ := atomOf(x.Fun)
		if b, ok := LookupBuiltin(term.Intern(m), term.Intern(f), len(x.Args)); ok && builtinAt(int32(b)).Guard {
			n := &GExpr{Kind: GBif, Op: int32(b)}
			for _, a := range x.Args {
				n.Args = append(n.Args, g.gexpr(a))
			}
			return n
		}
	}
	g.c.errorf(e.Pos(), "illegal guard expression")
	return &GExpr{Kind: GConst, Const: term.AFalse}
}

// quoteAtom returns the atom as Erlang writes it (quoted when needed).
func QuoteAtom(s string) string {
	if term.AtomNeedsQuotes(s) {
		return "'" + term.EscapeAtom(s) + "'"
	}
	return s
}

// patBinds appends the slots that matching pt binds.
func patBinds(pt *Pat, out []int32) []int32 {
	if pt.Kind == PBind {
		out = append(out, pt.Slot)
	}
	for _, e := range pt.Elems {
		out = patBinds(e, out)
	}
	return out
}

// Atoms returns the atoms of the program: in its constants, patterns and
// guards, and the names of its modules and functions. They exist from the
// start on every node (list_to_existing_atom/1 finds them).
func (p *Program) Atoms() map[term.Atom]bool {
	out := map[term.Atom]bool{}
	add := func(a term.Atom) { out[a] = true }
	walk := func(t term.Term) {
		if t != nil {
			term.Walk(t, nil, nil, add)
		}
	}
	for _, f := range p.Funcs {
		add(f.Module)
		add(f.Name)
	}
	for _, c := range p.Consts {
		walk(c)
	}
	var pat func(*Pat)
	pat = func(pt *Pat) {
		if pt == nil {
			return
		}
		walk(pt.Const)
		for _, e := range pt.Keys {
			pat(e)
		}
		for _, e := range pt.Elems {
			pat(e)
		}
	}
	for _, pt := range p.Pats {
		pat(pt)
	}
	var gexpr func(*GExpr)
	gexpr = func(g *GExpr) {
		walk(g.Const)
		for _, a := range g.Args {
			gexpr(a)
		}
	}
	for _, g := range p.Guards {
		for _, conj := range g {
			for _, e := range conj {
				gexpr(e)
			}
		}
	}
	for _, r := range p.Recvs {
		for _, c := range r.Clauses {
			pat(c.Pat)
			for _, conj := range c.Guard {
				for _, e := range conj {
					gexpr(e)
				}
			}
		}
	}
	return out
}
