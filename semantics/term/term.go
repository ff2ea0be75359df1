package term

import (
	"strings"
	"sync"
)

// Term is an Erlang value. Its dynamic type is one of [Int], [Float], [Atom], [Pid],
// [Ref], [Nil], *[Cons], [Tuple], *[Map], *[Fun], [Binary], [BitString]. Terms are immutable:
// once built they are shared freely between processes and states.
type Term = any

// Int is an integer. mcgo's integers are 64-bit; an overflow is a badarith
// error in the model (Erlang has bignums; see docs/semantics.md).
type Int int64

// Float is a float: an IEEE 754 double, never NaN or infinite (an
// operation whose result would be one raises badarith, as in Erlang).
// 0.0 and -0.0 are equal (=:=, as in OTP 25) but print differently.
type Float float64

// Atom is an interned atom: an index into the atom table.
type Atom uint32

// Nil is the empty list [].
type Nil struct{}

// Cons is a list cell [Head | Tail].
type Cons struct {
	Head, Tail Term
}

// Tuple is {E1, ..., En}.
type Tuple []Term

// Binary is a sequence of bytes: a bitstring whose length is a multiple of
// 8. Every such bitstring is a Binary (never a [BitString]), so that equal
// terms have one representation (bits.go builds them).
type Binary string

// BitString is a bitstring whose length is not a multiple of 8. Bytes holds
// its bits, most significant first: the last byte's Bits (1..7) high bits
// are the bitstring's last bits and its other bits are zero. Its kind is
// KindBinary, as Erlang's binaries and bitstrings are one type.
type BitString struct {
	Bytes string
	Bits  uint8
}

// NodeID is the index of a node in the model's node table.
type NodeID uint16

// Pid is a process identifier ⟨node, local id, creation⟩. Two pids are equal
// iff all three parts are.
type Pid struct {
	Node NodeID
	Lid  uint32
	Cr   uint32
}

// Ref is a reference ⟨node, number, creation⟩.
type Ref struct {
	Node NodeID
	N    uint32
	Cr   uint32
}

// Fun is a fun value: a compiled function and the values it captured, or an
// external fun `fun M:F/A` (Fn < 0).
type Fun struct {
	Fn  int32  // index into Program.Funcs; -1 for an external fun
	Env []Term // captured values (local funs)
	// External funs:
	M, F  Atom
	Arity int
}

// NilTerm is the empty list.
var NilTerm Term = Nil{}

// ---------------------------------------------------------------------------
// Atoms

// atomTable interns atom names. It is shared by every program of the process:
// atoms are compared by name, never by index, so the numbering only has to be
// consistent within one run. Atoms interned while the table is sealed are
// "dynamic" (list_to_atom at run time) and are encoded by name.
type atomTable struct {
	mu    sync.RWMutex
	names []string
	index map[string]Atom
}

var atoms = func() *atomTable {
	t := &atomTable{index: map[string]Atom{}}
	for _, n := range builtinAtoms {
		t.intern(n)
	}
	return t
}()

// Atoms that the runtime itself uses, with fixed indices.
const (
	AFalse Atom = iota
	ATrue
	AOk
	AUndefined
	AEXIT
	ADOWN
	ANormal
	AKill
	AKilled
	ANoproc
	ANoconnection
	AProcess
	AError
	AExit
	AThrow
	ABadarg
	ABadarith
	ABadmatch
	ACaseClause
	AIfClause
	AFunctionClause
	AUndef
	ABadfun
	ABadarity
	ANocatch
	ATryClause
	AInfinity
	ANodedown
	ANodeup
	ATrapExit
	APong
	APang
	AShutdown
	AErlang
	ANonodeNohost
	ASystemLimit
	ANone
	ALists
	AIo
	ATimer
	ANetAdm
	ANetKernel
	ASpawnReply
	AMcgo
	ABadmap
	ABadkey
)

var builtinAtoms = []string{
	"false", "true", "ok", "undefined", "EXIT", "DOWN", "normal", "kill", "killed",
	"noproc", "noconnection", "process", "error", "exit", "throw", "badarg", "badarith",
	"badmatch", "case_clause", "if_clause", "function_clause", "undef", "badfun",
	"badarity", "nocatch", "try_clause", "infinity", "nodedown", "nodeup", "trap_exit",
	"pong", "pang", "shutdown", "erlang", "nonode@nohost", "system_limit", "none",
	"lists", "io", "timer", "net_adm", "net_kernel", "spawn_reply", "$mcgo",
	"badmap", "badkey",
}

func (t *atomTable) intern(name string) Atom {
	if a, ok := t.index[name]; ok {
		return a
	}
	a := Atom(len(t.names))
	t.names = append(t.names, name)
	t.index[name] = a
	return a
}

// Intern returns the atom with the given name, creating it if needed. It is
// safe for concurrent use.
func Intern(name string) Atom {
	atoms.mu.RLock()
	a, ok := atoms.index[name]
	atoms.mu.RUnlock()
	if ok {
		return a
	}
	atoms.mu.Lock()
	defer atoms.mu.Unlock()
	return atoms.intern(name)
}

// LookupAtom returns the atom named name if it exists.
func LookupAtom(name string) (Atom, bool) {
	atoms.mu.RLock()
	a, ok := atoms.index[name]
	atoms.mu.RUnlock()
	return a, ok
}

// RuntimeAtoms returns the atoms that the runtime itself uses (ok, 'EXIT',
// badarg...): they exist on every node.
func RuntimeAtoms() []Atom {
	out := make([]Atom, len(builtinAtoms))
	for i := range out {
		out[i] = Atom(i)
	}
	return out
}

// AtomCount returns the number of atoms interned so far: the atoms below
// it exist, and every atom interned later has a larger index.
func AtomCount() int {
	atoms.mu.RLock()
	defer atoms.mu.RUnlock()
	return len(atoms.names)
}

// Name returns the atom's text.
func (a Atom) Name() string {
	atoms.mu.RLock()
	defer atoms.mu.RUnlock()
	if int(a) < len(atoms.names) {
		return atoms.names[a]
	}
	return "?"
}

// Bool converts a Go bool to the atom true or false.
func Bool(b bool) Term {
	if b {
		return ATrue
	}
	return AFalse
}

// ---------------------------------------------------------------------------
// Construction helpers

// MkTuple builds a tuple.
func MkTuple(elems ...Term) Term { return Tuple(elems) }

// MkList builds a proper list.
func MkList(elems ...Term) Term { return ListWithTail(elems, NilTerm) }

// ListWithTail builds [E1, ..., En | tail].
func ListWithTail(elems []Term, tail Term) Term {
	l := tail
	for i := len(elems) - 1; i >= 0; i-- {
		l = &Cons{Head: elems[i], Tail: l}
	}
	return l
}

// MkString builds the list of character codes of s.
func MkString(s string) Term {
	rs := []rune(s)
	l := NilTerm
	for i := len(rs) - 1; i >= 0; i-- {
		l = &Cons{Head: Int(rs[i]), Tail: l}
	}
	return l
}

// ListToSlice returns the elements of a proper list, or ok=false.
func ListToSlice(t Term) (elems []Term, ok bool) {
	for {
		switch c := t.(type) {
		case Nil:
			return elems, true
		case *Cons:
			elems = append(elems, c.Head)
			t = c.Tail
		default:
			return elems, false
		}
	}
}

// ListLen returns the length of a proper list, or -1.
func ListLen(t Term) int {
	n := 0
	for {
		switch c := t.(type) {
		case Nil:
			return n
		case *Cons:
			n++
			t = c.Tail
		default:
			return -1
		}
	}
}

// StringValue returns the text of a list of character codes (a flat string),
// or ok=false.
func StringValue(t Term) (string, bool) {
	var b strings.Builder
	for {
		switch c := t.(type) {
		case Nil:
			return b.String(), true
		case *Cons:
			i, ok := c.Head.(Int)
			if !ok || i < 0 || i > 0x10FFFF {
				return "", false
			}
			b.WriteRune(rune(i))
			t = c.Tail
		default:
			return "", false
		}
	}
}

// IsList reports whether t is [] or a cons cell.
func IsList(t Term) bool {
	switch t.(type) {
	case Nil, *Cons:
		return true
	}
	return false
}

// ---------------------------------------------------------------------------
// Equality and term order

// typeRank orders the types: number < atom < reference < fun < port < pid <
// tuple < map < nil < list < bitstring.
// Integers and floats share a rank: numbers compare by value.
func typeRank(t Term) int {
	if k, ok := KindOf(t); ok {
		if k == KindFloat {
			k = KindInt
		}
		return int(k)
	}
	return int(NumKinds)
}

// Equal reports whether a =:= b: 1 =:= 1.0 is false, 0.0 =:= -0.0 is true
// (OTP 25). a == b is Compare(a, b) == 0.
func Equal(a, b Term) bool {
	for {
		switch x := a.(type) {
		case Int:
			y, ok := b.(Int)
			return ok && x == y
		case Float:
			y, ok := b.(Float)
			return ok && x == y
		case Atom:
			y, ok := b.(Atom)
			return ok && x == y
		case Nil:
			_, ok := b.(Nil)
			return ok
		case Pid:
			y, ok := b.(Pid)
			return ok && x == y
		case Ref:
			y, ok := b.(Ref)
			return ok && x == y
		case Binary:
			y, ok := b.(Binary)
			return ok && x == y
		case BitString:
			y, ok := b.(BitString)
			return ok && x == y
		case Tuple:
			y, ok := b.(Tuple)
			if !ok || len(x) != len(y) {
				return false
			}
			for i := range x {
				if !Equal(x[i], y[i]) {
					return false
				}
			}
			return true
		case *Map:
			y, ok := b.(*Map)
			return ok && equalMaps(x, y)
		case *Cons:
			y, ok := b.(*Cons)
			if !ok {
				return false
			}
			if x == y {
				return true
			}
			if !Equal(x.Head, y.Head) {
				return false
			}
			a, b = x.Tail, y.Tail
			continue
		case *Fun:
			y, ok := b.(*Fun)
			if !ok || x.Fn != y.Fn || len(x.Env) != len(y.Env) || x.M != y.M || x.F != y.F || x.Arity != y.Arity {
				return false
			}
			for i := range x.Env {
				if !Equal(x.Env[i], y.Env[i]) {
					return false
				}
			}
			return true
		}
		return false
	}
}

// Compare returns -1, 0 or 1 as a is less than, equal to or greater than b
// in Erlang's term order. It is 0 where a == b (1 and 1.0 are equal).
func Compare(a, b Term) int { return compare(a, b, false) }

// CompareExact is Compare where an integer and a float of the same value
// compare as the integer first: a total order in which 0 means a =:= b
// (the order of the keys of a process dictionary).
func CompareExact(a, b Term) int { return compare(a, b, true) }

func compare(a, b Term, exact bool) int {
	for {
		ra, rb := typeRank(a), typeRank(b)
		if ra != rb {
			return cmpInt(ra, rb)
		}
		switch x := a.(type) {
		case Int:
			if y, ok := b.(Float); ok {
				if c := -compareFloatInt(float64(y), int64(x)); c != 0 || !exact {
					return c
				}
				return -1
			}
			return cmpInt(int64(x), int64(b.(Int)))
		case Float:
			if y, ok := b.(Int); ok {
				if c := compareFloatInt(float64(x), int64(y)); c != 0 || !exact {
					return c
				}
				return 1
			}
			return cmpFloat(float64(x), float64(b.(Float)))
		case Atom:
			y := b.(Atom)
			if x == y {
				return 0
			}
			return strings.Compare(x.Name(), y.Name())
		case Nil:
			return 0
		case Ref:
			y := b.(Ref)
			if c := compareNode(x.Node, y.Node); c != 0 {
				return c
			}
			if c := cmpInt(int64(x.Cr), int64(y.Cr)); c != 0 {
				return c
			}
			return cmpInt(int64(x.N), int64(y.N))
		case Pid:
			y := b.(Pid)
			if c := compareNode(x.Node, y.Node); c != 0 {
				return c
			}
			if c := cmpInt(int64(x.Lid), int64(y.Lid)); c != 0 {
				return c
			}
			return cmpInt(int64(x.Cr), int64(y.Cr))
		case Binary, BitString:
			return compareBits(x, b)
		case Tuple:
			y := b.(Tuple)
			if len(x) != len(y) {
				return cmpInt(len(x), len(y))
			}
			for i := range x {
				if c := compare(x[i], y[i], exact); c != 0 {
					return c
				}
			}
			return 0
		case *Map:
			return compareMaps(x, b.(*Map), func(a, b Term) int { return compare(a, b, exact) })
		case *Cons:
			y := b.(*Cons)
			if c := compare(x.Head, y.Head, exact); c != 0 {
				return c
			}
			a, b = x.Tail, y.Tail
			continue
		case *Fun:
			y := b.(*Fun)
			if x.Fn != y.Fn {
				return cmpInt(x.Fn, y.Fn)
			}
			if x.M != y.M {
				return strings.Compare(x.M.Name(), y.M.Name())
			}
			if x.F != y.F {
				return strings.Compare(x.F.Name(), y.F.Name())
			}
			if x.Arity != y.Arity {
				return cmpInt(x.Arity, y.Arity)
			}
			if len(x.Env) != len(y.Env) {
				return cmpInt(len(x.Env), len(y.Env))
			}
			for i := range x.Env {
				if c := compare(x.Env[i], y.Env[i], exact); c != 0 {
					return c
				}
			}
			return 0
		}
		return 0
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareFloatInt compares a float with an integer by their exact values,
// as Erlang does (1 == 1.0; 9007199254740993 > 9007199254740992.0).
func compareFloatInt(f float64, i int64) int {
	switch {
	case f >= 1<<63:
		return 1
	case f < -(1 << 63):
		return -1
	}
	t := int64(f) // truncated toward zero: exact, as |f| < 2^63
	if t != i {
		return cmpInt(t, i)
	}
	return cmpFloat(f-float64(t), 0)
}

// compareNode orders nodes by their index, which follows the configured
// order (node names are not consulted: their order only matters to programs
// that sort pids of different nodes).
func compareNode(a, b NodeID) int { return cmpInt(int(a), int(b)) }

func cmpInt[T int | int32 | int64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
