package compile

import (
	"fmt"
	"slices"
	"testing"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// TestEffectTable fails when an effect lacks its row in the effect table
// (a name, the functions that request it, its flow data), or when a row
// contradicts itself: an argument its flow data names that some arity
// lacks, a remote arity it is not requested at, a function requested for
// two effects or also listed as a built-in.
func TestEffectTable(t *testing.T) {
	seen := map[string]Effect{}
	names := map[string]Effect{}
	for e := Effect(0); e < NumEffects; e++ {
		row := &effects[e]
		if row.Name == "" {
			t.Errorf("effect %d has no row in the effect table (effects.go)", e)
			continue
		}
		if prev, dup := names[row.Name]; dup {
			t.Errorf("effects %d and %d are both named %q", prev, e, row.Name)
		}
		names[row.Name] = e
		if len(row.Funcs) == 0 {
			t.Errorf("effect %s: no function requests it", row.Name)
		}
		var arities []int
		for _, f := range row.Funcs {
			if f.M == "" || f.F == "" || len(f.Arities) == 0 {
				t.Errorf("effect %s: incomplete function %v", row.Name, f)
			}
			for _, a := range f.Arities {
				key := fmt.Sprintf("%s:%s/%d", f.M, f.F, a)
				if prev, dup := seen[key]; dup {
					t.Errorf("%s requests both %s and %s", key, prev, e)
				}
				seen[key] = e
				if _, ok := BuiltinIndex(f.M, f.F, a); ok {
					t.Errorf("%s is both an effect (%s) and a built-in", key, e)
				}
				if got, ok := LookupEffect(term.Intern(f.M), term.Intern(f.F), a); !ok || got != e {
					t.Errorf("LookupEffect(%s) = %v, %v; want %s", key, got, ok, e)
				}
				arities = append(arities, a)
			}
		}
		fl := row.Flow
		if fl == nil {
			t.Errorf("effect %s has no flow data: the flow analysis takes it to do anything", row.Name)
			continue
		}
		for _, p := range []pidsOf{fl.hands, fl.result} {
			if p == fromArgs {
				t.Errorf("effect %s: say which argument (arg(i), lastArg), or noPid or anyPid", row.Name)
			}
			if p >= firstArg && int(p-firstArg) >= slices.Min(arities) {
				t.Errorf("effect %s: argument %d is beyond its arity %d", row.Name, p-firstArg, slices.Min(arities))
			}
		}
		for _, a := range fl.remote {
			if !slices.Contains(arities, a) {
				t.Errorf("effect %s: remote arity %d, but it is not requested at that arity", row.Name, a)
			}
		}
	}
}

// TestEffectFlowHasNoHarmlessDefault checks that the flow analysis takes an
// effect without flow data to do anything, and its result to hold a pid.
func TestEffectFlowHasNoHarmlessDefault(t *testing.T) {
	saved := effects[EffYield].Flow
	defer func() { effects[EffYield].Flow = saved }()
	effects[EffYield].Flow = nil
	s := aStack{ok: true}
	if f, r := effectFlow(EffYield, 0, &s); f != FlowAll || !r {
		t.Errorf("an effect without flow data: flags %b, result may hold a pid: %v; want %b, true", f, r, FlowAll)
	}
	if f, r := effectFlow(NumEffects, 0, &s); f != FlowAll || !r {
		t.Errorf("an effect beyond the table: flags %b, %v; want %b, true", f, r, FlowAll)
	}
}

// TestBuiltinTable checks the built-in table's rows and that the compiler
// finds each by its key at its index.
func TestBuiltinTable(t *testing.T) {
	if NumBuiltins != len(builtinIndex) {
		t.Errorf("%d rows, %d keys: a row is listed twice", NumBuiltins, len(builtinIndex))
	}
	for i := range builtins {
		b := &builtins[i]
		if b.M == "" || b.F == "" {
			t.Errorf("row %d: incomplete key %s", i, BuiltinName(i))
		}
		if j, ok := LookupBuiltin(term.Intern(b.M), term.Intern(b.F), b.Arity); !ok || j != i {
			t.Errorf("LookupBuiltin(%s) = %d, %v; want %d", BuiltinName(i), j, ok, i)
		}
		switch b.Result {
		case fromArgs, noPid, anyPid:
		default:
			t.Errorf("%s: the result of a built-in comes from its arguments (fromArgs), from none (noPid) or from anywhere (anyPid)", BuiltinName(i))
		}
	}
}
