package compile

import (
	"fmt"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// Records are tuples: #r{a = 1} of -record(r, {a, b = 2}) is {r, 1, 2}.
// The compiler rewrites each record expression into the tuples, cases and
// calls that OTP 25's erl_expand_records makes of it, where it meets one,
// as it does list comprehensions; the checker in package lang has already
// reported undefined records and fields, so a record here is defined.
//
//	#r{a = E}        {r, E, <default of b>}        (_ = V gives V to the fields not named)
//	E#r.a            case E of {r, V, _} -> V; V -> erlang:error({badrecord, V}) end
//	E#r{a = X}       begin X1 = X, R = E, case R of {r, _, _} -> setelement(2, R, X1);
//	                                            _ -> erlang:error({badrecord, R}) end end
//	#r.a             2
//	is_record(E, r)  is_record(E, r, 3)
//	record_info(fields, r), record_info(size, r)   [a, b], 3
//
// In a guard, E#r.a is element(2, is_record(E, r, 3) andalso E): the guard
// fails when E is not an r, as erl_expand_records' added is_record test
// makes it fail. In a pattern, #r{a = P} is {r, P, _}.

// recordDefs indexes the module's record definitions by name (the first
// of each name; the checker reports the others).
func recordDefs(m *ast.Module) map[string]*ast.RecordDef {
	defs := map[string]*ast.RecordDef{}
	for _, d := range m.Records {
		if _, dup := defs[d.Name]; !dup {
			defs[d.Name] = d
		}
	}
	return defs
}

// recordDef returns the definition of a record the checker has accepted.
func (g *fnc) recordDef(name string, pos token.Pos) *ast.RecordDef {
	def := g.c.records[name]
	if def == nil {
		g.c.errorf(pos, "record %s undefined", QuoteAtom(name))
	}
	return def
}

// fieldIndex is the position of a field in the record's tuple (from 2), or
// 0 for a field the record does not have (reported).
func (g *fnc) fieldIndex(def *ast.RecordDef, field string, pos token.Pos) int {
	for i, f := range def.Fields {
		if f.Name == field {
			return i + 2
		}
	}
	g.c.errorf(pos, "field %s undefined in record %s", QuoteAtom(field), QuoteAtom(def.Name))
	return 0
}

// recVar is a fresh variable of a record expansion.
func (g *fnc) recVar(pos token.Pos, what string) *ast.Var {
	g.c.recVars++
	return &ast.Var{NamePos: pos, Name: fmt.Sprintf("_mcgo_rec%d_%s", g.c.recVars, what)}
}

func recAtom(pos token.Pos, s string) *ast.Atom { return &ast.Atom{NamePos: pos, Name: s} }

func recInt(pos token.Pos, n int) *ast.Int { return &ast.Int{ValuePos: pos, Value: int64(n)} }

func recCall(pos token.Pos, f string, args ...ast.Expr) *ast.Call {
	return &ast.Call{Module: recAtom(pos, "erlang"), Fun: recAtom(pos, f), Lparen: pos, Args: args}
}

// badRecord is erlang:error({badrecord, V}).
func badRecord(pos token.Pos, v ast.Expr) ast.Expr {
	return recCall(pos, "error", &ast.Tuple{Lbrace: pos, Elems: []ast.Expr{recAtom(pos, "badrecord"), v}})
}

// recordTuple builds the tuple of #r{...}: each field's value, else the
// value of _ = V, else its default (an expression copied to where the
// record is built, as erl_expand_records copies it), else undefined. In a
// pattern (pattern set), a field without a value is _.
func (g *fnc) recordTuple(x *ast.Record, pattern bool) ast.Expr {
	def := g.recordDef(x.Name, x.HashPos)
	if def == nil {
		return recAtom(x.HashPos, "undefined")
	}
	vals := map[string]ast.Expr{}
	var wild ast.Expr
	for _, f := range x.Fields {
		if f.Wild {
			wild = f.Value
		} else if _, dup := vals[f.Name]; !dup {
			vals[f.Name] = f.Value
		}
	}
	t := &ast.Tuple{Lbrace: x.HashPos, Elems: []ast.Expr{recAtom(x.HashPos, x.Name)}}
	for _, f := range def.Fields {
		v, ok := vals[f.Name]
		switch {
		case ok:
		case wild != nil:
			v = wild
		case pattern:
			v = &ast.Var{NamePos: x.HashPos, Name: "_"}
		case f.Default != nil:
			v = f.Default
		default:
			v = recAtom(x.HashPos, "undefined")
		}
		t.Elems = append(t.Elems, v)
	}
	return t
}

// recordUpdate expands E#r{f = V, ...}: the values that are not literals
// or variables first, in the order written, then E, then the match.
func (g *fnc) recordUpdate(x *ast.Record) ast.Expr {
	pos := x.HashPos
	def := g.recordDef(x.Name, pos)
	if def == nil {
		return recAtom(pos, "undefined")
	}
	var pre []ast.Expr
	type upd struct {
		idx int
		val ast.Expr
	}
	var us []upd
	for _, f := range x.Fields {
		v := f.Value
		switch v.(type) {
		case *ast.Atom, *ast.Int, *ast.String, *ast.Var:
		default:
			nv := g.recVar(f.NamePos, "v")
			pre = append(pre, &ast.Match{Left: nv, OpPos: f.NamePos, Right: v})
			v = nv
		}
		us = append(us, upd{g.fieldIndex(def, f.Name, f.NamePos), v})
	}
	r := g.recVar(pos, "r")
	body := ast.Expr(r)
	// setelement(I2, setelement(I1, R, V1), V2), in field order as
	// erl_expand_records sorts them.
	for i := 2; i < len(def.Fields)+2; i++ {
		for _, u := range us {
			if u.idx == i {
				body = recCall(pos, "setelement", recInt(pos, i), body, u.val)
			}
		}
	}
	c := &ast.Case{CasePos: pos, Expr: r, Clauses: []*ast.CaseClause{
		{ClausePos: pos, Pattern: g.recordShape(def, pos), Body: []ast.Expr{body}},
		{ClausePos: pos, Pattern: &ast.Var{NamePos: pos, Name: "_"}, Body: []ast.Expr{badRecord(pos, r)}},
	}}
	return &ast.Block{BeginPos: pos, Body: append(pre, &ast.Match{Left: r, OpPos: pos, Right: x.Expr}, c)}
}

// recordShape is the pattern {r, _, ..., _} of any r record.
func (g *fnc) recordShape(def *ast.RecordDef, pos token.Pos) ast.Expr {
	t := &ast.Tuple{Lbrace: pos, Elems: []ast.Expr{recAtom(pos, def.Name)}}
	for range def.Fields {
		t.Elems = append(t.Elems, &ast.Var{NamePos: pos, Name: "_"})
	}
	return t
}

// recordAccess expands E#r.f outside guards.
func (g *fnc) recordAccess(x *ast.RecordAccess) ast.Expr {
	pos := x.HashPos
	def := g.recordDef(x.Name, pos)
	if def == nil {
		return recAtom(pos, "undefined")
	}
	i := g.fieldIndex(def, x.Field, x.FieldPos)
	if i == 0 {
		return recAtom(pos, "undefined")
	}
	v := g.recVar(pos, "f")
	shape := g.recordShape(def, pos).(*ast.Tuple)
	shape.Elems[i-1] = v
	bad := g.recVar(pos, "r")
	return &ast.Case{CasePos: pos, Expr: x.Expr, Clauses: []*ast.CaseClause{
		{ClausePos: pos, Pattern: shape, Body: []ast.Expr{v}},
		{ClausePos: pos, Pattern: bad, Body: []ast.Expr{badRecord(pos, bad)}},
	}}
}

// guardRecordAccess expands E#r.f in a guard.
func (g *fnc) guardRecordAccess(x *ast.RecordAccess) ast.Expr {
	pos := x.HashPos
	def := g.recordDef(x.Name, pos)
	if def == nil {
		return recAtom(pos, "undefined")
	}
	test := recCall(pos, "is_record", x.Expr, recAtom(pos, def.Name), recInt(pos, len(def.Fields)+1))
	return recCall(pos, "element", recInt(pos, g.fieldIndex(def, x.Field, x.FieldPos)),
		&ast.BinaryOp{X: test, OpPos: pos, Op: "andalso", Y: x.Expr})
}

// recordIndex is #r.f, an integer.
func (g *fnc) recordIndex(x *ast.RecordIndex) ast.Expr {
	def := g.recordDef(x.Name, x.HashPos)
	if def == nil {
		return recInt(x.HashPos, 0)
	}
	return recInt(x.HashPos, g.fieldIndex(def, x.Field, x.FieldPos))
}

// recordCall rewrites is_record(E, r) into is_record(E, r, Size) and
// record_info(fields | size, r) into its value; other calls are returned
// as they are.
func (g *fnc) recordCall(x *ast.Call) ast.Expr {
	if len(x.Args) != 2 {
		return x
	}
	name, ok := atomOf(x.Fun)
	if !ok {
		return x
	}
	if x.Module != nil {
		if m, ok := atomOf(x.Module); !ok || m != "erlang" || name != "is_record" {
			return x
		}
	}
	switch name {
	case "is_record":
		r, ok := x.Args[1].(*ast.Atom)
		if !ok {
			return x
		}
		def := g.recordDef(r.Name, r.NamePos)
		if def == nil {
			return x
		}
		return &ast.Call{Module: x.Module, Fun: x.Fun, Lparen: x.Lparen,
			Args: []ast.Expr{x.Args[0], x.Args[1], recInt(r.NamePos, len(def.Fields)+1)}}
	case "record_info":
		what, ok1 := atomOf(x.Args[0])
		r, ok2 := atomOf(x.Args[1])
		if !ok1 || !ok2 {
			return x
		}
		def := g.recordDef(r, x.Pos())
		if def == nil {
			return x
		}
		pos := x.Pos()
		if what == "size" {
			return recInt(pos, len(def.Fields)+1)
		}
		l := &ast.List{Lbrack: pos}
		for _, f := range def.Fields {
			l.Elems = append(l.Elems, recAtom(pos, f.Name))
		}
		return l
	}
	return x
}

// recordCallChanged reports whether recordCall rewrote x.
func recordCallChanged(x *ast.Call, y ast.Expr) bool {
	c, ok := y.(*ast.Call)
	return !ok || c != x
}
