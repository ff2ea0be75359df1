package vm

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// The built-ins: one named function per row of the built-in table
// (semantics/internal/compile/builtins.go), registered by the row's key in
// init below. A built-in reads its arguments through [args], and anything
// outside its process and its arguments through the machine's Host (m.Host,
// or m.MakeRef, m.newAtom and m.existingAtom, which mark the step impure).

// bifFn implements a pure built-in function.
type bifFn func(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc)

// bifFns holds the implementation of each built-in, by its index in the
// built-in table.
var bifFns = make([]bifFn, compile.NumBuiltins)

// tableProblems lists the implementations without a row in the built-in
// table, the rows with more than one implementation and the rows without
// one: TestBuiltinsImplemented reports them.
var tableProblems []string

// impl registers fn as the implementation of the built-in mod:name/arity.
func impl(mod, name string, arity int, fn bifFn) {
	key := mod + ":" + name + "/" + strconv.Itoa(arity)
	i, ok := compile.BuiltinIndex(mod, name, arity)
	switch {
	case !ok:
		tableProblems = append(tableProblems, key+" is implemented but has no row in the built-in table")
	case bifFns[i] != nil:
		tableProblems = append(tableProblems, key+" is implemented twice")
	default:
		bifFns[i] = fn
	}
}

func init() {
	// Type tests.
	impl("erlang", "is_atom", 1, kinds{term.KindAtom}.test)
	impl("erlang", "is_integer", 1, kinds{term.KindInt}.test)
	impl("erlang", "is_number", 1, kinds{term.KindInt, term.KindFloat}.test)
	impl("erlang", "is_float", 1, kinds{term.KindFloat}.test)
	impl("erlang", "is_list", 1, kinds{term.KindNil, term.KindCons}.test)
	impl("erlang", "is_tuple", 1, kinds{term.KindTuple}.test)
	impl("erlang", "is_pid", 1, kinds{term.KindPid}.test)
	impl("erlang", "is_reference", 1, kinds{term.KindRef}.test)
	impl("erlang", "is_port", 1, kinds{}.test)
	impl("erlang", "is_map", 1, kinds{term.KindMap}.test)
	impl("erlang", "is_function", 1, kinds{term.KindFun}.test)
	impl("erlang", "is_binary", 1, isBinary)
	impl("erlang", "is_bitstring", 1, kinds{term.KindBinary}.test)
	impl("erlang", "is_boolean", 1, isBoolean)
	impl("erlang", "is_function", 2, isFunction2)
	impl("erlang", "is_record", 2, isRecord2)
	impl("erlang", "is_record", 3, isRecord3)

	// The process and its node.
	impl("erlang", "self", 0, self)
	impl("erlang", "node", 0, node0)
	impl("erlang", "node", 1, node1)
	impl("erlang", "make_ref", 0, makeRef)

	// Tuples, lists, numbers, conversions.
	impl("erlang", "element", 2, element)
	impl("erlang", "setelement", 3, setelement)
	impl("erlang", "tuple_size", 1, tupleSize)
	impl("erlang", "size", 1, size)
	impl("erlang", "byte_size", 1, byteSize)
	impl("erlang", "length", 1, length)
	impl("erlang", "hd", 1, hd)
	impl("erlang", "tl", 1, tl)
	impl("erlang", "abs", 1, abs)
	impl("erlang", "min", 2, minTerm)
	impl("erlang", "max", 2, maxTerm)
	impl("erlang", "atom_to_list", 1, atomToList)
	impl("erlang", "list_to_atom", 1, listToAtom)
	impl("erlang", "list_to_existing_atom", 1, listToExistingAtom)
	impl("erlang", "integer_to_list", 1, integerToList1)
	impl("erlang", "integer_to_list", 2, integerToList2)
	impl("erlang", "list_to_integer", 1, listToInteger1)
	impl("erlang", "list_to_integer", 2, listToInteger2)
	impl("erlang", "tuple_to_list", 1, tupleToList)
	impl("erlang", "list_to_tuple", 1, listToTuple)
	impl("erlang", "make_tuple", 2, makeTuple)
	impl("erlang", "append_element", 2, appendElement)
	impl("erlang", "pid_to_list", 1, pidToList)
	impl("erlang", "term_to_binary", 1, termToBinary)
	impl("erlang", "binary_to_list", 1, binaryToList)
	impl("erlang", "list_to_binary", 1, listToBinary)
	impl("erlang", "iolist_to_binary", 1, iolistToBinary)
	impl("erlang", "atom_to_binary", 1, atomToBinary)
	impl("erlang", "phash2", 1, phash2)
	impl("erlang", "phash2", 2, phash2Range)
	impl("io_lib", "format", 2, ioLibFormat)

	// The operators as functions: fun erlang:'+'/2, erlang:'=:='(A, B)...
	for op, name := range term.BinopNames {
		impl("erlang", name, 2, binop(op).call)
	}
	for op, name := range term.UnopNames {
		impl("erlang", name, 1, unop(op).call)
	}
	impl("erlang", "raise", 3, raise)

	// lists (the first-order functions; the higher-order ones are in the
	// prelude).
	impl("lists", "reverse", 1, listsReverse1)
	impl("lists", "reverse", 2, listsReverse2)
	impl("lists", "member", 2, listsMember)
	impl("lists", "nth", 2, listsNth)
	impl("lists", "nthtail", 2, listsNthtail)
	impl("lists", "append", 2, binop(term.OpAppend).call)
	impl("lists", "append", 1, listsAppend1)
	impl("lists", "subtract", 2, binop(term.OpSubtract).call)
	impl("lists", "sum", 1, listsSum)
	impl("lists", "keyfind", 3, listsKeyfind)
	impl("lists", "keymember", 3, listsKeymember)
	impl("lists", "keysearch", 3, listsKeysearch)
	impl("lists", "keydelete", 3, listsKeydelete)
	impl("lists", "keyreplace", 4, listsKeyreplace)
	impl("lists", "keystore", 4, listsKeystore)
	impl("lists", "keysort", 2, listsKeysort)
	impl("lists", "delete", 2, listsDelete)
	impl("lists", "sort", 1, listsSort)
	impl("lists", "usort", 1, listsUsort)
	impl("lists", "zip", 2, listsZip)
	impl("lists", "unzip", 1, listsUnzip)
	impl("lists", "last", 1, listsLast)
	impl("lists", "droplast", 1, listsDroplast)
	impl("lists", "duplicate", 2, listsDuplicate)
	impl("lists", "flatten", 1, listsFlatten)
	impl("lists", "max", 1, listsMax)
	impl("lists", "min", 1, listsMin)
	impl("lists", "seq", 2, listsSeq2)
	impl("lists", "seq", 3, listsSeq3)
	impl("lists", "sublist", 2, listsSublist2)
	impl("lists", "sublist", 3, listsSublist3)
	impl("lists", "split", 2, listsSplit)
	impl("lists", "concat", 1, listsConcat)
	impl("lists", "prefix", 2, listsPrefix)
	mapsBuiltins()

	registerFloats() // floats.go
	registerDict()   // dict.go

	for i, fn := range bifFns {
		if fn == nil {
			tableProblems = append(tableProblems, compile.BuiltinName(i)+" has a row in the built-in table but no implementation")
			bifFns[i] = unimplemented
		}
	}
}

// unimplemented stands in for a built-in without an implementation (which
// TestBuiltinsImplemented reports): it raises undef.
func unimplemented(_ *Machine, _ *Proc, _ []term.Term) (term.Term, *term.Exc) {
	return nil, term.ErrorExc(term.AUndef)
}

// ---------------------------------------------------------------------------
// Arguments

// args unpacks a built-in's arguments. Each getter returns argument i as
// the type it names, or that type's zero value when the argument is not
// one, and then sets bad: a built-in reads its arguments in one line and
// checks one flag (and raises what OTP raises: badarg, or function_clause
// for most of lists).
type args struct {
	a   []term.Term
	bad bool
}

// argAs returns argument i of x as a T, or T's zero value after setting
// x.bad.
func argAs[T term.Term](x *args, i int) T {
	v, ok := x.a[i].(T)
	x.bad = x.bad || !ok
	return v
}

func (x *args) int(i int) term.Int       { return argAs[term.Int](x, i) }
func (x *args) atom(i int) term.Atom     { return argAs[term.Atom](x, i) }
func (x *args) tuple(i int) term.Tuple   { return argAs[term.Tuple](x, i) }
func (x *args) binary(i int) term.Binary { return argAs[term.Binary](x, i) }
func (x *args) pid(i int) term.Pid       { return argAs[term.Pid](x, i) }

// cons is a non-empty list.
func (x *args) cons(i int) *term.Cons { return argAs[*term.Cons](x, i) }

// list is the elements of a proper list.
func (x *args) list(i int) []term.Term {
	v, ok := term.ListToSlice(x.a[i])
	if !ok {
		x.bad = true
		return nil
	}
	return v
}

// str is a string: a proper list of character codes.
func (x *args) str(i int) string {
	v, ok := term.StringValue(x.a[i])
	if !ok {
		x.bad = true
		return ""
	}
	return v
}

// excFunctionClause is the error most functions of lists raise on a bad
// argument: their clauses do not match it.
var excFunctionClause = term.ErrorExc(term.AFunctionClause)

// ---------------------------------------------------------------------------
// Type tests

// kinds is a type test: is the argument a term of one of these kinds? An
// empty set is the test for a type mcgo does not have (ports).
type kinds []term.Kind

func (ks kinds) test(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	k, ok := term.KindOf(a[0])
	return term.Bool(ok && slices.Contains(ks, k)), nil
}

func isBoolean(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	return term.Bool(a[0] == term.ATrue || a[0] == term.AFalse), nil
}

func isFunction2(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n := x.int(1)
	if x.bad || n < 0 {
		return nil, term.ExcBadarg
	}
	f, ok := a[0].(*term.Fun)
	return term.Bool(ok && funArity(m.Code.Prog, f) == int(n)), nil
}

func isRecord2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	t := x.tuple(0)
	return term.Bool(!x.bad && len(t) > 0 && term.Equal(t[0], a[1])), nil
}

func isRecord3(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	t, n := x.tuple(0), x.int(2) // a size that is not an integer matches no tuple
	return term.Bool(len(t) == int(n) && len(t) > 0 && term.Equal(t[0], a[1])), nil
}

// ---------------------------------------------------------------------------
// The process and its node

func self(_ *Machine, p *Proc, _ []term.Term) (term.Term, *term.Exc) { return p.Pid, nil }

func node0(m *Machine, p *Proc, _ []term.Term) (term.Term, *term.Exc) {
	return m.Host.NodeAtom(p.Pid.Node), nil
}

func node1(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	switch x := a[0].(type) {
	case term.Pid:
		return m.Host.NodeAtom(x.Node), nil
	case term.Ref:
		return m.Host.NodeAtom(x.Node), nil
	}
	return nil, term.ExcBadarg
}

// makeRef reads the references in use: a host read of the state.
func makeRef(m *Machine, p *Proc, _ []term.Term) (term.Term, *term.Exc) {
	return m.MakeRef(p.Pid.Node), nil
}

// ---------------------------------------------------------------------------
// Tuples, lists, numbers, conversions

func element(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	i, t := x.int(0), x.tuple(1)
	if x.bad || i < 1 || int(i) > len(t) {
		return nil, term.ExcBadarg
	}
	return t[i-1], nil
}

func setelement(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	i, t := x.int(0), x.tuple(1)
	if x.bad || i < 1 || int(i) > len(t) {
		return nil, term.ExcBadarg
	}
	n := append(term.Tuple(nil), t...)
	n[i-1] = a[2]
	return n, nil
}

func tupleSize(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	t := x.tuple(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return term.Int(len(t)), nil
}

func size(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	switch t := a[0].(type) {
	case term.Tuple:
		return term.Int(len(t)), nil
	case term.Binary:
		return term.Int(len(t)), nil
	case term.BitString:
		return term.Int(len(t.Bytes) - 1), nil
	}
	return nil, term.ExcBadarg
}

// byteSize is byte_size/1: a bitstring's partial last byte counts.
func byteSize(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	data, _, ok := term.BitsOf(a[0])
	if !ok {
		return nil, term.ExcBadarg
	}
	return term.Int(len(data)), nil
}

// isBinary is is_binary/1: true for a bitstring whose length is a
// multiple of 8.
func isBinary(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	_, ok := a[0].(term.Binary)
	return term.Bool(ok), nil
}

func length(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	n := term.ListLen(a[0])
	if n < 0 {
		return nil, term.ExcBadarg
	}
	return term.Int(n), nil
}

func hd(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	c := x.cons(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return c.Head, nil
}

func tl(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	c := x.cons(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return c.Tail, nil
}

func abs(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	if f, ok := a[0].(term.Float); ok {
		if f < 0 {
			return -f, nil
		}
		return f, nil // abs(-0.0) is -0.0 in OTP 25
	}
	x := args{a: a}
	i := x.int(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	if i < 0 {
		return term.Unop(term.OpNeg, i)
	}
	return i, nil
}

func minTerm(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	if term.Compare(a[0], a[1]) <= 0 {
		return a[0], nil
	}
	return a[1], nil
}

func maxTerm(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	if term.Compare(a[0], a[1]) >= 0 {
		return a[0], nil
	}
	return a[1], nil
}

func atomToList(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	at := x.atom(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return term.MkString(at.Name()), nil
}

// listToAtom makes an atom the loaded code may lack: a host read and write
// of the node's run-time atoms.
func listToAtom(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	s := x.str(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	if len([]rune(s)) > 255 {
		return nil, term.ErrorExc(term.ASystemLimit)
	}
	return m.newAtom(p.Pid.Node, s), nil
}

// listToExistingAtom reads the node's run-time atoms: a host read.
func listToExistingAtom(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	s := x.str(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	if at, ok := m.existingAtom(p.Pid.Node, s); ok {
		return at, nil
	}
	return nil, term.ExcBadarg
}

func integerToList1(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	i := x.int(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return term.MkString(formatInteger(i, 10)), nil
}

func integerToList2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	i, b := x.int(0), x.int(1)
	if x.bad || b < 2 || b > 36 {
		return nil, term.ExcBadarg
	}
	return term.MkString(formatInteger(i, int(b))), nil
}

func listToInteger1(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	s := x.str(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return parseInteger(s, 10)
}

func listToInteger2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	s, b := x.str(0), x.int(1)
	if x.bad || b < 2 || b > 36 {
		return nil, term.ExcBadarg
	}
	return parseInteger(s, int(b))
}

// parseInteger is list_to_integer/2 and binary_to_integer/2 of s: with an
// explicit base strconv takes a sign and digits only, as Erlang does (no
// prefix, no underscores). The exception is badarg for a string that is
// not an integer, badarith for one beyond 64 bits (mcgo has no bignums).
func parseInteger(s string, base int) (term.Term, *term.Exc) {
	i, err := strconv.ParseInt(s, base, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return nil, term.ExcBadarith
		}
		return nil, term.ExcBadarg
	}
	return term.Int(i), nil
}

// formatInteger is integer_to_list/2 and integer_to_binary/2's text of i.
func formatInteger(i term.Int, base int) string {
	return strings.ToUpper(strconv.FormatInt(int64(i), base))
}

func tupleToList(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	t := x.tuple(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return term.MkList(t...), nil
}

func listToTuple(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return term.Tuple(l), nil
}

func makeTuple(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n := x.int(0)
	if x.bad || n < 0 || n > 1<<16 {
		return nil, term.ExcBadarg
	}
	t := make(term.Tuple, n)
	for i := range t {
		t[i] = a[1]
	}
	return t, nil
}

func appendElement(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	t := x.tuple(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return append(append(term.Tuple(nil), t...), a[1]), nil
}

func pidToList(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	q := x.pid(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return term.MkString(term.PidText(m.Host, q, p.Pid.Node)), nil
}

func termToBinary(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	if term.LargeMap(a[0]) {
		return nil, UnsupportedLargeMap("term_to_binary/1")
	}
	b, ok := term.TermToBinary(m.Host, a[0])
	if !ok {
		return nil, term.ExcBadarg
	}
	return b, nil
}

func binaryToList(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	out := make([]term.Term, len(b))
	for i := 0; i < len(b); i++ {
		out[i] = term.Int(b[i])
	}
	return term.MkList(out...), nil
}

// listToBinary is list_to_binary/1: an iolist that is a list.
func listToBinary(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	if !term.IsList(a[0]) {
		return nil, term.ExcBadarg
	}
	return iolistToBinary(m, p, a)
}

// iolistToBinary is iolist_to_binary/1.
func iolistToBinary(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	var sb strings.Builder
	if !iolist(a[0], &sb) {
		return nil, term.ExcBadarg
	}
	return term.Binary(sb.String()), nil
}

// iolist appends the bytes of an iolist (integers 0..255, binaries, nested
// lists) to sb.
func iolist(t term.Term, sb *strings.Builder) bool {
	for {
		switch c := t.(type) {
		case term.Nil:
			return true
		case term.Binary:
			sb.WriteString(string(c))
			return true
		case *term.Cons:
			switch h := c.Head.(type) {
			case term.Int:
				if h < 0 || h > 255 {
					return false
				}
				sb.WriteByte(byte(h))
			default:
				if !iolist(h, sb) {
					return false
				}
			}
			t = c.Tail
		default:
			return false
		}
	}
}

func atomToBinary(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	at := x.atom(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return term.Binary(at.Name()), nil
}

func phash2(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	return term.Int(phash(m.Host, a[0]) % (1 << 27)), nil
}

func phash2Range(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n := x.int(1)
	if x.bad || n < 1 {
		return nil, term.ExcBadarg
	}
	return term.Int(phash(m.Host, a[0]) % uint64(n)), nil
}

// phash is a deterministic hash of a term (not Erlang's phash2 values): of
// its external term format, which names atoms by their text, so that the
// value does not depend on the order atoms were made in.
func phash(n term.Namer, t term.Term) uint64 {
	b, _ := term.TermToBinary(n, t)
	var h uint64 = 1469598103934665603
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func ioLibFormat(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	if term.LargeMap(a[1]) {
		return nil, UnsupportedLargeMap("io_lib:format/2")
	}
	s, ok := term.Format(m.Host, a[0], a[1], p.Pid.Node)
	if !ok {
		return nil, term.ExcBadarg
	}
	return term.MkString(s), nil
}

// binop is a binary operator as a function (term.BinopNames): fun
// erlang:'+'/2, erlang:'=:='(A, B), lists:append/2...
type binop int

func (op binop) call(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	return term.Binop(int(op), a[0], a[1])
}

// unop is a unary operator as a function (term.UnopNames).
type unop int

func (op unop) call(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	return term.Unop(int(op), a[0])
}

// raise is erlang:raise/3. The stack trace given is checked but not kept:
// mcgo's stack traces are [] (see docs/semantics.md). Like OTP, an invalid
// class or stack trace makes raise return the atom badarg.
func raise(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	class, entries := x.atom(0), x.list(2)
	if class != term.AError && class != term.AExit && class != term.AThrow || x.bad {
		return term.ABadarg, nil
	}
	for _, e := range entries {
		if t, ok := e.(term.Tuple); !ok || len(t) != 3 && len(t) != 4 {
			return term.ABadarg, nil
		}
	}
	return nil, &term.Exc{Class: class, Reason: a[1]}
}

func funArity(prog *compile.Program, f *term.Fun) int {
	if f.Fn < 0 {
		return f.Arity
	}
	fn := prog.Funcs[f.Fn]
	return fn.Arity - fn.NFree
}

// ---------------------------------------------------------------------------
// lists (the first-order functions; the higher-order ones are in the prelude)

func listsReverse1(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad {
		return nil, excFunctionClause
	}
	out := term.NilTerm
	for _, e := range l {
		out = &term.Cons{Head: e, Tail: out}
	}
	return out, nil
}

func listsReverse2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad {
		return nil, excFunctionClause
	}
	out := a[1]
	for _, e := range l {
		out = &term.Cons{Head: e, Tail: out}
	}
	return out, nil
}

func listsMember(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	t := a[1]
	for {
		c, ok := t.(*term.Cons)
		if !ok {
			if _, isNil := t.(term.Nil); isNil {
				return term.AFalse, nil
			}
			return nil, term.ExcBadarg
		}
		if term.Equal(c.Head, a[0]) {
			return term.ATrue, nil
		}
		t = c.Tail
	}
}

func listsNth(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n, l := x.int(0), x.list(1)
	if x.bad || n < 1 || int(n) > len(l) {
		return nil, excFunctionClause
	}
	return l[n-1], nil
}

func listsNthtail(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n := x.int(0)
	if x.bad || n < 0 {
		return nil, excFunctionClause
	}
	t := a[1]
	for i := 0; i < int(n); i++ {
		c, ok := t.(*term.Cons)
		if !ok {
			return nil, excFunctionClause
		}
		t = c.Tail
	}
	return t, nil
}

func listsAppend1(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	ls := x.list(0)
	if x.bad {
		return nil, excFunctionClause
	}
	elems := args{a: ls}
	var out []term.Term
	for i := range ls {
		out = append(out, elems.list(i)...)
		if elems.bad {
			return nil, excFunctionClause
		}
	}
	return term.MkList(out...), nil
}

func listsSum(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad {
		return nil, excFunctionClause
	}
	var s term.Term = term.Int(0)
	for _, e := range l {
		r, exc := term.Binop(term.OpAdd, s, e)
		if exc != nil {
			return nil, exc
		}
		s = r
	}
	return s, nil
}

// keyIndex is the position in l of the first tuple whose n-th element
// equals key (==, as OTP's lists:keyfind: 1 finds 1.0), or -1.
func keyIndex(key term.Term, n term.Int, l []term.Term) int {
	for i, e := range l {
		if t, ok := e.(term.Tuple); ok && int(n) <= len(t) && term.Compare(t[n-1], key) == 0 {
			return i
		}
	}
	return -1
}

func listsKeyfind(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n, l := x.int(1), x.list(2)
	if x.bad || n < 1 {
		return nil, term.ExcBadarg
	}
	if i := keyIndex(a[0], n, l); i >= 0 {
		return l[i], nil
	}
	return term.AFalse, nil
}

func listsKeymember(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n, l := x.int(1), x.list(2)
	if x.bad || n < 1 {
		return nil, term.ExcBadarg
	}
	return term.Bool(keyIndex(a[0], n, l) >= 0), nil
}

func listsKeysearch(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n, l := x.int(1), x.list(2)
	if x.bad || n < 1 {
		return nil, term.ExcBadarg
	}
	if i := keyIndex(a[0], n, l); i >= 0 {
		return term.MkTuple(term.Intern("value"), l[i]), nil
	}
	return term.AFalse, nil
}

func listsKeydelete(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n, l := x.int(1), x.list(2)
	if x.bad || n < 1 {
		return nil, excFunctionClause
	}
	if i := keyIndex(a[0], n, l); i >= 0 {
		out := append(append([]term.Term(nil), l[:i]...), l[i+1:]...)
		return term.MkList(out...), nil
	}
	return a[2], nil
}

func listsKeyreplace(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n, l, _ := x.int(1), x.list(2), x.tuple(3)
	if x.bad || n < 1 {
		return nil, excFunctionClause
	}
	if i := keyIndex(a[0], n, l); i >= 0 {
		out := append([]term.Term(nil), l...)
		out[i] = a[3]
		return term.MkList(out...), nil
	}
	return a[2], nil
}

func listsKeystore(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n, l, _ := x.int(1), x.list(2), x.tuple(3)
	if x.bad || n < 1 {
		return nil, excFunctionClause
	}
	out := append([]term.Term(nil), l...)
	if i := keyIndex(a[0], n, l); i >= 0 {
		out[i] = a[3]
	} else {
		out = append(out, a[3])
	}
	return term.MkList(out...), nil
}

func listsKeysort(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n := x.int(0)
	if x.bad || n < 1 {
		return nil, excFunctionClause
	}
	l := x.list(1)
	if x.bad {
		return nil, term.ErrorExc(term.MkTuple(term.ACaseClause, a[1]))
	}
	if len(l) < 2 {
		return a[1], nil // OTP looks at no element of a shorter list
	}
	for _, e := range l {
		if t, ok := e.(term.Tuple); !ok || len(t) < int(n) {
			return nil, term.ExcBadarg // element/2 fails
		}
	}
	out := append([]term.Term(nil), l...)
	sort.SliceStable(out, func(i, j int) bool { return term.Compare(out[i].(term.Tuple)[n-1], out[j].(term.Tuple)[n-1]) < 0 })
	return term.MkList(out...), nil
}

func listsDelete(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(1)
	if x.bad {
		return nil, excFunctionClause
	}
	for i, e := range l {
		if term.Equal(e, a[0]) {
			out := append(append([]term.Term(nil), l[:i]...), l[i+1:]...)
			return term.MkList(out...), nil
		}
	}
	return a[1], nil
}

func listsSort(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad {
		return nil, excFunctionClause
	}
	out := sortedTerms(l)
	if exc := equalButDistinct(m, "lists:sort/1", out); exc != nil {
		return nil, exc
	}
	return term.MkList(out...), nil
}

func listsUsort(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad {
		return nil, excFunctionClause
	}
	out := sortedTerms(l)
	if exc := equalButDistinct(m, "lists:usort/1", out); exc != nil {
		return nil, exc
	}
	var u []term.Term
	for _, e := range out {
		if len(u) == 0 || term.Compare(u[len(u)-1], e) != 0 { // ==: usort([1, 1.0]) is [1]
			u = append(u, e)
		}
	}
	return term.MkList(u...), nil
}

// equalButDistinct ends the run as unsupported when the sorted list has
// two terms that compare equal but are not the same (1 and 1.0, 0.0 and
// -0.0, {1} and {1.0}): OTP's merge sort is not stable and which of them
// comes first, or which usort keeps, follows its algorithm, which mcgo
// does not reproduce. Before floats no two distinct terms compared equal.
func equalButDistinct(m *Machine, name string, sorted []term.Term) *term.Exc {
	for i := 1; i < len(sorted); i++ {
		if term.Compare(sorted[i-1], sorted[i]) == 0 && !identical(sorted[i-1], sorted[i]) {
			return m.unsupported(name + " of a list with terms that compare equal but differ (such as 1 and 1.0): which comes first follows OTP's merge sort, which mcgo does not reproduce")
		}
	}
	return nil
}

// identical reports whether a and b are the same term, telling 0.0 from
// -0.0 (which =:= does not in OTP 25).
func identical(a, b term.Term) bool {
	switch x := a.(type) {
	case term.Float:
		y, ok := b.(term.Float)
		return ok && math.Float64bits(float64(x)) == math.Float64bits(float64(y))
	case term.Tuple:
		y, ok := b.(term.Tuple)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !identical(x[i], y[i]) {
				return false
			}
		}
		return true
	case *term.Cons:
		y, ok := b.(*term.Cons)
		return ok && identical(x.Head, y.Head) && identical(x.Tail, y.Tail)
	}
	return term.Equal(a, b)
}

// sortedTerms returns a copy of l in term order (stable).
func sortedTerms(l []term.Term) []term.Term {
	out := append([]term.Term(nil), l...)
	sort.SliceStable(out, func(i, j int) bool { return term.Compare(out[i], out[j]) < 0 })
	return out
}

func listsZip(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	xs, ys := x.list(0), x.list(1)
	if x.bad || len(xs) != len(ys) {
		return nil, excFunctionClause
	}
	out := make([]term.Term, len(xs))
	for i := range xs {
		out[i] = term.MkTuple(xs[i], ys[i])
	}
	return term.MkList(out...), nil
}

func listsUnzip(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad {
		return nil, excFunctionClause
	}
	xs := make([]term.Term, len(l))
	ys := make([]term.Term, len(l))
	for i, e := range l {
		t, ok := e.(term.Tuple)
		if !ok || len(t) != 2 {
			return nil, excFunctionClause
		}
		xs[i], ys[i] = t[0], t[1]
	}
	return term.MkTuple(term.MkList(xs...), term.MkList(ys...)), nil
}

func listsLast(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad || len(l) == 0 {
		return nil, excFunctionClause
	}
	return l[len(l)-1], nil
}

func listsDroplast(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad || len(l) == 0 {
		return nil, excFunctionClause
	}
	return term.MkList(l[:len(l)-1]...), nil
}

func listsDuplicate(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n := x.int(0)
	if x.bad || n < 0 || n > 1<<20 {
		return nil, excFunctionClause
	}
	out := term.NilTerm
	for i := 0; i < int(n); i++ {
		out = &term.Cons{Head: a[1], Tail: out}
	}
	return out, nil
}

func listsFlatten(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	var out []term.Term
	if !flatten(a[0], &out) {
		return nil, excFunctionClause
	}
	return term.MkList(out...), nil
}

func flatten(t term.Term, out *[]term.Term) bool {
	for {
		switch c := t.(type) {
		case term.Nil:
			return true
		case *term.Cons:
			if term.IsList(c.Head) {
				if !flatten(c.Head, out) {
					return false
				}
			} else {
				*out = append(*out, c.Head)
			}
			t = c.Tail
		default:
			return false
		}
	}
}

func listsMax(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad || len(l) == 0 {
		return nil, excFunctionClause
	}
	m := l[0]
	for _, e := range l[1:] {
		if term.Compare(e, m) > 0 {
			m = e
		}
	}
	return m, nil
}

func listsMin(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad || len(l) == 0 {
		return nil, excFunctionClause
	}
	m := l[0]
	for _, e := range l[1:] {
		if term.Compare(e, m) < 0 {
			m = e
		}
	}
	return m, nil
}

// seq's errors are OTP's: seq/2 has a guard (function_clause), seq/3 raises
// badarg.
func listsSeq2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	from, to := x.int(0), x.int(1)
	if x.bad {
		return nil, excFunctionClause
	}
	return seq(from, to, 1, excFunctionClause)
}

func listsSeq3(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	from, to, step := x.int(0), x.int(1), x.int(2)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return seq(from, to, step, term.ExcBadarg)
}

// seq is lists:seq(From, To, Step), raising bad for a sequence that cannot
// reach To.
func seq(from, to, step term.Int, bad *term.Exc) (term.Term, *term.Exc) {
	if step == 0 && from != to || step > 0 && to < from-step || step < 0 && to > from-step {
		return nil, bad
	}
	var out []term.Term
	if step == 0 {
		return term.MkList(from), nil
	}
	for i := from; (step > 0 && i <= to) || (step < 0 && i >= to); i += step {
		out = append(out, i)
		if len(out) > 1<<20 {
			return nil, term.ErrorExc(term.ASystemLimit)
		}
	}
	return term.MkList(out...), nil
}

func listsSublist2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l, n := x.list(0), x.int(1)
	if x.bad || n < 0 {
		return nil, excFunctionClause
	}
	if int(n) > len(l) {
		n = term.Int(len(l))
	}
	return term.MkList(l[:n]...), nil
}

func listsSublist3(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l, s, n := x.list(0), x.int(1), x.int(2)
	if x.bad || s < 1 || n < 0 || int(s) > len(l)+1 {
		return nil, excFunctionClause
	}
	l = l[s-1:]
	if int(n) > len(l) {
		n = term.Int(len(l))
	}
	return term.MkList(l[:n]...), nil
}

func listsSplit(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	n, l := x.int(0), x.list(1)
	if x.bad || n < 0 || int(n) > len(l) {
		return nil, term.ExcBadarg
	}
	return term.MkTuple(term.MkList(l[:n]...), term.MkList(l[n:]...)), nil
}

func listsConcat(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	l := x.list(0)
	if x.bad {
		return nil, excFunctionClause
	}
	var sb strings.Builder
	for _, e := range l {
		switch v := e.(type) {
		case term.Atom:
			sb.WriteString(v.Name())
		case term.Int:
			sb.WriteString(strconv.FormatInt(int64(v), 10))
		default:
			s, ok := term.StringValue(v)
			if !ok {
				return nil, excFunctionClause
			}
			sb.WriteString(s)
		}
	}
	return term.MkString(sb.String()), nil
}

func listsPrefix(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	xs, ys := x.list(0), x.list(1)
	if x.bad {
		return nil, excFunctionClause
	}
	if len(xs) > len(ys) {
		return term.AFalse, nil
	}
	for i := range xs {
		if !term.Equal(xs[i], ys[i]) {
			return term.AFalse, nil
		}
	}
	return term.ATrue, nil
}
