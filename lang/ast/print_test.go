package ast

import (
	"bytes"
	"testing"

	"github.com/mcgo-dev/mcgo/lang/token"
)

func TestFprint(t *testing.T) {
	fs := token.NewFileSet()
	base := fs.AddFile("x.erl", []byte("f(X) -> {X, 'a b', \"s\"}.\n"))
	at := func(off int32) token.Pos { return token.Pos{File: base.File, Off: off} }
	fn := &Function{NamePos: at(0), Name: "f", Arity: 1, Clauses: []*Clause{{
		ClausePos: at(0),
		Params:    []Expr{&Var{NamePos: at(2), Name: "X"}},
		Guard:     Guard{{&Call{Fun: &Atom{NamePos: at(0), Name: "is_atom"}, Args: []Expr{&Var{Name: "X"}}}}},
		Body: []Expr{&Tuple{Lbrace: at(8), Elems: []Expr{
			&Var{NamePos: at(9), Name: "X"}, &Atom{NamePos: at(12), Name: "a b"}, &String{ValuePos: at(19), Value: "s"},
		}}},
	}}}
	var buf bytes.Buffer
	Fprint(&buf, fs, fn)
	want := `Function "f"/1 1:1
  Clause 1:1
    Params:
      Var X 1:3
    Guard:
      Alt:
        Call -
          Fun:
            Atom "is_atom" 1:1
          Args:
            Var X -
    Body:
      Tuple 1:9
        Var X 1:10
        Atom "a b" 1:13
        String "s" 1:20
`
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
	buf.Reset()
	Fprint(&buf, nil, fn.Clauses[0].Params[0])
	if buf.String() != "Var X -\n" {
		t.Errorf("without a FileSet: %q", buf.String())
	}
}
