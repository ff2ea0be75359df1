package compile

import (
	"strconv"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// TestLiteralIsOneConstant: a list or tuple of literals compiles to one
// constant, as erlc makes it, not to one push per element: a model with a
// 500,000-element literal list took 23 GB in the flow analysis, which
// copied the growing abstract stack at each push. A list with a variable
// in it is still built at run time.
func TestLiteralIsOneConstant(t *testing.T) {
	const n = 5000
	elems := make([]string, n)
	for i := range elems {
		elems[i] = strconv.Itoa(i % 7)
	}
	src := "-module(lit).\n-export([f/0, g/1]).\nf() -> {[" + strings.Join(elems, ",") + "], {a, \"s\", [b | c]}}.\ng(X) -> [1, X, 3].\n"
	fs := token.NewFileSet()
	m, errs := lang.Load(fs, "lit.erl", []byte(src), nil)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	prog, err := CompileModules(fs, []*ast.Module{m.Module}, []bool{false})
	if err != nil {
		t.Fatal(err)
	}
	f, ok := prog.Lookup(term.Intern("lit"), term.Intern("f"), 0)
	if !ok {
		t.Fatal("lit:f/0 not compiled")
	}
	if code := prog.Funcs[f].Code; len(code) > 4 {
		t.Errorf("lit:f/0 compiles to %d instructions, want a constant and a return", len(code))
	}
	g, _ := prog.Lookup(term.Intern("lit"), term.Intern("g"), 1)
	var lists int
	for _, in := range prog.Funcs[g].Code {
		if in.Op == OpList {
			lists++
		}
	}
	if lists != 1 {
		t.Errorf("lit:g/1 builds %d lists, want 1 (it holds a variable)", lists)
	}
}
