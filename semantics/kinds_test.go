package semantics

import (
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// TestEveryKind builds a value of every container kind, each hiding a pid
// and a reference beside a value of every scalar kind, and checks that the
// term walkers, the state encoding, the external term format, comparison
// and the writer all know every kind. A new kind (term.Kind) fails here
// until it has a sample and every one of those knows it.
func TestEveryKind(t *testing.T) {
	s := compileModel(t, "kinds.erl", []byte("-module(kinds).\n-export([start/0]).\n-mcgo({nodes, [a@h, b@h]}).\nstart() -> ok.\n"), nil, 0)
	pid := term.Pid{Node: 1, Lid: 7, Cr: 1}
	ref := term.Ref{Node: 1, N: 3, Cr: 1}
	atom := term.Intern("kinds_sample")
	scalars := map[term.Kind]term.Term{
		term.KindInt:    term.Int(-42),
		term.KindFloat:  term.Float(2.5),
		term.KindAtom:   atom,
		term.KindRef:    ref,
		term.KindPid:    pid,
		term.KindNil:    term.NilTerm,
		term.KindBinary: term.Binary("ab"),
	}
	inside := func() []term.Term {
		var out []term.Term
		for k := term.Kind(0); k < term.NumKinds; k++ {
			if v, ok := scalars[k]; ok {
				out = append(out, v)
			}
		}
		return out
	}
	containers := map[term.Kind]term.Term{
		term.KindTuple: term.Tuple(inside()),
		term.KindCons:  term.MkList(inside()...),
		term.KindFun:   &term.Fun{Fn: s.initFn, Env: inside()},
		term.KindMap:   mapOf(inside(), term.Tuple{pid, ref}),
	}
	samples := map[term.Kind]term.Term{}
	for k, v := range scalars {
		samples[k] = v
	}
	for k, v := range containers {
		samples[k] = v
	}
	var order []term.Term
	for k := term.Kind(0); k < term.NumKinds; k++ {
		v, ok := samples[k]
		if !ok {
			t.Fatalf("no sample of kind %s: add one to TestEveryKind", k)
		}
		if got, ok := term.KindOf(v); !ok || got != k {
			t.Fatalf("KindOf(sample of %s) = %s, %v", k, got, ok)
		}
		order = append(order, v)
	}
	for k, v := range samples {
		// The walkers find what the containers hide.
		var w walkSeen
		term.Walk(v, func(term.Pid) { w.pid = true }, func(term.Ref) { w.ref = true }, nil)
		if _, container := containers[k]; container && (!w.pid || !w.ref) {
			t.Errorf("Walk(%s) found pid %v, ref %v: want both", k, w.pid, w.ref)
		}
		atoms := 0
		term.Walk(v, nil, nil, func(a term.Atom) {
			if a == atom {
				atoms++
			}
		})
		if _, container := containers[k]; container && atoms != 1 {
			t.Errorf("Walk(%s) found the atom %d times, want 1", k, atoms)
		}
		// The state encoding round-trips it.
		b := s.appendTerm(nil, v)
		d := &decoder{s: s, b: b}
		back := d.term(0)
		if d.err != nil || len(d.b) != 0 || !term.Equal(back, v) {
			t.Errorf("encoding of %s does not round-trip: err %v, %d bytes left", k, d.err, len(d.b))
		}
		// The external term format encodes it.
		if _, ok := term.TermToBinary(s.namer(), v); !ok {
			t.Errorf("term_to_binary(%s) failed", k)
		}
		// The writer prints it, with the pid and reference it hides.
		for _, out := range []string{s.Write(v, 0), s.Print(v, 0), s.Label(v)} {
			if strings.Contains(out, "?") {
				t.Errorf("the writer does not know %s: %q", k, out)
			}
		}
		if _, container := containers[k]; container && k != term.KindFun {
			if out := s.Write(v, 0); !strings.Contains(out, "<2.7.0>") || !strings.Contains(out, "#Ref<2.0.0.3>") {
				t.Errorf("Write(%s) = %q: the pid or the reference is missing", k, out)
			}
		}
	}
	// Comparison: each sample equals itself, and the kinds follow
	// Erlang's term order.
	for i, a := range order {
		for j, b := range order {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := term.Compare(a, b); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", term.Kind(i), term.Kind(j), got, want)
			}
			if term.Equal(a, b) != (i == j) {
				t.Errorf("Equal(%s, %s) = %v", term.Kind(i), term.Kind(j), !(i == j))
			}
		}
	}
}

// mapOf is the map of each term of keys to its index, and of the key
// 1000 to v: it hides the scalars among its keys and v among its values.
func mapOf(keys []term.Term, v term.Term) *term.Map {
	vals := make([]term.Term, len(keys))
	for i := range vals {
		vals[i] = term.Int(i)
	}
	return term.NewMap(append(keys, term.Int(1000)), append(vals, v))
}

type walkSeen struct{ pid, ref bool }

// TestBitStringEncoding checks that a bitstring that is not a binary (the
// second representation of KindBinary) round-trips through the state
// encoding and encodes apart from the binary of the same bytes.
func TestBitStringEncoding(t *testing.T) {
	s := compileModel(t, "kinds.erl", []byte("-module(kinds).\n-export([start/0]).\nstart() -> ok.\n"), nil, 0)
	bits := term.MkBits([]byte{1, 0x40}, 11)
	for _, v := range []term.Term{bits, term.Tuple{bits, term.Binary("\x01\x40")}} {
		b := s.appendTerm(nil, v)
		d := &decoder{s: s, b: b}
		back := d.term(0)
		if d.err != nil || len(d.b) != 0 || !term.Equal(back, v) {
			t.Errorf("%v decoded as %v (err %v)", v, back, d.err)
		}
	}
	if string(s.appendTerm(nil, bits)) == string(s.appendTerm(nil, term.Binary("\x01\x40"))) {
		t.Error("<<1,2:3>> and <<1,64>> encode equally")
	}
}
