package lang

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// lowerer turns participle's grammar structs into ast nodes. It reports the
// few errors the grammar cannot express (a remote name that is not called,
// a receive with neither clauses nor after, head mismatches).
type lowerer struct {
	file    int32 // file index of the positions put into the tree (0: none)
	errFile int32 // file index of the positions of errors
	fs      *token.FileSet
	errs    *token.ErrorList
}

func (l *lowerer) pos(t lexer.Token) token.Pos {
	return token.Pos{File: l.file, Off: int32(t.Pos.Offset)}
}

func (l *lowerer) errorf(t lexer.Token, format string, args ...any) {
	l.errs.Addf(l.fs.Position(token.Pos{File: l.errFile, Off: int32(t.Pos.Offset)}), format, args...)
}

func (l *lowerer) errorAt(p token.Pos, format string, args ...any) {
	l.errs.Addf(l.fs.Position(token.Pos{File: l.errFile, Off: p.Off}), format, args...)
}

// bad is the placeholder for a part that could not be lowered (an error
// has been reported).
func bad(p token.Pos) ast.Expr { return &ast.Atom{NamePos: p, Name: "error"} }

func (l *lowerer) function(f *pFunction) *ast.Function {
	if f == nil || len(f.Clauses) == 0 {
		return nil
	}
	first := f.Clauses[0]
	fn := &ast.Function{NamePos: l.pos(first.Name), Name: atomValue(first.Name.Value), Arity: len(first.Params)}
	for _, c := range f.Clauses {
		if atomValue(c.Name.Value) != fn.Name || len(c.Params) != fn.Arity {
			l.errorf(c.Name, "head mismatch")
			continue
		}
		fn.Clauses = append(fn.Clauses, &ast.Clause{
			ClausePos: l.pos(c.Name),
			Params:    l.exprs(c.Params),
			Guard:     l.guard(c.Guard),
			Body:      l.exprs(c.Body),
		})
	}
	return fn
}

func (l *lowerer) exprs(es []*pExpr) []ast.Expr {
	out := make([]ast.Expr, 0, len(es))
	for _, e := range es {
		out = append(out, l.expr(e))
	}
	return out
}

func (l *lowerer) guard(g *pGuard) ast.Guard {
	if g == nil {
		return nil
	}
	var out ast.Guard
	for _, a := range g.Alts {
		out = append(out, l.exprs(a.Tests))
	}
	return out
}

func (l *lowerer) expr(e *pExpr) ast.Expr {
	x := l.match(e.X)
	for i := len(e.Catches) - 1; i >= 0; i-- {
		x = &ast.Catch{CatchPos: l.pos(e.Catches[i].Tok), X: x}
	}
	return x
}

func (l *lowerer) match(m *pMatch) ast.Expr {
	x := l.orelse(m.X)
	if m.Op == nil || m.Y == nil {
		return x
	}
	y := l.match(m.Y)
	if m.Op.Value == "=" {
		return &ast.Match{Left: x, OpPos: l.pos(*m.Op), Right: y}
	}
	return &ast.Send{To: x, OpPos: l.pos(*m.Op), Msg: y}
}

func (l *lowerer) orelse(o *pOrelse) ast.Expr {
	x := l.andalso(o.X)
	for _, r := range o.Rest {
		x = &ast.BinaryOp{X: x, OpPos: l.pos(r.Op), Op: r.Op.Value, Y: l.andalso(r.Y)}
	}
	return x
}

func (l *lowerer) andalso(a *pAndalso) ast.Expr {
	x := l.comp(a.X)
	for _, r := range a.Rest {
		x = &ast.BinaryOp{X: x, OpPos: l.pos(r.Op), Op: r.Op.Value, Y: l.comp(r.Y)}
	}
	return x
}

func (l *lowerer) comp(c *pComp) ast.Expr {
	x := l.listOp(c.X)
	if c.Op == nil || c.Y == nil {
		return x
	}
	return &ast.BinaryOp{X: x, OpPos: l.pos(*c.Op), Op: c.Op.Value, Y: l.listOp(c.Y)}
}

func (l *lowerer) listOp(c *pListOp) ast.Expr {
	x := l.add(c.X)
	if c.Op == nil || c.Y == nil {
		return x
	}
	return &ast.BinaryOp{X: x, OpPos: l.pos(*c.Op), Op: c.Op.Value, Y: l.listOp(c.Y)}
}

func (l *lowerer) add(a *pAdd) ast.Expr {
	x := l.mul(a.X)
	for _, r := range a.Rest {
		x = &ast.BinaryOp{X: x, OpPos: l.pos(r.Op), Op: r.Op.Value, Y: l.mul(r.Y)}
	}
	return x
}

func (l *lowerer) mul(m *pMul) ast.Expr {
	x := l.unary(m.X)
	for _, r := range m.Rest {
		x = &ast.BinaryOp{X: x, OpPos: l.pos(r.Op), Op: r.Op.Value, Y: l.unary(r.Y)}
	}
	return x
}

// unary lowers prefix operators. A minus applied directly to an integer
// literal is folded into a negative integer literal.
func (l *lowerer) unary(u *pUnary) ast.Expr {
	x := l.call(u.X)
	for i := len(u.Ops) - 1; i >= 0; i-- {
		op := u.Ops[i].Tok
		if n, ok := x.(*ast.Int); ok && op.Value == "-" && i == len(u.Ops)-1 && isBareInt(u.X) {
			x = &ast.Int{ValuePos: l.pos(op), Value: -n.Value}
			continue
		}
		x = &ast.UnaryOp{OpPos: l.pos(op), Op: op.Value, X: x}
	}
	return x
}

// isBareInt reports whether a call-level node is an integer literal (not a
// parenthesized expression).
func isBareInt(c *pCall) bool {
	return c.Colon == nil && c.Args == nil && c.F != nil && c.F.Int != nil
}

func (l *lowerer) call(c *pCall) ast.Expr {
	f := l.primary(c.F)
	if len(c.Recs) > 0 {
		for _, h := range c.Recs {
			f = l.hash(f, h)
		}
		// erl_parse has no call of a record or map expression.
		switch {
		case c.Colon != nil:
			l.errorf(*c.Colon, "syntax error before: ':'")
		case c.Args != nil:
			l.errorf(c.Args.Lparen, "syntax error before: '('")
		}
		return f
	}
	if c.Colon != nil && c.G != nil {
		g := l.primary(c.G)
		if c.Args == nil {
			l.errorAt(f.Pos(), "illegal expression")
			return f
		}
		return &ast.Call{Module: f, Fun: g, Lparen: l.pos(c.Args.Lparen), Args: l.exprs(c.Args.Args)}
	}
	if c.Args != nil {
		return &ast.Call{Fun: f, Lparen: l.pos(c.Args.Lparen), Args: l.exprs(c.Args.Args)}
	}
	return f
}

func (l *lowerer) primary(p *pPrimary) ast.Expr {
	return l.primary1(p)
}

// hash lowers a map or record expression: #... (x nil) or x#....
func (l *lowerer) hash(x ast.Expr, h *pHash) ast.Expr {
	if h.Map != nil {
		return l.mapExpr(x, h.Hash, h.Map)
	}
	return l.record(x, h.Hash, h.Rec)
}

// mapExpr lowers #{...} (base nil) or Base#{...}.
func (l *lowerer) mapExpr(base ast.Expr, hash lexer.Token, m *pMapTuple) ast.Expr {
	x := &ast.Map{Hash: l.pos(hash), Base: base}
	for _, f := range m.Fields {
		x.Fields = append(x.Fields, &ast.MapField{Key: l.expr(f.Key), OpPos: l.pos(f.Op), Exact: f.Op.Value == ":=", Value: l.expr(f.Val)})
	}
	return x
}

func (l *lowerer) primary1(p *pPrimary) ast.Expr {
	switch {
	case p == nil:
		return bad(token.NoPos)
	case p.Var != nil:
		return &ast.Var{NamePos: l.pos(*p.Var), Name: p.Var.Value}
	case p.Atom != nil:
		return &ast.Atom{NamePos: l.pos(*p.Atom), Name: atomValue(p.Atom.Value)}
	case p.Int != nil:
		v, err := intValue(p.Int.Value)
		if err != nil {
			l.errorf(*p.Int, "integers beyond 64 bits are not supported")
		}
		return &ast.Int{ValuePos: l.pos(*p.Int), Value: v}
	case p.Float != nil:
		v, _ := floatValue(p.Float.Value) // the scanner reported a bad one
		return &ast.Float{ValuePos: l.pos(*p.Float), Value: v}
	case p.Strings != nil:
		var b strings.Builder
		for _, s := range p.Strings.Parts {
			b.WriteString(stringValue(s))
		}
		return &ast.String{ValuePos: token.Pos{File: l.file, Off: int32(p.Strings.Pos.Offset)}, Value: b.String()}
	case p.Tuple != nil:
		return &ast.Tuple{Lbrace: l.pos(p.Tuple.Lbrace), Elems: l.exprs(p.Tuple.Elems)}
	case p.List != nil:
		return l.list(p.List)
	case p.Binary != nil:
		return l.binary(p.Binary)
	case p.Paren != nil:
		return l.expr(p.Paren)
	case p.Begin != nil:
		return &ast.Block{BeginPos: l.pos(p.Begin.Begin), Body: l.exprs(p.Begin.Body)}
	case p.If != nil:
		x := &ast.If{IfPos: l.pos(p.If.If)}
		for _, c := range p.If.Clauses {
			g := l.guard(c.Guard)
			cp := token.NoPos
			if len(g) > 0 && len(g[0]) > 0 {
				cp = g[0][0].Pos()
			}
			x.Clauses = append(x.Clauses, &ast.CaseClause{ClausePos: cp, Guard: g, Body: l.exprs(c.Body)})
		}
		return x
	case p.Case != nil:
		return &ast.Case{CasePos: l.pos(p.Case.Case), Expr: l.expr(p.Case.Expr), Clauses: l.caseClauses(p.Case.Clauses)}
	case p.Receive != nil:
		r := p.Receive
		x := &ast.Receive{ReceivePos: l.pos(r.Receive), Clauses: l.caseClauses(r.Clauses)}
		if r.After != nil {
			x.After = l.expr(r.After)
			x.AfterBody = l.exprs(r.AfterBody)
		}
		if len(x.Clauses) == 0 && x.After == nil {
			l.errorf(r.End, "expected pattern or 'after', found 'end'")
		}
		return x
	case p.Fun != nil:
		return l.fun(p.Fun)
	case p.Try != nil:
		return l.try(p.Try)
	case p.Hash != nil:
		return l.hash(nil, p.Hash)
	}
	return bad(token.NoPos)
}

// record lowers #r.f and #r{...} (x nil) or x#r.f and x#r{...}.
func (l *lowerer) record(x ast.Expr, hash lexer.Token, r *pRecord) ast.Expr {
	name := atomValue(r.Name.Value)
	if r.Field != nil {
		field := atomValue(r.Field.Value)
		if x == nil {
			return &ast.RecordIndex{HashPos: l.pos(hash), NamePos: l.pos(r.Name), Name: name, FieldPos: l.pos(*r.Field), Field: field}
		}
		return &ast.RecordAccess{Expr: x, HashPos: l.pos(hash), NamePos: l.pos(r.Name), Name: name, FieldPos: l.pos(*r.Field), Field: field}
	}
	rec := &ast.Record{Expr: x, HashPos: l.pos(hash), NamePos: l.pos(r.Name), Name: name}
	for _, f := range r.Fields {
		fv := &ast.RecordFieldValue{NamePos: l.pos(f.Name), Value: l.expr(f.Value)}
		if tokKind(f.Name.Type) == tVar {
			if f.Name.Value != "_" {
				l.errorf(f.Name, "field %s is not an atom or _ in record %s", quoteAtom(f.Name.Value), quoteAtom(name))
			}
			fv.Name, fv.Wild = "_", true
		} else {
			fv.Name = atomValue(f.Name.Value)
		}
		rec.Fields = append(rec.Fields, fv)
	}
	return rec
}

func (l *lowerer) list(p *pList) ast.Expr {
	lb := l.pos(p.Lbrack)
	if p.Head == nil {
		return &ast.List{Lbrack: lb}
	}
	head := l.expr(p.Head)
	if len(p.Quals) > 0 {
		lc := &ast.ListComp{Lbrack: lb, Head: head}
		lc.Quals = l.quals(p.Quals)
		return lc
	}
	lst := &ast.List{Lbrack: lb, Elems: append([]ast.Expr{head}, l.exprs(p.Elems)...)}
	switch {
	case p.Tail != nil:
		lst.Tail = l.expr(p.Tail)
	case p.Tail1 != nil:
		lst.Tail = l.expr(p.Tail1)
	}
	return lst
}

func (l *lowerer) caseClauses(cs []*pCaseClause) []*ast.CaseClause {
	var out []*ast.CaseClause
	for _, c := range cs {
		pat := l.expr(c.Pattern)
		out = append(out, &ast.CaseClause{ClausePos: pat.Pos(), Pattern: pat, Guard: l.guard(c.Guard), Body: l.exprs(c.Body)})
	}
	return out
}

func (l *lowerer) fun(f *pFun) ast.Expr {
	fp := l.pos(f.Fun)
	tokExpr := func(t lexer.Token) ast.Expr {
		if tokKind(t.Type) == tVar {
			return &ast.Var{NamePos: l.pos(t), Name: t.Value}
		}
		return &ast.Atom{NamePos: l.pos(t), Name: atomValue(t.Value)}
	}
	arity := func(t lexer.Token) ast.Expr {
		if tokKind(t.Type) == tVar {
			return &ast.Var{NamePos: l.pos(t), Name: t.Value}
		}
		v, err := intValue(t.Value)
		if err != nil {
			l.errorf(t, "integers beyond 64 bits are not supported")
		}
		return &ast.Int{ValuePos: l.pos(t), Value: v}
	}
	switch {
	case f.Ref != nil:
		r := f.Ref
		ref := &ast.FunRef{FunPos: fp, Arity: arity(r.Arity)}
		if r.Colon != nil && r.B != nil {
			ref.Module, ref.Name = tokExpr(r.A), tokExpr(*r.B)
		} else {
			ref.Name = tokExpr(r.A)
			if tokKind(r.Arity.Type) == tVar {
				l.errorf(r.Arity, "expected integer, found %s", r.Arity.Value)
			}
		}
		return ref
	case f.Var != nil && f.VarRef != nil:
		r := f.VarRef
		return &ast.FunRef{FunPos: fp, Module: tokExpr(*f.Var), Name: tokExpr(r.B), Arity: arity(r.Arity)}
	case f.Var != nil && f.Named != nil:
		x := &ast.Fun{FunPos: fp, Name: f.Var.Value}
		x.Clauses = append(x.Clauses, l.funClause(f.Named, l.pos(*f.Var)))
		for _, c := range f.NamedMore {
			if c.Name.Value != x.Name || len(c.Clause.Params) != len(f.Named.Params) {
				l.errorf(c.Name, "head mismatch")
				continue
			}
			x.Clauses = append(x.Clauses, l.funClause(c.Clause, l.pos(c.Name)))
		}
		return x
	}
	x := &ast.Fun{FunPos: fp}
	for _, c := range f.Clauses {
		if len(c.Params) != len(f.Clauses[0].Params) {
			l.errorf(c.Lparen, "head mismatch")
			continue
		}
		x.Clauses = append(x.Clauses, l.funClause(c, l.pos(c.Lparen)))
	}
	return x
}

func (l *lowerer) funClause(c *pFunClause, at token.Pos) *ast.Clause {
	return &ast.Clause{ClausePos: at, Params: l.exprs(c.Params), Guard: l.guard(c.Guard), Body: l.exprs(c.Body)}
}

func (l *lowerer) try(t *pTry) ast.Expr {
	x := &ast.Try{TryPos: l.pos(t.Try), Body: l.exprs(t.Body), OfClauses: l.caseClauses(t.OfClauses)}
	if t.Catch == nil && t.After == nil {
		l.errorf(t.End, "expected 'catch' or 'after', found 'end'")
	}
	for _, c := range t.CatchClauses {
		cc := &ast.CatchClause{Guard: l.guard(c.Guard), Body: l.exprs(c.Body)}
		if cls, reason, ok := classReason(c.Pattern); ok {
			cc.Class, cc.Reason = l.primary(cls), l.primary(reason)
		} else {
			cc.Reason = l.expr(c.Pattern)
		}
		if c.Stack != nil {
			cc.Stack = &ast.Var{NamePos: l.pos(*c.Stack), Name: c.Stack.Value}
			if cc.Class == nil {
				l.errorf(*c.Stack, "expected '->', found ':'")
			}
		}
		if cc.Class != nil {
			cc.ClausePos = cc.Class.Pos()
		} else {
			cc.ClausePos = cc.Reason.Pos()
		}
		x.CatchClauses = append(x.CatchClauses, cc)
	}
	if t.After != nil {
		x.After = l.exprs(t.AfterBody)
	}
	return x
}

// classReason takes apart a catch clause pattern Class:Reason, which the
// grammar reads as a remote name without arguments.
func classReason(e *pExpr) (*pPrimary, *pPrimary, bool) {
	if e == nil || len(e.Catches) > 0 || e.X == nil || e.X.Op != nil {
		return nil, nil, false
	}
	o := e.X.X
	if o == nil || len(o.Rest) > 0 || o.X == nil || len(o.X.Rest) > 0 {
		return nil, nil, false
	}
	c := o.X.X
	if c == nil || c.Op != nil || c.X == nil || c.X.Op != nil {
		return nil, nil, false
	}
	a := c.X.X
	if a == nil || len(a.Rest) > 0 || a.X == nil || len(a.X.Rest) > 0 {
		return nil, nil, false
	}
	u := a.X.X
	if u == nil || len(u.Ops) > 0 || u.X == nil {
		return nil, nil, false
	}
	call := u.X
	if call.Colon == nil || call.Args != nil || call.G == nil {
		return nil, nil, false
	}
	return call.F, call.G, true
}

// quals lowers the qualifiers of a comprehension.
func (l *lowerer) quals(qs []*pQual) []ast.Qualifier {
	var out []ast.Qualifier
	for _, q := range qs {
		x := l.expr(q.X)
		if q.Arrow != nil && q.List != nil {
			g := &ast.Generator{Pattern: x, Arrow: l.pos(*q.Arrow), List: l.expr(q.List), Bits: q.Arrow.Value == "<="}
			if _, isBin := x.(*ast.Bin); g.Bits && !isBin {
				// erl_parse: the pattern of <= is a binary.
				l.errorAt(g.Arrow, "syntax error before: '<='")
			}
			out = append(out, g)
		} else {
			out = append(out, &ast.Filter{X: x})
		}
	}
	return out
}

// binary lowers <<...>> and << Head || Quals >>.
func (l *lowerer) binary(p *pBinary) ast.Expr {
	lb := l.pos(p.Lbin)
	if p.Head == nil {
		return &ast.Bin{Lbin: lb}
	}
	if len(p.Quals) > 0 {
		h := p.Head
		if h.Op != nil || h.Colon != nil || h.Slash != nil {
			l.errorAt(lb, "syntax error before: '||'")
		}
		return &ast.BinComp{Lbin: lb, Head: l.primary(h.X), Quals: l.quals(p.Quals)}
	}
	b := &ast.Bin{Lbin: lb, Segs: []*ast.BinSeg{l.binElem(p.Head)}}
	for _, e := range p.Elems {
		b.Segs = append(b.Segs, l.binElem(e))
	}
	return b
}

func (l *lowerer) binElem(e *pBinElem) *ast.BinSeg {
	x := l.primary(e.X)
	if e.Op != nil {
		op := e.Op.Tok
		if n, ok := x.(*ast.Int); ok && op.Value == "-" && e.X.Int != nil {
			x = &ast.Int{ValuePos: l.pos(op), Value: -n.Value}
		} else {
			x = &ast.UnaryOp{OpPos: l.pos(op), Op: op.Value, X: x}
		}
	}
	sg := &ast.BinSeg{Value: x}
	if e.Size != nil {
		sg.Size = l.primary(e.Size)
	}
	for _, t := range e.Types {
		bt := ast.BinType{NamePos: l.pos(t.Name), Name: atomValue(t.Name.Value)}
		if t.Unit != nil {
			v, err := intValue(t.Unit.Value)
			if err != nil || v > 1<<30 {
				v = 1 << 30
			}
			bt.Unit = int(v)
			if bt.Name != "unit" {
				bt.Name += ":"
			}
		}
		sg.Types = append(sg.Types, bt)
	}
	return sg
}
