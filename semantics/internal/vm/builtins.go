package vm

import (
	"sort"
	"strconv"
	"strings"

	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// bifFn implements a pure built-in function (builtin).
type bifFn func(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc)

// bifFns holds the implementation of each built-in, by its index in the
// built-in table.
var bifFns []bifFn

func defBif(mod, name string, arity int, guard bool, fn bifFn) {
	if i := compile.RegisterBuiltin(mod, name, arity, guard); i != len(bifFns) {
		panic("built-in table out of step")
	}
	bifFns = append(bifFns, fn)
}

func typeTest(name string, test func(term.Term) bool) {
	defBif("erlang", name, 1, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) { return term.Bool(test(a[0])), nil })
}

func init() {
	typeTest("is_atom", func(t term.Term) bool { _, ok := t.(term.Atom); return ok })
	typeTest("is_integer", func(t term.Term) bool { _, ok := t.(term.Int); return ok })
	typeTest("is_number", func(t term.Term) bool { _, ok := t.(term.Int); return ok })
	typeTest("is_float", func(t term.Term) bool { return false })
	typeTest("is_list", term.IsList)
	typeTest("is_tuple", func(t term.Term) bool { _, ok := t.(term.Tuple); return ok })
	typeTest("is_pid", func(t term.Term) bool { _, ok := t.(term.Pid); return ok })
	typeTest("is_reference", func(t term.Term) bool { _, ok := t.(term.Ref); return ok })
	typeTest("is_port", func(t term.Term) bool { return false })
	typeTest("is_map", func(t term.Term) bool { return false })
	typeTest("is_function", func(t term.Term) bool { _, ok := t.(*term.Fun); return ok })
	typeTest("is_binary", func(t term.Term) bool { _, ok := t.(term.Binary); return ok })
	typeTest("is_bitstring", func(t term.Term) bool { _, ok := t.(term.Binary); return ok })
	typeTest("is_boolean", func(t term.Term) bool { return t == term.ATrue || t == term.AFalse })
	defBif("erlang", "is_function", 2, true, func(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		f, ok := a[0].(*term.Fun)
		n, ok2 := a[1].(term.Int)
		if !ok2 || n < 0 {
			return nil, term.ExcBadarg
		}
		return term.Bool(ok && funArity(m.Code.Prog, f) == int(n)), nil
	})
	defBif("erlang", "is_record", 2, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		t, ok := a[0].(term.Tuple)
		return term.Bool(ok && len(t) > 0 && term.Equal(t[0], a[1])), nil
	})
	defBif("erlang", "is_record", 3, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		t, ok := a[0].(term.Tuple)
		n, _ := a[2].(term.Int)
		return term.Bool(ok && len(t) == int(n) && len(t) > 0 && term.Equal(t[0], a[1])), nil
	})

	defBif("erlang", "self", 0, true, func(_ *Machine, p *Proc, _ []term.Term) (term.Term, *term.Exc) { return p.Pid, nil })
	defBif("erlang", "node", 0, true, func(m *Machine, p *Proc, _ []term.Term) (term.Term, *term.Exc) {
		return m.Host.NodeAtom(p.Pid.Node), nil
	})
	defBif("erlang", "node", 1, true, func(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
		switch x := a[0].(type) {
		case term.Pid:
			return m.Host.NodeAtom(x.Node), nil
		case term.Ref:
			return m.Host.NodeAtom(x.Node), nil
		}
		return nil, term.ExcBadarg
	})
	defBif("erlang", "make_ref", 0, false, func(m *Machine, p *Proc, _ []term.Term) (term.Term, *term.Exc) {
		return m.MakeRef(p.Pid.Node), nil
	})
	defBif("erlang", "element", 2, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		i, ok1 := a[0].(term.Int)
		t, ok2 := a[1].(term.Tuple)
		if !ok1 || !ok2 || i < 1 || int(i) > len(t) {
			return nil, term.ExcBadarg
		}
		return t[i-1], nil
	})
	defBif("erlang", "setelement", 3, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		i, ok1 := a[0].(term.Int)
		t, ok2 := a[1].(term.Tuple)
		if !ok1 || !ok2 || i < 1 || int(i) > len(t) {
			return nil, term.ExcBadarg
		}
		n := append(term.Tuple(nil), t...)
		n[i-1] = a[2]
		return n, nil
	})
	defBif("erlang", "tuple_size", 1, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		t, ok := a[0].(term.Tuple)
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.Int(len(t)), nil
	})
	defBif("erlang", "size", 1, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		switch t := a[0].(type) {
		case term.Tuple:
			return term.Int(len(t)), nil
		case term.Binary:
			return term.Int(len(t)), nil
		}
		return nil, term.ExcBadarg
	})
	defBif("erlang", "byte_size", 1, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		b, ok := a[0].(term.Binary)
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.Int(len(b)), nil
	})
	defBif("erlang", "length", 1, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		n := term.ListLen(a[0])
		if n < 0 {
			return nil, term.ExcBadarg
		}
		return term.Int(n), nil
	})
	defBif("erlang", "hd", 1, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		c, ok := a[0].(*term.Cons)
		if !ok {
			return nil, term.ExcBadarg
		}
		return c.Head, nil
	})
	defBif("erlang", "tl", 1, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		c, ok := a[0].(*term.Cons)
		if !ok {
			return nil, term.ExcBadarg
		}
		return c.Tail, nil
	})
	defBif("erlang", "abs", 1, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		i, ok := a[0].(term.Int)
		if !ok {
			return nil, term.ExcBadarg
		}
		if i < 0 {
			return term.Unop(term.OpNeg, i)
		}
		return i, nil
	})
	defBif("erlang", "min", 2, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		if term.Compare(a[0], a[1]) <= 0 {
			return a[0], nil
		}
		return a[1], nil
	})
	defBif("erlang", "max", 2, true, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		if term.Compare(a[0], a[1]) >= 0 {
			return a[0], nil
		}
		return a[1], nil
	})
	defBif("erlang", "atom_to_list", 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		x, ok := a[0].(term.Atom)
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.MkString(x.Name()), nil
	})
	defBif("erlang", "list_to_atom", 1, false, func(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
		s, ok := term.StringValue(a[0])
		if !ok {
			return nil, term.ExcBadarg
		}
		if len([]rune(s)) > 255 {
			return nil, term.ErrorExc(term.ASystemLimit)
		}
		return m.newAtom(p.Pid.Node, s), nil
	})
	defBif("erlang", "list_to_existing_atom", 1, false, func(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
		s, ok := term.StringValue(a[0])
		if !ok {
			return nil, term.ExcBadarg
		}
		if at, ok := m.existingAtom(p.Pid.Node, s); ok {
			return at, nil
		}
		return nil, term.ExcBadarg
	})
	defBif("erlang", "integer_to_list", 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		i, ok := a[0].(term.Int)
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.MkString(strconv.FormatInt(int64(i), 10)), nil
	})
	defBif("erlang", "integer_to_list", 2, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		i, ok := a[0].(term.Int)
		b, ok2 := a[1].(term.Int)
		if !ok || !ok2 || b < 2 || b > 36 {
			return nil, term.ExcBadarg
		}
		return term.MkString(strings.ToUpper(strconv.FormatInt(int64(i), int(b)))), nil
	})
	defBif("erlang", "list_to_integer", 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		s, ok := term.StringValue(a[0])
		if !ok {
			return nil, term.ExcBadarg
		}
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, parseIntExc(err)
		}
		return term.Int(i), nil
	})
	defBif("erlang", "list_to_integer", 2, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		s, ok := term.StringValue(a[0])
		b, ok2 := a[1].(term.Int)
		if !ok || !ok2 || b < 2 || b > 36 {
			return nil, term.ExcBadarg
		}
		i, err := strconv.ParseInt(s, int(b), 64)
		if err != nil {
			return nil, parseIntExc(err)
		}
		return term.Int(i), nil
	})
	defBif("erlang", "tuple_to_list", 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		t, ok := a[0].(term.Tuple)
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.MkList(t...), nil
	})
	defBif("erlang", "list_to_tuple", 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		l, ok := term.ListToSlice(a[0])
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.Tuple(l), nil
	})
	defBif("erlang", "make_tuple", 2, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[0].(term.Int)
		if !ok || n < 0 || n > 1<<16 {
			return nil, term.ExcBadarg
		}
		t := make(term.Tuple, n)
		for i := range t {
			t[i] = a[1]
		}
		return t, nil
	})
	defBif("erlang", "append_element", 2, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		t, ok := a[0].(term.Tuple)
		if !ok {
			return nil, term.ExcBadarg
		}
		return append(append(term.Tuple(nil), t...), a[1]), nil
	})
	defBif("erlang", "pid_to_list", 1, false, func(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
		q, ok := a[0].(term.Pid)
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.MkString(term.PidText(m.Host, q, p.Pid.Node)), nil
	})
	defBif("erlang", "term_to_binary", 1, false, func(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		b, ok := term.TermToBinary(m.Host, a[0])
		if !ok {
			return nil, term.ExcBadarg
		}
		return b, nil
	})
	defBif("erlang", "binary_to_list", 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		b, ok := a[0].(term.Binary)
		if !ok {
			return nil, term.ExcBadarg
		}
		out := make([]term.Term, len(b))
		for i := 0; i < len(b); i++ {
			out[i] = term.Int(b[i])
		}
		return term.MkList(out...), nil
	})
	defBif("erlang", "list_to_binary", 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		var sb strings.Builder
		if !iolist(a[0], &sb) {
			return nil, term.ExcBadarg
		}
		return term.Binary(sb.String()), nil
	})
	defBif("erlang", "iolist_to_binary", 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		var sb strings.Builder
		if !iolist(a[0], &sb) {
			return nil, term.ExcBadarg
		}
		return term.Binary(sb.String()), nil
	})
	defBif("erlang", "atom_to_binary", 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		x, ok := a[0].(term.Atom)
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.Binary(x.Name()), nil
	})
	defBif("erlang", "phash2", 1, false, func(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		return term.Int(phash(m.Host, a[0]) % (1 << 27)), nil
	})
	defBif("erlang", "phash2", 2, false, func(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[1].(term.Int)
		if !ok || n < 1 {
			return nil, term.ExcBadarg
		}
		return term.Int(phash(m.Host, a[0]) % uint64(n)), nil
	})
	defBif("io_lib", "format", 2, false, func(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
		s, ok := term.Format(m.Host, a[0], a[1], p.Pid.Node)
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.MkString(s), nil
	})
	// The operators as functions: fun erlang:'+'/2, erlang:'=:='(A, B)...
	for i, name := range term.BinopNames {
		op := i
		defBif("erlang", name, 2, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) { return term.Binop(op, a[0], a[1]) })
	}
	for i, name := range term.UnopNames {
		op := i
		defBif("erlang", name, 1, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) { return term.Unop(op, a[0]) })
	}
	defBif("erlang", "raise", 3, false, raise)
	listsBifs()
}

// parseIntExc is list_to_integer's exception: badarg for a string that is
// not an integer, badarith for one beyond 64 bits (mcgo has no bignums).
func parseIntExc(err error) *term.Exc {
	if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
		return term.ExcBadarith
	}
	return term.ExcBadarg
}

// raise is erlang:raise/3. The stack trace given is checked but not kept:
// mcgo's stack traces are [] (see docs/semantics.md). Like OTP, an invalid
// class or stack trace makes raise return the atom badarg.
func raise(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	class, _ := a[0].(term.Atom)
	if class != term.AError && class != term.AExit && class != term.AThrow {
		return term.ABadarg, nil
	}
	entries, ok := term.ListToSlice(a[2])
	if !ok {
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

// ---------------------------------------------------------------------------
// lists (the first-order functions; the higher-order ones are in the prelude)

func listsBifs() {
	def := func(name string, arity int, fn func(a []term.Term) (term.Term, *term.Exc)) {
		defBif("lists", name, arity, false, func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) { return fn(a) })
	}
	list := func(t term.Term) ([]term.Term, *term.Exc) {
		l, ok := term.ListToSlice(t)
		if !ok {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		return l, nil
	}
	def("reverse", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		out := term.NilTerm
		for _, x := range l {
			out = &term.Cons{Head: x, Tail: out}
		}
		return out, nil
	})
	def("reverse", 2, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		out := a[1]
		for _, x := range l {
			out = &term.Cons{Head: x, Tail: out}
		}
		return out, nil
	})
	def("member", 2, func(a []term.Term) (term.Term, *term.Exc) {
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
	})
	def("nth", 2, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[0].(term.Int)
		l, e := list(a[1])
		if e != nil || !ok || n < 1 || int(n) > len(l) {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		return l[n-1], nil
	})
	def("nthtail", 2, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[0].(term.Int)
		if !ok || n < 0 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		t := a[1]
		for i := 0; i < int(n); i++ {
			c, ok := t.(*term.Cons)
			if !ok {
				return nil, term.ErrorExc(term.AFunctionClause)
			}
			t = c.Tail
		}
		return t, nil
	})
	def("append", 2, func(a []term.Term) (term.Term, *term.Exc) { return term.Binop(term.OpAppend, a[0], a[1]) })
	def("append", 1, func(a []term.Term) (term.Term, *term.Exc) {
		ls, e := list(a[0])
		if e != nil {
			return nil, e
		}
		var out []term.Term
		for _, l := range ls {
			xs, e := list(l)
			if e != nil {
				return nil, e
			}
			out = append(out, xs...)
		}
		return term.MkList(out...), nil
	})
	def("subtract", 2, func(a []term.Term) (term.Term, *term.Exc) { return term.Binop(term.OpSubtract, a[0], a[1]) })
	def("sum", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		var s term.Term = term.Int(0)
		for _, x := range l {
			r, exc := term.Binop(term.OpAdd, s, x)
			if exc != nil {
				return nil, exc
			}
			s = r
		}
		return s, nil
	})
	keyfind := func(key term.Term, n term.Int, l []term.Term) int {
		for i, x := range l {
			if t, ok := x.(term.Tuple); ok && int(n) <= len(t) && term.Equal(t[n-1], key) {
				return i
			}
		}
		return -1
	}
	def("keyfind", 3, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[1].(term.Int)
		l, e := list(a[2])
		if !ok || n < 1 || e != nil {
			return nil, term.ExcBadarg
		}
		if i := keyfind(a[0], n, l); i >= 0 {
			return l[i], nil
		}
		return term.AFalse, nil
	})
	def("keymember", 3, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[1].(term.Int)
		l, e := list(a[2])
		if !ok || n < 1 || e != nil {
			return nil, term.ExcBadarg
		}
		return term.Bool(keyfind(a[0], n, l) >= 0), nil
	})
	def("keysearch", 3, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[1].(term.Int)
		l, e := list(a[2])
		if !ok || n < 1 || e != nil {
			return nil, term.ExcBadarg
		}
		if i := keyfind(a[0], n, l); i >= 0 {
			return term.MkTuple(term.Intern("value"), l[i]), nil
		}
		return term.AFalse, nil
	})
	def("keydelete", 3, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[1].(term.Int)
		l, e := list(a[2])
		if !ok || n < 1 || e != nil {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		if i := keyfind(a[0], n, l); i >= 0 {
			out := append(append([]term.Term(nil), l[:i]...), l[i+1:]...)
			return term.MkList(out...), nil
		}
		return a[2], nil
	})
	def("keyreplace", 4, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[1].(term.Int)
		l, e := list(a[2])
		if _, isTuple := a[3].(term.Tuple); !ok || n < 1 || e != nil || !isTuple {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		if i := keyfind(a[0], n, l); i >= 0 {
			out := append([]term.Term(nil), l...)
			out[i] = a[3]
			return term.MkList(out...), nil
		}
		return a[2], nil
	})
	def("keystore", 4, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[1].(term.Int)
		l, e := list(a[2])
		if _, isTuple := a[3].(term.Tuple); !ok || n < 1 || e != nil || !isTuple {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		out := append([]term.Term(nil), l...)
		if i := keyfind(a[0], n, l); i >= 0 {
			out[i] = a[3]
		} else {
			out = append(out, a[3])
		}
		return term.MkList(out...), nil
	})
	def("keysort", 2, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[0].(term.Int)
		l, e := list(a[1])
		if !ok || n < 1 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		if e != nil {
			return nil, term.ErrorExc(term.MkTuple(term.ACaseClause, a[1]))
		}
		if len(l) < 2 {
			return a[1], nil // OTP looks at no element of a shorter list
		}
		for _, x := range l {
			if t, ok := x.(term.Tuple); !ok || len(t) < int(n) {
				return nil, term.ExcBadarg // element/2 fails
			}
		}
		out := append([]term.Term(nil), l...)
		sort.SliceStable(out, func(i, j int) bool { return term.Compare(out[i].(term.Tuple)[n-1], out[j].(term.Tuple)[n-1]) < 0 })
		return term.MkList(out...), nil
	})
	def("delete", 2, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[1])
		if e != nil {
			return nil, e
		}
		for i, x := range l {
			if term.Equal(x, a[0]) {
				out := append(append([]term.Term(nil), l[:i]...), l[i+1:]...)
				return term.MkList(out...), nil
			}
		}
		return a[1], nil
	})
	def("sort", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		out := append([]term.Term(nil), l...)
		sort.SliceStable(out, func(i, j int) bool { return term.Compare(out[i], out[j]) < 0 })
		return term.MkList(out...), nil
	})
	def("usort", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		out := append([]term.Term(nil), l...)
		sort.SliceStable(out, func(i, j int) bool { return term.Compare(out[i], out[j]) < 0 })
		var u []term.Term
		for _, x := range out {
			if len(u) == 0 || !term.Equal(u[len(u)-1], x) {
				u = append(u, x)
			}
		}
		return term.MkList(u...), nil
	})
	def("zip", 2, func(a []term.Term) (term.Term, *term.Exc) {
		x, e1 := list(a[0])
		y, e2 := list(a[1])
		if e1 != nil || e2 != nil || len(x) != len(y) {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		out := make([]term.Term, len(x))
		for i := range x {
			out[i] = term.MkTuple(x[i], y[i])
		}
		return term.MkList(out...), nil
	})
	def("unzip", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		xs := make([]term.Term, len(l))
		ys := make([]term.Term, len(l))
		for i, t := range l {
			tt, ok := t.(term.Tuple)
			if !ok || len(tt) != 2 {
				return nil, term.ErrorExc(term.AFunctionClause)
			}
			xs[i], ys[i] = tt[0], tt[1]
		}
		return term.MkTuple(term.MkList(xs...), term.MkList(ys...)), nil
	})
	def("last", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil || len(l) == 0 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		return l[len(l)-1], nil
	})
	def("droplast", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil || len(l) == 0 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		return term.MkList(l[:len(l)-1]...), nil
	})
	def("duplicate", 2, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[0].(term.Int)
		if !ok || n < 0 || n > 1<<20 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		out := term.NilTerm
		for i := 0; i < int(n); i++ {
			out = &term.Cons{Head: a[1], Tail: out}
		}
		return out, nil
	})
	def("flatten", 1, func(a []term.Term) (term.Term, *term.Exc) {
		var out []term.Term
		if !flatten(a[0], &out) {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		return term.MkList(out...), nil
	})
	def("max", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil || len(l) == 0 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		m := l[0]
		for _, x := range l[1:] {
			if term.Compare(x, m) > 0 {
				m = x
			}
		}
		return m, nil
	})
	def("min", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil || len(l) == 0 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		m := l[0]
		for _, x := range l[1:] {
			if term.Compare(x, m) < 0 {
				m = x
			}
		}
		return m, nil
	})
	// seq's errors are OTP's: seq/2 has a guard (function_clause), seq/3
	// raises badarg.
	seq := func(from, to, step term.Int, bad *term.Exc) (term.Term, *term.Exc) {
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
	def("seq", 2, func(a []term.Term) (term.Term, *term.Exc) {
		f, ok1 := a[0].(term.Int)
		t, ok2 := a[1].(term.Int)
		if !ok1 || !ok2 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		return seq(f, t, 1, term.ErrorExc(term.AFunctionClause))
	})
	def("seq", 3, func(a []term.Term) (term.Term, *term.Exc) {
		f, ok1 := a[0].(term.Int)
		t, ok2 := a[1].(term.Int)
		s, ok3 := a[2].(term.Int)
		if !ok1 || !ok2 || !ok3 {
			return nil, term.ExcBadarg
		}
		return seq(f, t, s, term.ExcBadarg)
	})
	def("sublist", 2, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		n, ok := a[1].(term.Int)
		if e != nil || !ok || n < 0 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		if int(n) > len(l) {
			n = term.Int(len(l))
		}
		return term.MkList(l[:n]...), nil
	})
	def("sublist", 3, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		s, ok1 := a[1].(term.Int)
		n, ok2 := a[2].(term.Int)
		if e != nil || !ok1 || !ok2 || s < 1 || n < 0 || int(s) > len(l)+1 {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		l = l[s-1:]
		if int(n) > len(l) {
			n = term.Int(len(l))
		}
		return term.MkList(l[:n]...), nil
	})
	def("split", 2, func(a []term.Term) (term.Term, *term.Exc) {
		n, ok := a[0].(term.Int)
		l, e := list(a[1])
		if e != nil || !ok || n < 0 || int(n) > len(l) {
			return nil, term.ErrorExc(term.ABadarg)
		}
		return term.MkTuple(term.MkList(l[:n]...), term.MkList(l[n:]...)), nil
	})
	def("concat", 1, func(a []term.Term) (term.Term, *term.Exc) {
		l, e := list(a[0])
		if e != nil {
			return nil, e
		}
		var sb strings.Builder
		for _, x := range l {
			switch v := x.(type) {
			case term.Atom:
				sb.WriteString(v.Name())
			case term.Int:
				sb.WriteString(strconv.FormatInt(int64(v), 10))
			default:
				s, ok := term.StringValue(v)
				if !ok {
					return nil, term.ErrorExc(term.AFunctionClause)
				}
				sb.WriteString(s)
			}
		}
		return term.MkString(sb.String()), nil
	})
	def("prefix", 2, func(a []term.Term) (term.Term, *term.Exc) {
		x, e1 := list(a[0])
		y, e2 := list(a[1])
		if e1 != nil || e2 != nil {
			return nil, term.ErrorExc(term.AFunctionClause)
		}
		if len(x) > len(y) {
			return term.AFalse, nil
		}
		for i := range x {
			if !term.Equal(x[i], y[i]) {
				return term.AFalse, nil
			}
		}
		return term.ATrue, nil
	})
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
