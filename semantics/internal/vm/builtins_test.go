package vm

import (
	"testing"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// TestBuiltinsImplemented fails when a row of the built-in table has no
// implementation, or an implementation has no row or is registered twice.
func TestBuiltinsImplemented(t *testing.T) {
	for _, p := range tableProblems {
		t.Error(p)
	}
}

// TestArgs checks the argument-unpacking helper: a getter returns the
// argument, or the zero value of its type and sets bad.
func TestArgs(t *testing.T) {
	improper := &term.Cons{Head: term.Int(1), Tail: term.Int(2)}
	for _, c := range []struct {
		name      string
		get       func(x *args) bool // reads argument 0; true when it returned the zero value
		good, bad term.Term
	}{
		{"int", func(x *args) bool { return x.int(0) == 0 }, term.Int(3), term.AOk},
		{"atom", func(x *args) bool { return x.atom(0) == 0 }, term.AOk, term.Int(3)},
		{"tuple", func(x *args) bool { return x.tuple(0) == nil }, term.MkTuple(term.AOk), term.NilTerm},
		{"binary", func(x *args) bool { return x.binary(0) == "" }, term.Binary("b"), term.MkString("b")},
		{"pid", func(x *args) bool { return x.pid(0) == term.Pid{} }, term.Pid{Node: 1, Lid: 2}, term.AOk},
		{"cons", func(x *args) bool { return x.cons(0) == nil }, improper, term.NilTerm},
		{"list", func(x *args) bool { return x.list(0) == nil }, term.MkList(term.AOk), improper},
		{"str", func(x *args) bool { return x.str(0) == "" }, term.MkString("ab"), term.MkList(term.AOk)},
	} {
		x := args{a: []term.Term{c.good}}
		if zero := c.get(&x); zero || x.bad {
			t.Errorf("%s(%v): zero value %v, bad %v; want false, false", c.name, c.good, zero, x.bad)
		}
		x = args{a: []term.Term{c.bad}}
		if zero := c.get(&x); !zero || !x.bad {
			t.Errorf("%s(%v): zero value %v, bad %v; want true, true", c.name, c.bad, zero, x.bad)
		}
	}
}
