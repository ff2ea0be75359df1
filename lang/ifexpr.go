package lang

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// -if(Expr). and -elif(Expr). as epp reads them: the tokens are
// macro-expanded, parsed as one expression, which must be a guard
// expression once calls of defined(M) are replaced by true or false and
// calls of guard BIFs and of unknown local functions are taken away; it is
// then evaluated, and the section is read when the value is the atom true.
// An evaluation that fails (badarg, badarith, a call of a local function)
// is false, as in epp.

// ifCondition evaluates the condition of an -if or -elif form and reports
// errors at their positions; a bad condition is false.
func (p *preproc) ifCondition(f []tok) bool {
	kw := f[1]
	if len(f) < 3 || f[2].kind != tPunct || f[2].text != "(" {
		at := kw
		if len(f) > 2 && f[2].kind != tEOF {
			at = f[2]
		}
		p.errorf(at.off, "badly formed '%s'", "if")
		return false
	}
	exp, ok := p.expand(nil, f[2:])
	if !ok {
		return false
	}
	// Parse "'$if'() -> (Expr)." as a function: its body is the condition.
	at := f[2].off
	toks := []tok{{kind: tAtom, text: "'$if'", off: at, end: at}, {kind: tPunct, text: "(", off: at, end: at},
		{kind: tPunct, text: ")", off: at, end: at}, {kind: tPunct, text: "->", off: at, end: at}}
	toks = append(toks, exp...)
	if toks[len(toks)-1].kind != tDot {
		p.errorf(toks[len(toks)-1].off, "badly formed '%s'", "if")
		return false
	}
	for _, t := range toks {
		if t.kind == tBad {
			return false
		}
	}
	if off, deep := tooDeep(toks); deep {
		p.errorf(off, "expression nested too deeply")
		return false
	}
	pp := &parser{fs: p.fs, file: p.file, errs: p.errs, mod: &ast.Module{}, broken: map[string]bool{}}
	g, err := runParser(formParser, toLexer(toks))
	if err != nil {
		pp.syntaxError(err, toks)
		return false
	}
	if g.Func == nil {
		p.errorf(kw.off, "badly formed '%s'", "if")
		return false
	}
	nerr := len(*p.errs)
	l := &lowerer{file: p.file, errFile: p.file, fs: p.fs, errs: p.errs}
	fn := l.function(g.Func)
	if len(*p.errs) > nerr || fn == nil {
		return false
	}
	if len(fn.Clauses) != 1 || len(fn.Clauses[0].Body) != 1 || fn.Clauses[0].Guard != nil {
		p.errorf(kw.off, "badly formed '%s'", "if")
		return false
	}
	e := fn.Clauses[0].Body[0]
	if err := p.ifGuard(e); err != nil {
		if errors.Is(err, errBadIf) {
			p.errorf(kw.off, "badly formed '%s'", "if")
		} else {
			p.errs.Add(p.fs.Position(err.(*ifUnsupported).pos), err.Error())
		}
		return false
	}
	v, err := p.ifEval(e)
	if err != nil {
		var u *ifUnsupported
		if errors.As(err, &u) {
			p.errs.Add(p.fs.Position(u.pos), u.Error())
		}
		return false
	}
	return v.kind == ivAtom && v.s == "true"
}

var (
	errBadIf  = errors.New("badly formed 'if'")
	errIfFail = errors.New("evaluation failed") // false, as in epp
)

// ifUnsupported is a condition epp evaluates and mcgo does not.
type ifUnsupported struct {
	pos token.Pos
	msg string
}

func (e *ifUnsupported) Error() string { return e.msg + " in -if is not supported by mcgo" }

// ifGuard checks that e is a guard expression once epp's rewriting is done
// (errBadIf if not).
func (p *preproc) ifGuard(e ast.Expr) error {
	switch x := e.(type) {
	case *ast.Atom, *ast.Int, *ast.String, *ast.Var:
		return nil
	case *ast.Tuple:
		return p.ifGuards(x.Elems)
	case *ast.List:
		if err := p.ifGuards(x.Elems); err != nil {
			return err
		}
		if x.Tail != nil {
			return p.ifGuard(x.Tail)
		}
		return nil
	case *ast.UnaryOp:
		if !guardOps[x.Op] {
			return errBadIf
		}
		return p.ifGuard(x.X)
	case *ast.BinaryOp:
		if !guardOps[x.Op] {
			return errBadIf
		}
		if err := p.ifGuard(x.X); err != nil {
			return err
		}
		return p.ifGuard(x.Y)
	case *ast.Call:
		if x.Module != nil {
			m, ok1 := x.Module.(*ast.Atom)
			f, ok2 := x.Fun.(*ast.Atom)
			if !ok1 || !ok2 || m.Name != "erlang" || !(guardBIFs[funcKey{f.Name, len(x.Args)}] || guardOps[f.Name]) {
				return errBadIf
			}
			return p.ifGuards(x.Args)
		}
		f, ok := x.Fun.(*ast.Atom)
		if !ok {
			return errBadIf
		}
		if f.Name == "defined" && len(x.Args) == 1 {
			switch x.Args[0].(type) {
			case *ast.Var, *ast.Atom:
				return nil
			}
			return errBadIf
		}
		if k := (funcKey{f.Name, len(x.Args)}); autoImported[k] && !guardBIFs[k] {
			return errBadIf
		}
		return p.ifGuards(x.Args)
	}
	switch e.(type) {
	case *ast.Match, *ast.Send, *ast.Case, *ast.If, *ast.Receive, *ast.Fun, *ast.FunRef, *ast.Block,
		*ast.Catch, *ast.Try, *ast.ListComp:
		return errBadIf
	}
	return &ifUnsupported{pos: e.Pos(), msg: "this expression"}
}

func (p *preproc) ifGuards(es []ast.Expr) error {
	for _, e := range es {
		if err := p.ifGuard(e); err != nil {
			return err
		}
	}
	return nil
}

// ifVal is a value of an -if condition: an atom, an integer, a list or a
// tuple (the terms a constant guard expression of mcgo's subset makes).
type ifVal struct {
	kind  ivKind
	s     string // atom
	i     int64  // integer
	elems []ifVal
	tail  *ifVal // list: a non-list tail (improper list), else nil
}

type ivKind uint8

// In Erlang's term order.
const (
	ivInt ivKind = iota
	ivAtom
	ivTuple
	ivList
)

func ivBool(b bool) ifVal {
	if b {
		return ifVal{kind: ivAtom, s: "true"}
	}
	return ifVal{kind: ivAtom, s: "false"}
}

func (v ifVal) isBool() bool { return v.kind == ivAtom && (v.s == "true" || v.s == "false") }

// ivCompare orders two values as Erlang's term order does.
func ivCompare(a, b ifVal) int {
	if a.kind != b.kind {
		if a.kind < b.kind {
			return -1
		}
		return 1
	}
	switch a.kind {
	case ivInt:
		switch {
		case a.i < b.i:
			return -1
		case a.i > b.i:
			return 1
		}
		return 0
	case ivAtom:
		return strings.Compare(a.s, b.s)
	case ivTuple:
		if len(a.elems) != len(b.elems) {
			if len(a.elems) < len(b.elems) {
				return -1
			}
			return 1
		}
		for i := range a.elems {
			if c := ivCompare(a.elems[i], b.elems[i]); c != 0 {
				return c
			}
		}
		return 0
	}
	// Lists: element by element, then what is left of each (a shorter
	// proper list comes first; an improper tail compares as a term).
	n := min(len(a.elems), len(b.elems))
	for i := 0; i < n; i++ {
		if c := ivCompare(a.elems[i], b.elems[i]); c != 0 {
			return c
		}
	}
	ra, rb := a.restFrom(n), b.restFrom(n)
	aNil := ra.kind == ivList && len(ra.elems) == 0
	bNil := rb.kind == ivList && len(rb.elems) == 0
	switch {
	case aNil && bNil:
		return 0
	case aNil && rb.kind == ivList:
		return -1
	case bNil && ra.kind == ivList:
		return 1
	}
	return ivCompare(ra, rb)
}

// restFrom is what follows the first n elements of a list: a list, or its
// improper tail.
func (v ifVal) restFrom(n int) ifVal {
	if n < len(v.elems) {
		return ifVal{kind: ivList, elems: v.elems[n:], tail: v.tail}
	}
	if v.tail != nil {
		return *v.tail
	}
	return ifVal{kind: ivList}
}

// rest is what follows the elements of a list: its tail or [].
func (v ifVal) rest() ifVal { return v.restFrom(len(v.elems)) }

// ifEval evaluates a condition that ifGuard accepted.
func (p *preproc) ifEval(e ast.Expr) (ifVal, error) {
	switch x := e.(type) {
	case *ast.Atom:
		return ifVal{kind: ivAtom, s: x.Name}, nil
	case *ast.Int:
		return ifVal{kind: ivInt, i: x.Value}, nil
	case *ast.String:
		v := ifVal{kind: ivList}
		for _, r := range x.Value {
			v.elems = append(v.elems, ifVal{kind: ivInt, i: int64(r)})
		}
		return v, nil
	case *ast.Var:
		return ifVal{}, errIfFail // unbound
	case *ast.Tuple:
		v := ifVal{kind: ivTuple}
		for _, el := range x.Elems {
			ev, err := p.ifEval(el)
			if err != nil {
				return ifVal{}, err
			}
			v.elems = append(v.elems, ev)
		}
		return v, nil
	case *ast.List:
		v := ifVal{kind: ivList}
		for _, el := range x.Elems {
			ev, err := p.ifEval(el)
			if err != nil {
				return ifVal{}, err
			}
			v.elems = append(v.elems, ev)
		}
		if x.Tail != nil {
			t, err := p.ifEval(x.Tail)
			if err != nil {
				return ifVal{}, err
			}
			if t.kind == ivList {
				v.elems = append(v.elems, t.elems...)
				v.tail = t.tail
			} else {
				v.tail = &t
			}
		}
		return v, nil
	case *ast.UnaryOp:
		a, err := p.ifEval(x.X)
		if err != nil {
			return ifVal{}, err
		}
		switch x.Op {
		case "not":
			if !a.isBool() {
				return ifVal{}, errIfFail
			}
			return ivBool(a.s == "false"), nil
		case "-", "+", "bnot":
			if a.kind != ivInt {
				return ifVal{}, errIfFail
			}
			switch x.Op {
			case "-":
				if a.i == -a.i && a.i != 0 {
					return ifVal{}, &ifUnsupported{pos: x.OpPos, msg: "an integer beyond 64 bits"}
				}
				a.i = -a.i
			case "bnot":
				a.i = ^a.i
			}
			return a, nil
		}
	case *ast.BinaryOp:
		return p.ifBinary(x)
	case *ast.Call:
		return p.ifCall(x)
	}
	return ifVal{}, &ifUnsupported{pos: e.Pos(), msg: "this expression"}
}

func (p *preproc) ifBinary(x *ast.BinaryOp) (ifVal, error) {
	a, err := p.ifEval(x.X)
	if err != nil {
		return ifVal{}, err
	}
	switch x.Op {
	case "andalso", "orelse":
		if !a.isBool() {
			return ifVal{}, errIfFail
		}
		if (x.Op == "andalso") != (a.s == "true") {
			return a, nil
		}
		return p.ifEval(x.Y)
	}
	b, err := p.ifEval(x.Y)
	if err != nil {
		return ifVal{}, err
	}
	switch x.Op {
	case "==", "=:=":
		return ivBool(ivCompare(a, b) == 0), nil
	case "/=", "=/=":
		return ivBool(ivCompare(a, b) != 0), nil
	case "<":
		return ivBool(ivCompare(a, b) < 0), nil
	case "=<":
		return ivBool(ivCompare(a, b) <= 0), nil
	case ">":
		return ivBool(ivCompare(a, b) > 0), nil
	case ">=":
		return ivBool(ivCompare(a, b) >= 0), nil
	case "and", "or", "xor":
		if !a.isBool() || !b.isBool() {
			return ifVal{}, errIfFail
		}
		at, bt := a.s == "true", b.s == "true"
		switch x.Op {
		case "and":
			return ivBool(at && bt), nil
		case "or":
			return ivBool(at || bt), nil
		}
		return ivBool(at != bt), nil
	}
	if a.kind != ivInt || b.kind != ivInt {
		return ifVal{}, errIfFail
	}
	big := &ifUnsupported{pos: x.OpPos, msg: "an integer beyond 64 bits"}
	var r int64
	switch x.Op {
	case "+":
		r = a.i + b.i
		if (r > a.i) != (b.i > 0) {
			return ifVal{}, big
		}
	case "-":
		r = a.i - b.i
		if (r < a.i) != (b.i > 0) {
			return ifVal{}, big
		}
	case "*":
		r = a.i * b.i
		if a.i != 0 && (r/a.i != b.i || (a.i == -1 && b.i == -1<<63)) {
			return ifVal{}, big
		}
	case "div", "rem":
		if b.i == 0 {
			return ifVal{}, errIfFail
		}
		if a.i == -1<<63 && b.i == -1 {
			return ifVal{}, big
		}
		if x.Op == "div" {
			r = a.i / b.i
		} else {
			r = a.i % b.i
		}
	case "band":
		r = a.i & b.i
	case "bor":
		r = a.i | b.i
	case "bxor":
		r = a.i ^ b.i
	case "bsl", "bsr":
		n := b.i
		if x.Op == "bsr" {
			n = -n
		}
		switch {
		case n >= 0:
			if n >= 63 || (a.i<<n)>>n != a.i {
				if a.i == 0 {
					return ifVal{kind: ivInt}, nil
				}
				return ifVal{}, big
			}
			r = a.i << n
		case n <= -63:
			if a.i < 0 {
				r = -1
			}
		default:
			r = a.i >> -n
		}
	case "/":
		return ifVal{}, &ifUnsupported{pos: x.OpPos, msg: "a float"}
	default:
		return ifVal{}, &ifUnsupported{pos: x.OpPos, msg: "operator " + x.Op}
	}
	return ifVal{kind: ivInt, i: r}, nil
}

func (p *preproc) ifCall(x *ast.Call) (ifVal, error) {
	f := x.Fun.(*ast.Atom)
	if x.Module == nil && f.Name == "defined" && len(x.Args) == 1 {
		var name string
		switch a := x.Args[0].(type) {
		case *ast.Var:
			name = a.Name
		case *ast.Atom:
			name = a.Name
		}
		return ivBool(p.definedForIf(name)), nil
	}
	key := fmt.Sprintf("%s/%d", f.Name, len(x.Args))
	if !guardBIFs[funcKey{f.Name, len(x.Args)}] {
		if x.Module != nil {
			// erlang:'+'(1, 2) and such: the operators as functions.
			if len(x.Args) == 2 && guardOps[f.Name] {
				return p.ifBinary(&ast.BinaryOp{X: x.Args[0], OpPos: x.Lparen, Op: f.Name, Y: x.Args[1]})
			}
			if len(x.Args) == 1 && guardOps[f.Name] {
				return p.ifEval(&ast.UnaryOp{OpPos: x.Lparen, Op: f.Name, X: x.Args[0]})
			}
		}
		return ifVal{}, errIfFail // a local function: badarg in epp
	}
	var args []ifVal
	for _, a := range x.Args {
		v, err := p.ifEval(a)
		if err != nil {
			return ifVal{}, err
		}
		args = append(args, v)
	}
	kindIs := func(k ivKind) (ifVal, error) { return ivBool(args[0].kind == k), nil }
	switch key {
	case "is_atom/1":
		return kindIs(ivAtom)
	case "is_integer/1", "is_number/1":
		return kindIs(ivInt)
	case "is_tuple/1":
		return kindIs(ivTuple)
	case "is_list/1":
		return kindIs(ivList)
	case "is_boolean/1":
		return ivBool(args[0].isBool()), nil
	case "is_float/1", "is_binary/1", "is_bitstring/1", "is_function/1", "is_pid/1", "is_port/1",
		"is_reference/1", "is_map/1", "is_function/2":
		return ivBool(false), nil
	case "abs/1":
		if args[0].kind != ivInt {
			return ifVal{}, errIfFail
		}
		if args[0].i < 0 {
			if args[0].i == -1<<63 {
				return ifVal{}, &ifUnsupported{pos: x.Lparen, msg: "an integer beyond 64 bits"}
			}
			args[0].i = -args[0].i
		}
		return args[0], nil
	case "length/1":
		if args[0].kind != ivList || args[0].tail != nil {
			return ifVal{}, errIfFail
		}
		return ifVal{kind: ivInt, i: int64(len(args[0].elems))}, nil
	case "hd/1", "tl/1":
		if args[0].kind != ivList || len(args[0].elems) == 0 {
			return ifVal{}, errIfFail
		}
		if key == "hd/1" {
			return args[0].elems[0], nil
		}
		if len(args[0].elems) == 1 {
			return args[0].rest(), nil
		}
		return ifVal{kind: ivList, elems: args[0].elems[1:], tail: args[0].tail}, nil
	case "tuple_size/1", "size/1":
		if args[0].kind != ivTuple {
			return ifVal{}, errIfFail
		}
		return ifVal{kind: ivInt, i: int64(len(args[0].elems))}, nil
	case "element/2":
		if args[0].kind != ivInt || args[1].kind != ivTuple || args[0].i < 1 || args[0].i > int64(len(args[1].elems)) {
			return ifVal{}, errIfFail
		}
		return args[1].elems[args[0].i-1], nil
	case "is_record/2", "is_record/3":
		t := args[0]
		ok := args[1].kind == ivAtom && t.kind == ivTuple && len(t.elems) > 0 && ivCompare(t.elems[0], args[1]) == 0
		if len(args) == 3 {
			if args[2].kind != ivInt {
				return ifVal{}, errIfFail
			}
			ok = ok && int64(len(t.elems)) == args[2].i
		}
		return ivBool(ok), nil
	}
	return ifVal{}, &ifUnsupported{pos: x.Lparen, msg: "calling " + key}
}

// definedForIf is defined(M) of -if: as in epp, the predefined macros
// count even before -module.
func (p *preproc) definedForIf(name string) bool {
	switch name {
	case "MODULE", "MODULE_STRING", "BASE_MODULE", "BASE_MODULE_STRING", "FEATURE_AVAILABLE", "FEATURE_ENABLED":
		return true
	}
	return p.defined(name)
}
