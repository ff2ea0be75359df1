package compile

import "github.com/mcgo-dev/mcgo/semantics/term"

// builtin describes a pure built-in function: implemented in Go by the
// process machine and run inside a step, unlike an [Effect], which ends the
// step. Pure means it reads nothing another process can change.
type builtin struct {
	M, F  term.Atom
	Arity int
	Guard bool // allowed in guards
}

var builtinTable []builtin

var builtinIndex = map[mfa]int{}

// registerBuiltin adds a built-in to the table and returns its index, the
// operand of OpBif. The process machine registers each function it
// implements, once.
func RegisterBuiltin(mod, name string, arity int, guard bool) int {
	k := mfa{term.Intern(mod), term.Intern(name), arity}
	if _, dup := builtinIndex[k]; dup {
		panic("built-in registered twice: " + mod + ":" + name)
	}
	builtinIndex[k] = len(builtinTable)
	builtinTable = append(builtinTable, builtin{M: k.M, F: k.F, Arity: arity, Guard: guard})
	return len(builtinTable) - 1
}

// lookupBuiltin returns the index of the built-in m:f/arity.
func LookupBuiltin(m, f term.Atom, arity int) (int, bool) {
	i, ok := builtinIndex[mfa{m, f, arity}]
	return i, ok
}

// builtinAt returns the built-in with index i.
func builtinAt(i int32) builtin { return builtinTable[i] }
