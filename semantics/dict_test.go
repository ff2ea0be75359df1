package semantics

import (
	"bytes"
	"testing"

	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

const dictModel = `-module(model).
-export([start/0]).
start() -> receive stop -> ok end.
`

// withDict returns a copy of st whose first process has the dictionary d.
func withDict(st *State, d *vm.Dict) *State {
	s := *st
	s.Procs = append([]*Proc(nil), st.Procs...)
	p := st.Procs[0].clone()
	p.Dict = d
	s.Procs[0] = p
	return &s
}

func dict(kv ...term.Term) *vm.Dict {
	d := &vm.Dict{}
	for i := 0; i < len(kv); i += 2 {
		d.Entries = append(d.Entries, vm.DictEntry{Key: kv[i], Val: kv[i+1]})
	}
	return d
}

// TestDictInKey: two states that differ only in a process dictionary are
// two states (their keys differ), and a key decodes to the dictionary it
// encodes.
func TestDictInKey(t *testing.T) {
	sys := compileModel(t, "model.erl", []byte(dictModel), nil, 0)
	st := sys.Initial()[0]
	k, j := term.Intern("k"), term.Intern("j")
	dicts := []*vm.Dict{
		nil,
		dict(k, term.Int(1)),
		dict(k, term.Int(2)),
		dict(k, term.Float(1)),
		dict(k, term.Float(0)),
		dict(k, term.Float(negZero())),
		dict(term.Int(1), term.Int(1)),
		dict(term.Float(1), term.Int(1)),
		dict(j, term.Int(1), k, term.Int(1)),
	}
	seen := map[string]int{}
	for i, d := range dicts {
		s := withDict(st, d)
		key := sys.AppendKey(nil, s)
		if prev, dup := seen[string(key)]; dup {
			t.Fatalf("dictionaries %d and %d encode equally", prev, i)
		}
		seen[string(key)] = i
		back, err := sys.DecodeKey(key)
		if err != nil {
			t.Fatal(err)
		}
		if again := sys.AppendKey(nil, back); !bytes.Equal(again, key) {
			t.Fatalf("dictionary %d: the decoded state encodes differently", i)
		}
		if got := back.Procs[0].Dict; (got == nil) != (d == nil) || d != nil && len(got.Entries) != len(d.Entries) {
			t.Fatalf("dictionary %d: decoded as %v", i, got)
		}
	}
	// The same dictionary built apart encodes equally.
	a := sys.AppendKey(nil, withDict(st, dict(j, term.Int(1), k, term.Int(2))))
	b := sys.AppendKey(nil, withDict(st, dict(j, term.Int(1), k, term.Int(2))))
	if !bytes.Equal(a, b) {
		t.Fatal("equal dictionaries encode differently")
	}
}

func negZero() float64 { z := 0.0; return -z }

// TestRefsInDict: a reference kept only in a process dictionary is in
// use, so make_ref/0 does not hand out its number again.
func TestRefsInDict(t *testing.T) {
	sys := compileModel(t, "model.erl", []byte(dictModel), nil, 0)
	st := sys.Initial()[0]
	p := st.Procs[0]
	r := term.Ref{Node: p.Pid.Node, Cr: p.Pid.Cr, N: 7}
	if refsInUse(st, r.Node, r.Cr)[7] {
		t.Fatal("reference 7 in use before it is stored")
	}
	s := withDict(st, dict(term.Intern("k"), term.MkTuple(term.Intern("w"), r)))
	if !refsInUse(s, r.Node, r.Cr)[7] {
		t.Fatal("a reference in a dictionary value is not in use")
	}
	s = withDict(st, dict(r, term.Int(1)))
	if !refsInUse(s, r.Node, r.Cr)[7] {
		t.Fatal("a reference as a dictionary key is not in use")
	}
}
