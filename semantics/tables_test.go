package semantics

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
)

// TestNames fails when a kind has no name: the name arrays are keyed by
// their constants and sized by the count, so a constant added without its
// row leaves an empty name.
func TestNames(t *testing.T) {
	for k := StepKind(0); k < numStepKinds; k++ {
		if stepKindNames[k] == "" {
			t.Errorf("step kind %d has no name (step.go)", k)
		}
	}
	for k := SigKind(0); k < numSigKinds; k++ {
		if sigNames[k] == "" {
			t.Errorf("signal kind %d has no name (state.go)", k)
		}
	}
	if len(lang.FaultKinds) != int(numFaultKinds) {
		t.Errorf("lang has %d fault kinds, semantics %d", len(lang.FaultKinds), numFaultKinds)
	}
	for k := faultKind(0); k < numFaultKinds; k++ {
		if faultNames[k] == "" || int(k) < len(lang.FaultKinds) && faultNames[k] != lang.FaultKinds[k] {
			t.Errorf("fault kind %d is %q in semantics (system.go), %q in lang", k, faultNames[k], lang.FaultKinds[k])
		}
	}
	for op := compile.Op(0); op < compile.NumOps; op++ {
		if op.String() == "" || op.String() == "op?" {
			t.Errorf("operation %d has no name (compile/ir.go)", op)
		}
	}
	for e := compile.Effect(0); e < compile.NumEffects; e++ {
		if e.String() == "" || e.String() == "effect?" {
			t.Errorf("effect %d has no name (compile/effects.go)", e)
		}
	}
}

// TestEveryOpHandled reads the sources of the process machine and of the
// flow analysis: each must name every operation of the IR in a case of its
// switch over operations, so that a new operation cannot fall into a
// default that hides it.
func TestEveryOpHandled(t *testing.T) {
	ops := opConstants(t, "internal/compile/ir.go")
	if len(ops) != int(compile.NumOps) {
		t.Fatalf("found %d operation constants in ir.go, want %d", len(ops), compile.NumOps)
	}
	for _, file := range []string{"internal/vm/vm.go", "internal/compile/flow.go"} {
		named := caseIdents(t, file)
		for _, op := range ops {
			if !named[op] {
				t.Errorf("%s does not handle %s: give it a case", file, op)
			}
		}
	}
}

// opConstants lists the operation constants of ir.go, in order.
func opConstants(t *testing.T, path string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			for _, n := range s.(*ast.ValueSpec).Names {
				if strings.HasPrefix(n.Name, "Op") {
					ops = append(ops, n.Name)
				}
			}
		}
	}
	return ops
}

// caseIdents returns the names that case clauses of path list (OpX or
// compile.OpX).
func caseIdents(t *testing.T, path string) map[string]bool {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		cc, ok := n.(*ast.CaseClause)
		if !ok {
			return true
		}
		for _, e := range cc.List {
			switch x := e.(type) {
			case *ast.Ident:
				out[x.Name] = true
			case *ast.SelectorExpr:
				out[x.Sel.Name] = true
			}
		}
		return true
	})
	return out
}
