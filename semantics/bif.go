package semantics

import (
	"sort"
	"strconv"
	"strings"
)

// bif is a pure built-in function, implemented in Go. Pure means it reads
// nothing another process can change; make_ref/0, which bumps its node's
// reference counter, is treated as pure too (SEMANTICS.md 2.1).
type bif struct {
	m, f  Atom
	arity int
	guard bool // allowed in guards
	fn    func(m *machine, p *Proc, a []Term) (Term, *Exc)
}

var bifs []bif

var bifIndex = map[mfa]int{}

func lookupBif(m, f Atom, arity int) (int, bool) {
	i, ok := bifIndex[mfa{m, f, arity}]
	return i, ok
}

func defBif(mod, name string, arity int, guard bool, fn func(m *machine, p *Proc, a []Term) (Term, *Exc)) {
	k := mfa{Intern(mod), Intern(name), arity}
	bifIndex[k] = len(bifs)
	bifs = append(bifs, bif{m: k.M, f: k.F, arity: arity, guard: guard, fn: fn})
}

func typeTest(name string, test func(Term) bool) {
	defBif("erlang", name, 1, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) { return Bool(test(a[0])), nil })
}

func init() {
	typeTest("is_atom", func(t Term) bool { _, ok := t.(Atom); return ok })
	typeTest("is_integer", func(t Term) bool { _, ok := t.(Int); return ok })
	typeTest("is_number", func(t Term) bool { _, ok := t.(Int); return ok })
	typeTest("is_float", func(t Term) bool { return false })
	typeTest("is_list", IsList)
	typeTest("is_tuple", func(t Term) bool { _, ok := t.(Tuple); return ok })
	typeTest("is_pid", func(t Term) bool { _, ok := t.(Pid); return ok })
	typeTest("is_reference", func(t Term) bool { _, ok := t.(Ref); return ok })
	typeTest("is_port", func(t Term) bool { return false })
	typeTest("is_map", func(t Term) bool { return false })
	typeTest("is_function", func(t Term) bool { _, ok := t.(*Fun); return ok })
	typeTest("is_binary", func(t Term) bool { _, ok := t.(Binary); return ok })
	typeTest("is_bitstring", func(t Term) bool { _, ok := t.(Binary); return ok })
	typeTest("is_boolean", func(t Term) bool { return t == ATrue || t == AFalse })
	defBif("erlang", "is_function", 2, true, func(m *machine, _ *Proc, a []Term) (Term, *Exc) {
		f, ok := a[0].(*Fun)
		n, ok2 := a[1].(Int)
		if !ok2 || n < 0 {
			return nil, excBadarg
		}
		return Bool(ok && funArity(m.sys.prog, f) == int(n)), nil
	})
	defBif("erlang", "is_record", 2, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		t, ok := a[0].(Tuple)
		return Bool(ok && len(t) > 0 && Equal(t[0], a[1])), nil
	})
	defBif("erlang", "is_record", 3, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		t, ok := a[0].(Tuple)
		n, _ := a[2].(Int)
		return Bool(ok && len(t) == int(n) && len(t) > 0 && Equal(t[0], a[1])), nil
	})

	defBif("erlang", "self", 0, true, func(_ *machine, p *Proc, _ []Term) (Term, *Exc) { return p.Pid, nil })
	defBif("erlang", "node", 0, true, func(m *machine, p *Proc, _ []Term) (Term, *Exc) { return m.sys.nodeAtom(p.Pid.Node), nil })
	defBif("erlang", "node", 1, true, func(m *machine, p *Proc, a []Term) (Term, *Exc) {
		switch x := a[0].(type) {
		case Pid:
			return m.sys.nodeAtom(x.Node), nil
		case Ref:
			return m.sys.nodeAtom(x.Node), nil
		}
		return nil, excBadarg
	})
	defBif("erlang", "make_ref", 0, false, func(m *machine, p *Proc, _ []Term) (Term, *Exc) {
		return m.makeRef(p.Pid.Node), nil
	})
	defBif("erlang", "element", 2, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		i, ok1 := a[0].(Int)
		t, ok2 := a[1].(Tuple)
		if !ok1 || !ok2 || i < 1 || int(i) > len(t) {
			return nil, excBadarg
		}
		return t[i-1], nil
	})
	defBif("erlang", "setelement", 3, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		i, ok1 := a[0].(Int)
		t, ok2 := a[1].(Tuple)
		if !ok1 || !ok2 || i < 1 || int(i) > len(t) {
			return nil, excBadarg
		}
		n := append(Tuple(nil), t...)
		n[i-1] = a[2]
		return n, nil
	})
	defBif("erlang", "tuple_size", 1, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		t, ok := a[0].(Tuple)
		if !ok {
			return nil, excBadarg
		}
		return Int(len(t)), nil
	})
	defBif("erlang", "size", 1, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		switch t := a[0].(type) {
		case Tuple:
			return Int(len(t)), nil
		case Binary:
			return Int(len(t)), nil
		}
		return nil, excBadarg
	})
	defBif("erlang", "byte_size", 1, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		b, ok := a[0].(Binary)
		if !ok {
			return nil, excBadarg
		}
		return Int(len(b)), nil
	})
	defBif("erlang", "length", 1, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		n := ListLen(a[0])
		if n < 0 {
			return nil, excBadarg
		}
		return Int(n), nil
	})
	defBif("erlang", "hd", 1, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		c, ok := a[0].(*Cons)
		if !ok {
			return nil, excBadarg
		}
		return c.Head, nil
	})
	defBif("erlang", "tl", 1, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		c, ok := a[0].(*Cons)
		if !ok {
			return nil, excBadarg
		}
		return c.Tail, nil
	})
	defBif("erlang", "abs", 1, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		i, ok := a[0].(Int)
		if !ok {
			return nil, excBadarg
		}
		if i < 0 {
			return unop(opNeg, i)
		}
		return i, nil
	})
	defBif("erlang", "min", 2, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		if Compare(a[0], a[1]) <= 0 {
			return a[0], nil
		}
		return a[1], nil
	})
	defBif("erlang", "max", 2, true, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		if Compare(a[0], a[1]) >= 0 {
			return a[0], nil
		}
		return a[1], nil
	})
	defBif("erlang", "atom_to_list", 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		x, ok := a[0].(Atom)
		if !ok {
			return nil, excBadarg
		}
		return MkString(x.Name()), nil
	})
	listToAtom := func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		s, ok := StringValue(a[0])
		if !ok {
			return nil, excBadarg
		}
		if len([]rune(s)) > 255 {
			return nil, errorExc(ASystemLimit)
		}
		return Intern(s), nil
	}
	defBif("erlang", "list_to_atom", 1, false, listToAtom)
	defBif("erlang", "list_to_existing_atom", 1, false, func(m *machine, p *Proc, a []Term) (Term, *Exc) {
		s, ok := StringValue(a[0])
		if !ok {
			return nil, excBadarg
		}
		if at, ok := LookupAtom(s); ok {
			return at, nil
		}
		return nil, excBadarg
	})
	defBif("erlang", "integer_to_list", 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		i, ok := a[0].(Int)
		if !ok {
			return nil, excBadarg
		}
		return MkString(strconv.FormatInt(int64(i), 10)), nil
	})
	defBif("erlang", "integer_to_list", 2, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		i, ok := a[0].(Int)
		b, ok2 := a[1].(Int)
		if !ok || !ok2 || b < 2 || b > 36 {
			return nil, excBadarg
		}
		return MkString(strings.ToUpper(strconv.FormatInt(int64(i), int(b)))), nil
	})
	defBif("erlang", "list_to_integer", 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		s, ok := StringValue(a[0])
		if !ok {
			return nil, excBadarg
		}
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, parseIntExc(err)
		}
		return Int(i), nil
	})
	defBif("erlang", "list_to_integer", 2, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		s, ok := StringValue(a[0])
		b, ok2 := a[1].(Int)
		if !ok || !ok2 || b < 2 || b > 36 {
			return nil, excBadarg
		}
		i, err := strconv.ParseInt(s, int(b), 64)
		if err != nil {
			return nil, parseIntExc(err)
		}
		return Int(i), nil
	})
	defBif("erlang", "tuple_to_list", 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		t, ok := a[0].(Tuple)
		if !ok {
			return nil, excBadarg
		}
		return MkList(t...), nil
	})
	defBif("erlang", "list_to_tuple", 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		l, ok := ListToSlice(a[0])
		if !ok {
			return nil, excBadarg
		}
		return Tuple(l), nil
	})
	defBif("erlang", "make_tuple", 2, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		n, ok := a[0].(Int)
		if !ok || n < 0 || n > 1<<16 {
			return nil, excBadarg
		}
		t := make(Tuple, n)
		for i := range t {
			t[i] = a[1]
		}
		return t, nil
	})
	defBif("erlang", "append_element", 2, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		t, ok := a[0].(Tuple)
		if !ok {
			return nil, excBadarg
		}
		return append(append(Tuple(nil), t...), a[1]), nil
	})
	defBif("erlang", "pid_to_list", 1, false, func(m *machine, p *Proc, a []Term) (Term, *Exc) {
		q, ok := a[0].(Pid)
		if !ok {
			return nil, excBadarg
		}
		return MkString(m.sys.pidText(q, p.Pid.Node)), nil
	})
	defBif("erlang", "term_to_binary", 1, false, func(m *machine, _ *Proc, a []Term) (Term, *Exc) {
		b, ok := m.sys.termToBinary(a[0])
		if !ok {
			return nil, excBadarg
		}
		return b, nil
	})
	defBif("erlang", "binary_to_list", 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		b, ok := a[0].(Binary)
		if !ok {
			return nil, excBadarg
		}
		out := make([]Term, len(b))
		for i := 0; i < len(b); i++ {
			out[i] = Int(b[i])
		}
		return MkList(out...), nil
	})
	defBif("erlang", "list_to_binary", 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		var sb strings.Builder
		if !iolist(a[0], &sb) {
			return nil, excBadarg
		}
		return Binary(sb.String()), nil
	})
	defBif("erlang", "iolist_to_binary", 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		var sb strings.Builder
		if !iolist(a[0], &sb) {
			return nil, excBadarg
		}
		return Binary(sb.String()), nil
	})
	defBif("erlang", "atom_to_binary", 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
		x, ok := a[0].(Atom)
		if !ok {
			return nil, excBadarg
		}
		return Binary(x.Name()), nil
	})
	defBif("erlang", "phash2", 1, false, func(m *machine, _ *Proc, a []Term) (Term, *Exc) {
		return Int(phash(a[0]) % (1 << 27)), nil
	})
	defBif("erlang", "phash2", 2, false, func(m *machine, _ *Proc, a []Term) (Term, *Exc) {
		n, ok := a[1].(Int)
		if !ok || n < 1 {
			return nil, excBadarg
		}
		return Int(phash(a[0]) % uint64(n)), nil
	})
	defBif("io_lib", "format", 2, false, func(m *machine, p *Proc, a []Term) (Term, *Exc) {
		s, ok := m.sys.format(a[0], a[1], p.Pid.Node)
		if !ok {
			return nil, excBadarg
		}
		return MkString(s), nil
	})
	// The operators as functions: fun erlang:'+'/2, erlang:'=:='(A, B)...
	for i, name := range binopNames {
		op := i
		defBif("erlang", name, 2, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) { return binop(op, a[0], a[1]) })
	}
	for i, name := range unopNames {
		op := i
		defBif("erlang", name, 1, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) { return unop(op, a[0]) })
	}
	defBif("erlang", "raise", 3, false, raise)
	listsBifs()
}

// parseIntExc is list_to_integer's exception: badarg for a string that is
// not an integer, badarith for one beyond 64 bits (mcgo has no bignums).
func parseIntExc(err error) *Exc {
	if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
		return excBadarith
	}
	return excBadarg
}

// raise is erlang:raise/3. The stack trace given is checked but not kept:
// mcgo's stack traces are [] (see docs/semantics.md). Like OTP, an invalid
// class or stack trace makes raise return the atom badarg.
func raise(_ *machine, _ *Proc, a []Term) (Term, *Exc) {
	class, _ := a[0].(Atom)
	if class != AError && class != AExit && class != AThrow {
		return ABadarg, nil
	}
	entries, ok := ListToSlice(a[2])
	if !ok {
		return ABadarg, nil
	}
	for _, e := range entries {
		if t, ok := e.(Tuple); !ok || len(t) != 3 && len(t) != 4 {
			return ABadarg, nil
		}
	}
	return nil, &Exc{Class: class, Reason: a[1]}
}

func funArity(prog *Program, f *Fun) int {
	if f.Fn < 0 {
		return f.Arity
	}
	fn := prog.Funcs[f.Fn]
	return fn.Arity - fn.NFree
}

// iolist appends the bytes of an iolist (integers 0..255, binaries, nested
// lists) to sb.
func iolist(t Term, sb *strings.Builder) bool {
	for {
		switch c := t.(type) {
		case Nil:
			return true
		case Binary:
			sb.WriteString(string(c))
			return true
		case *Cons:
			switch h := c.Head.(type) {
			case Int:
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

// phash is a deterministic hash of a term (not Erlang's phash2 values).
func phash(t Term) uint64 {
	var b []byte
	b = appendTerm(b, t)
	var h uint64 = 1469598103934665603
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// ---------------------------------------------------------------------------
// lists (the first-order functions; the higher-order ones are in the prelude)

func listsBifs() {
	def := func(name string, arity int, fn func(a []Term) (Term, *Exc)) {
		defBif("lists", name, arity, false, func(_ *machine, _ *Proc, a []Term) (Term, *Exc) { return fn(a) })
	}
	list := func(t Term) ([]Term, *Exc) {
		l, ok := ListToSlice(t)
		if !ok {
			return nil, errorExc(AFunctionClause)
		}
		return l, nil
	}
	def("reverse", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		out := NilTerm
		for _, x := range l {
			out = &Cons{Head: x, Tail: out}
		}
		return out, nil
	})
	def("reverse", 2, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		out := a[1]
		for _, x := range l {
			out = &Cons{Head: x, Tail: out}
		}
		return out, nil
	})
	def("member", 2, func(a []Term) (Term, *Exc) {
		t := a[1]
		for {
			c, ok := t.(*Cons)
			if !ok {
				if _, isNil := t.(Nil); isNil {
					return AFalse, nil
				}
				return nil, excBadarg
			}
			if Equal(c.Head, a[0]) {
				return ATrue, nil
			}
			t = c.Tail
		}
	})
	def("nth", 2, func(a []Term) (Term, *Exc) {
		n, ok := a[0].(Int)
		l, e := list(a[1])
		if e != nil || !ok || n < 1 || int(n) > len(l) {
			return nil, errorExc(AFunctionClause)
		}
		return l[n-1], nil
	})
	def("nthtail", 2, func(a []Term) (Term, *Exc) {
		n, ok := a[0].(Int)
		if !ok || n < 0 {
			return nil, errorExc(AFunctionClause)
		}
		t := a[1]
		for i := 0; i < int(n); i++ {
			c, ok := t.(*Cons)
			if !ok {
				return nil, errorExc(AFunctionClause)
			}
			t = c.Tail
		}
		return t, nil
	})
	def("append", 2, func(a []Term) (Term, *Exc) { return binop(opAppend, a[0], a[1]) })
	def("append", 1, func(a []Term) (Term, *Exc) {
		ls, e := list(a[0])
		if e != nil {
			return nil, e
		}
		var out []Term
		for _, l := range ls {
			xs, e := list(l)
			if e != nil {
				return nil, e
			}
			out = append(out, xs...)
		}
		return MkList(out...), nil
	})
	def("subtract", 2, func(a []Term) (Term, *Exc) { return binop(opSubtract, a[0], a[1]) })
	def("sum", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		var s Term = Int(0)
		for _, x := range l {
			r, exc := binop(opAdd, s, x)
			if exc != nil {
				return nil, exc
			}
			s = r
		}
		return s, nil
	})
	keyfind := func(key Term, n Int, l []Term) int {
		for i, x := range l {
			if t, ok := x.(Tuple); ok && int(n) <= len(t) && Equal(t[n-1], key) {
				return i
			}
		}
		return -1
	}
	def("keyfind", 3, func(a []Term) (Term, *Exc) {
		n, ok := a[1].(Int)
		l, e := list(a[2])
		if !ok || n < 1 || e != nil {
			return nil, excBadarg
		}
		if i := keyfind(a[0], n, l); i >= 0 {
			return l[i], nil
		}
		return AFalse, nil
	})
	def("keymember", 3, func(a []Term) (Term, *Exc) {
		n, ok := a[1].(Int)
		l, e := list(a[2])
		if !ok || n < 1 || e != nil {
			return nil, excBadarg
		}
		return Bool(keyfind(a[0], n, l) >= 0), nil
	})
	def("keysearch", 3, func(a []Term) (Term, *Exc) {
		n, ok := a[1].(Int)
		l, e := list(a[2])
		if !ok || n < 1 || e != nil {
			return nil, excBadarg
		}
		if i := keyfind(a[0], n, l); i >= 0 {
			return MkTuple(Intern("value"), l[i]), nil
		}
		return AFalse, nil
	})
	def("keydelete", 3, func(a []Term) (Term, *Exc) {
		n, ok := a[1].(Int)
		l, e := list(a[2])
		if !ok || n < 1 || e != nil {
			return nil, errorExc(AFunctionClause)
		}
		if i := keyfind(a[0], n, l); i >= 0 {
			out := append(append([]Term(nil), l[:i]...), l[i+1:]...)
			return MkList(out...), nil
		}
		return a[2], nil
	})
	def("keyreplace", 4, func(a []Term) (Term, *Exc) {
		n, ok := a[1].(Int)
		l, e := list(a[2])
		if _, isTuple := a[3].(Tuple); !ok || n < 1 || e != nil || !isTuple {
			return nil, errorExc(AFunctionClause)
		}
		if i := keyfind(a[0], n, l); i >= 0 {
			out := append([]Term(nil), l...)
			out[i] = a[3]
			return MkList(out...), nil
		}
		return a[2], nil
	})
	def("keystore", 4, func(a []Term) (Term, *Exc) {
		n, ok := a[1].(Int)
		l, e := list(a[2])
		if _, isTuple := a[3].(Tuple); !ok || n < 1 || e != nil || !isTuple {
			return nil, errorExc(AFunctionClause)
		}
		out := append([]Term(nil), l...)
		if i := keyfind(a[0], n, l); i >= 0 {
			out[i] = a[3]
		} else {
			out = append(out, a[3])
		}
		return MkList(out...), nil
	})
	def("keysort", 2, func(a []Term) (Term, *Exc) {
		n, ok := a[0].(Int)
		l, e := list(a[1])
		if !ok || n < 1 {
			return nil, errorExc(AFunctionClause)
		}
		if e != nil {
			return nil, errorExc(MkTuple(ACaseClause, a[1]))
		}
		if len(l) < 2 {
			return a[1], nil // OTP looks at no element of a shorter list
		}
		for _, x := range l {
			if t, ok := x.(Tuple); !ok || len(t) < int(n) {
				return nil, excBadarg // element/2 fails
			}
		}
		out := append([]Term(nil), l...)
		sort.SliceStable(out, func(i, j int) bool { return Compare(out[i].(Tuple)[n-1], out[j].(Tuple)[n-1]) < 0 })
		return MkList(out...), nil
	})
	def("delete", 2, func(a []Term) (Term, *Exc) {
		l, e := list(a[1])
		if e != nil {
			return nil, e
		}
		for i, x := range l {
			if Equal(x, a[0]) {
				out := append(append([]Term(nil), l[:i]...), l[i+1:]...)
				return MkList(out...), nil
			}
		}
		return a[1], nil
	})
	def("sort", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		out := append([]Term(nil), l...)
		sort.SliceStable(out, func(i, j int) bool { return Compare(out[i], out[j]) < 0 })
		return MkList(out...), nil
	})
	def("usort", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		out := append([]Term(nil), l...)
		sort.SliceStable(out, func(i, j int) bool { return Compare(out[i], out[j]) < 0 })
		var u []Term
		for _, x := range out {
			if len(u) == 0 || !Equal(u[len(u)-1], x) {
				u = append(u, x)
			}
		}
		return MkList(u...), nil
	})
	def("zip", 2, func(a []Term) (Term, *Exc) {
		x, e1 := list(a[0])
		y, e2 := list(a[1])
		if e1 != nil || e2 != nil || len(x) != len(y) {
			return nil, errorExc(AFunctionClause)
		}
		out := make([]Term, len(x))
		for i := range x {
			out[i] = MkTuple(x[i], y[i])
		}
		return MkList(out...), nil
	})
	def("unzip", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		xs := make([]Term, len(l))
		ys := make([]Term, len(l))
		for i, t := range l {
			tt, ok := t.(Tuple)
			if !ok || len(tt) != 2 {
				return nil, errorExc(AFunctionClause)
			}
			xs[i], ys[i] = tt[0], tt[1]
		}
		return MkTuple(MkList(xs...), MkList(ys...)), nil
	})
	def("last", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil || len(l) == 0 {
			return nil, errorExc(AFunctionClause)
		}
		return l[len(l)-1], nil
	})
	def("droplast", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil || len(l) == 0 {
			return nil, errorExc(AFunctionClause)
		}
		return MkList(l[:len(l)-1]...), nil
	})
	def("duplicate", 2, func(a []Term) (Term, *Exc) {
		n, ok := a[0].(Int)
		if !ok || n < 0 || n > 1<<20 {
			return nil, errorExc(AFunctionClause)
		}
		out := NilTerm
		for i := 0; i < int(n); i++ {
			out = &Cons{Head: a[1], Tail: out}
		}
		return out, nil
	})
	def("flatten", 1, func(a []Term) (Term, *Exc) {
		var out []Term
		if !flatten(a[0], &out) {
			return nil, errorExc(AFunctionClause)
		}
		return MkList(out...), nil
	})
	def("max", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil || len(l) == 0 {
			return nil, errorExc(AFunctionClause)
		}
		m := l[0]
		for _, x := range l[1:] {
			if Compare(x, m) > 0 {
				m = x
			}
		}
		return m, nil
	})
	def("min", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil || len(l) == 0 {
			return nil, errorExc(AFunctionClause)
		}
		m := l[0]
		for _, x := range l[1:] {
			if Compare(x, m) < 0 {
				m = x
			}
		}
		return m, nil
	})
	// seq's errors are OTP's: seq/2 has a guard (function_clause), seq/3
	// raises badarg.
	seq := func(from, to, step Int, bad *Exc) (Term, *Exc) {
		if step == 0 && from != to || step > 0 && to < from-step || step < 0 && to > from-step {
			return nil, bad
		}
		var out []Term
		if step == 0 {
			return MkList(from), nil
		}
		for i := from; (step > 0 && i <= to) || (step < 0 && i >= to); i += step {
			out = append(out, i)
			if len(out) > 1<<20 {
				return nil, errorExc(ASystemLimit)
			}
		}
		return MkList(out...), nil
	}
	def("seq", 2, func(a []Term) (Term, *Exc) {
		f, ok1 := a[0].(Int)
		t, ok2 := a[1].(Int)
		if !ok1 || !ok2 {
			return nil, errorExc(AFunctionClause)
		}
		return seq(f, t, 1, errorExc(AFunctionClause))
	})
	def("seq", 3, func(a []Term) (Term, *Exc) {
		f, ok1 := a[0].(Int)
		t, ok2 := a[1].(Int)
		s, ok3 := a[2].(Int)
		if !ok1 || !ok2 || !ok3 {
			return nil, excBadarg
		}
		return seq(f, t, s, excBadarg)
	})
	def("sublist", 2, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		n, ok := a[1].(Int)
		if e != nil || !ok || n < 0 {
			return nil, errorExc(AFunctionClause)
		}
		if int(n) > len(l) {
			n = Int(len(l))
		}
		return MkList(l[:n]...), nil
	})
	def("sublist", 3, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		s, ok1 := a[1].(Int)
		n, ok2 := a[2].(Int)
		if e != nil || !ok1 || !ok2 || s < 1 || n < 0 || int(s) > len(l)+1 {
			return nil, errorExc(AFunctionClause)
		}
		l = l[s-1:]
		if int(n) > len(l) {
			n = Int(len(l))
		}
		return MkList(l[:n]...), nil
	})
	def("split", 2, func(a []Term) (Term, *Exc) {
		n, ok := a[0].(Int)
		l, e := list(a[1])
		if e != nil || !ok || n < 0 || int(n) > len(l) {
			return nil, errorExc(ABadarg)
		}
		return MkTuple(MkList(l[:n]...), MkList(l[n:]...)), nil
	})
	def("concat", 1, func(a []Term) (Term, *Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		var sb strings.Builder
		for _, x := range l {
			switch v := x.(type) {
			case Atom:
				sb.WriteString(v.Name())
			case Int:
				sb.WriteString(strconv.FormatInt(int64(v), 10))
			default:
				s, ok := StringValue(v)
				if !ok {
					return nil, errorExc(AFunctionClause)
				}
				sb.WriteString(s)
			}
		}
		return MkString(sb.String()), nil
	})
	def("prefix", 2, func(a []Term) (Term, *Exc) {
		x, e1 := list(a[0])
		y, e2 := list(a[1])
		if e1 != nil || e2 != nil {
			return nil, errorExc(AFunctionClause)
		}
		if len(x) > len(y) {
			return AFalse, nil
		}
		for i := range x {
			if !Equal(x[i], y[i]) {
				return AFalse, nil
			}
		}
		return ATrue, nil
	})
}

func flatten(t Term, out *[]Term) bool {
	for {
		switch c := t.(type) {
		case Nil:
			return true
		case *Cons:
			if IsList(c.Head) {
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
