package compile

import (
	"strconv"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Adding a built-in (a pure function, run inside a step):
//
//  1. Here, its row in builtins: module, name, arity (one row per arity),
//     Guard (allowed in guards), Result (what its result may hold: fromArgs,
//     the default, or noPid for a number, an atom, a boolean or a string, or
//     anyPid) and Flow (FlowFlags for what calling it may do; 0 for a
//     function of its arguments). TestBuiltinTable checks the row.
//  2. semantics/internal/vm/builtins.go: a named function
//     func(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) that
//     reads its arguments with the args helper (x := args{a: a}; i, t :=
//     x.int(0), x.tuple(1); if x.bad ... raise what OTP raises), and its
//     registration by the same key in that file's init: impl("erlang",
//     "element", 2, element). TestBuiltinsImplemented (vm) fails until
//     the row and the function both exist, once each.
//  3. Anything it reads outside its process and its arguments goes
//     through the machine's Host (vm.go), and a read of the state marks
//     the step impure (m.MakeRef, m.newAtom, m.existingAtom show how);
//     give such a built-in the Flow the reduction needs (FlowHazard for a
//     read a delivery may change).
//  4. A differential program in semantics/testdata/diff/ that prints its
//     results and errors under erl and mcgo (TestDiff).
//
// Adding an effect (a request that ends the step; for example
// erlang:read_timer/1):
//
//  1. effects.go: its Effect constant before NumEffects, and its row in
//     effects: Name (what traces print), Funcs (the functions that request
//     it, with their arities) and Flow, written without keys so that no
//     field is left out: {flags, hands, result, remote}: the FlowFlags it
//     always has, the argument whose pids it hands to another process
//     (arg(i), lastArg or noPid), what its result may hold (arg(i), noPid
//     or anyPid), and the arities at which it runs on another node (nil:
//     none). TestEffectTable fails for an effect without a row, a name, a
//     function or flow data; without flow data the analysis takes it to do
//     anything (TestEffectFlowHasNoHarmlessDefault).
//  2. The semantics package: its performer, its description in traces,
//     and its rule test (semantics/doc.go).

// builtin is a pure built-in function: implemented in Go by the process
// machine (semantics/internal/vm/builtins.go) and run inside a step, unlike
// an [Effect], which ends the step. Pure means that its result depends on
// its arguments and the loaded code only; a built-in that must read more
// (the references in use, the atoms a run made) reads it through the
// machine's Host, which marks the step impure.
type builtin struct {
	M, F  string
	Arity int
	Guard bool // allowed in guards
	// Result is what its result may hold, for the flow analysis: the pids
	// of its arguments (fromArgs, the zero value), noPid (a number, an atom, a
	// boolean or a string), or a pid whatever its arguments hold (anyPid).
	Result pidsOf
	// Flow is what calling it may do, for the flow analysis (FlowSelf for
	// self/0; FlowHazard for a read of the run-time atoms, which a delivery
	// may change).
	Flow FlowFlags
}

// builtins is the table of the pure built-ins; a built-in's index here is
// the operand of OpBif and GBif. The machine registers an implementation
// for each row by its key (module, name, arity); TestBuiltinsImplemented in
// vm fails when a row has no implementation or an implementation no row.
var builtins = [...]builtin{
	// Type tests.
	{M: "erlang", F: "is_atom", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_integer", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_number", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_float", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_list", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_tuple", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_pid", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_reference", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_port", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_map", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_function", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_binary", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_bitstring", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_boolean", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "is_function", Arity: 2, Guard: true, Result: noPid},
	{M: "erlang", F: "is_record", Arity: 2, Guard: true, Result: noPid},
	{M: "erlang", F: "is_record", Arity: 3, Guard: true, Result: noPid},

	// The process and its node.
	{M: "erlang", F: "self", Arity: 0, Guard: true, Result: anyPid, Flow: FlowSelf},
	{M: "erlang", F: "node", Arity: 0, Guard: true, Result: noPid},
	{M: "erlang", F: "node", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "make_ref", Arity: 0, Result: noPid},

	// Tuples, lists, numbers, conversions.
	{M: "erlang", F: "element", Arity: 2, Guard: true},
	{M: "erlang", F: "setelement", Arity: 3},
	{M: "erlang", F: "tuple_size", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "size", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "byte_size", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "length", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "hd", Arity: 1, Guard: true},
	{M: "erlang", F: "tl", Arity: 1, Guard: true},
	{M: "erlang", F: "abs", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "min", Arity: 2, Guard: true},
	{M: "erlang", F: "max", Arity: 2, Guard: true},
	{M: "erlang", F: "atom_to_list", Arity: 1, Result: noPid},
	{M: "erlang", F: "list_to_atom", Arity: 1, Result: noPid},
	{M: "erlang", F: "list_to_existing_atom", Arity: 1, Flow: FlowHazard},
	{M: "erlang", F: "integer_to_list", Arity: 1, Result: noPid},
	{M: "erlang", F: "integer_to_list", Arity: 2, Result: noPid},
	{M: "erlang", F: "list_to_integer", Arity: 1, Result: noPid},
	{M: "erlang", F: "list_to_integer", Arity: 2, Result: noPid},
	{M: "erlang", F: "tuple_to_list", Arity: 1},
	{M: "erlang", F: "list_to_tuple", Arity: 1},
	{M: "erlang", F: "make_tuple", Arity: 2},
	{M: "erlang", F: "append_element", Arity: 2},
	{M: "erlang", F: "pid_to_list", Arity: 1},
	{M: "erlang", F: "term_to_binary", Arity: 1},
	{M: "erlang", F: "binary_to_list", Arity: 1},
	{M: "erlang", F: "list_to_binary", Arity: 1},
	{M: "erlang", F: "iolist_to_binary", Arity: 1},
	{M: "erlang", F: "atom_to_binary", Arity: 1},
	{M: "erlang", F: "bit_size", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "binary_to_list", Arity: 3, Result: noPid},
	{M: "erlang", F: "bitstring_to_list", Arity: 1, Result: noPid},
	{M: "erlang", F: "list_to_bitstring", Arity: 1, Result: noPid},
	{M: "erlang", F: "iolist_size", Arity: 1, Result: noPid},
	{M: "erlang", F: "binary_part", Arity: 2, Guard: true, Result: noPid},
	{M: "erlang", F: "binary_part", Arity: 3, Guard: true, Result: noPid},
	{M: "erlang", F: "split_binary", Arity: 2, Result: noPid},
	{M: "erlang", F: "atom_to_binary", Arity: 2, Result: noPid},
	{M: "erlang", F: "binary_to_atom", Arity: 1, Result: noPid},
	{M: "erlang", F: "binary_to_atom", Arity: 2, Result: noPid},
	{M: "erlang", F: "binary_to_integer", Arity: 1, Result: noPid},
	{M: "erlang", F: "binary_to_integer", Arity: 2, Result: noPid},
	{M: "erlang", F: "integer_to_binary", Arity: 1, Result: noPid},
	{M: "erlang", F: "integer_to_binary", Arity: 2, Result: noPid},
	{M: "binary", F: "part", Arity: 2, Result: noPid},
	{M: "binary", F: "part", Arity: 3, Result: noPid},
	{M: "binary", F: "at", Arity: 2, Result: noPid},
	{M: "binary", F: "first", Arity: 1, Result: noPid},
	{M: "binary", F: "last", Arity: 1, Result: noPid},
	{M: "binary", F: "copy", Arity: 1, Result: noPid},
	{M: "binary", F: "copy", Arity: 2, Result: noPid},
	{M: "binary", F: "split", Arity: 2, Result: noPid},
	{M: "binary", F: "split", Arity: 3, Result: noPid},
	{M: "binary", F: "match", Arity: 2, Result: noPid},
	{M: "binary", F: "matches", Arity: 2, Result: noPid},
	{M: "binary", F: "replace", Arity: 3, Result: noPid},
	{M: "binary", F: "replace", Arity: 4, Result: noPid},
	{M: "binary", F: "bin_to_list", Arity: 1, Result: noPid},
	{M: "binary", F: "list_to_bin", Arity: 1, Result: noPid},
	{M: "binary", F: "decode_unsigned", Arity: 1, Result: noPid},
	{M: "binary", F: "encode_unsigned", Arity: 1, Result: noPid},
	{M: "erlang", F: "phash2", Arity: 1},
	{M: "erlang", F: "phash2", Arity: 2},
	{M: "io_lib", F: "format", Arity: 2},

	// The operators as functions: fun erlang:'+'/2, erlang:'=:='(A, B)...
	// (term.BinopNames, then term.UnopNames).
	{M: "erlang", F: "+", Arity: 2}, {M: "erlang", F: "-", Arity: 2},
	{M: "erlang", F: "*", Arity: 2}, {M: "erlang", F: "/", Arity: 2},
	{M: "erlang", F: "div", Arity: 2}, {M: "erlang", F: "rem", Arity: 2},
	{M: "erlang", F: "band", Arity: 2}, {M: "erlang", F: "bor", Arity: 2},
	{M: "erlang", F: "bxor", Arity: 2}, {M: "erlang", F: "bsl", Arity: 2},
	{M: "erlang", F: "bsr", Arity: 2}, {M: "erlang", F: "and", Arity: 2},
	{M: "erlang", F: "or", Arity: 2}, {M: "erlang", F: "xor", Arity: 2},
	{M: "erlang", F: "==", Arity: 2}, {M: "erlang", F: "/=", Arity: 2},
	{M: "erlang", F: "=<", Arity: 2}, {M: "erlang", F: "<", Arity: 2},
	{M: "erlang", F: ">=", Arity: 2}, {M: "erlang", F: ">", Arity: 2},
	{M: "erlang", F: "=:=", Arity: 2}, {M: "erlang", F: "=/=", Arity: 2},
	{M: "erlang", F: "++", Arity: 2}, {M: "erlang", F: "--", Arity: 2},
	{M: "erlang", F: "-", Arity: 1}, {M: "erlang", F: "+", Arity: 1},
	{M: "erlang", F: "not", Arity: 1}, {M: "erlang", F: "bnot", Arity: 1},

	{M: "erlang", F: "raise", Arity: 3},

	// lists: the first-order functions (the higher-order ones are in the
	// prelude, prelude/lists.erl).
	{M: "lists", F: "reverse", Arity: 1},
	{M: "lists", F: "reverse", Arity: 2},
	{M: "lists", F: "member", Arity: 2},
	{M: "lists", F: "nth", Arity: 2},
	{M: "lists", F: "nthtail", Arity: 2},
	{M: "lists", F: "append", Arity: 2},
	{M: "lists", F: "append", Arity: 1},
	{M: "lists", F: "subtract", Arity: 2},
	{M: "lists", F: "sum", Arity: 1},
	{M: "lists", F: "keyfind", Arity: 3},
	{M: "lists", F: "keymember", Arity: 3},
	{M: "lists", F: "keysearch", Arity: 3},
	{M: "lists", F: "keydelete", Arity: 3},
	{M: "lists", F: "keyreplace", Arity: 4},
	{M: "lists", F: "keystore", Arity: 4},
	{M: "lists", F: "keysort", Arity: 2},
	{M: "lists", F: "delete", Arity: 2},
	{M: "lists", F: "sort", Arity: 1},
	{M: "lists", F: "usort", Arity: 1},
	{M: "lists", F: "zip", Arity: 2},
	{M: "lists", F: "unzip", Arity: 1},
	{M: "lists", F: "last", Arity: 1},
	{M: "lists", F: "droplast", Arity: 1},
	{M: "lists", F: "duplicate", Arity: 2},
	{M: "lists", F: "flatten", Arity: 1},
	{M: "lists", F: "max", Arity: 1},
	{M: "lists", F: "min", Arity: 1},
	{M: "lists", F: "seq", Arity: 2},
	{M: "lists", F: "seq", Arity: 3},
	{M: "lists", F: "sublist", Arity: 2},
	{M: "lists", F: "sublist", Arity: 3},
	{M: "lists", F: "split", Arity: 2},
	{M: "lists", F: "concat", Arity: 1},
	{M: "lists", F: "prefix", Arity: 2},

	// Maps: the guard BIFs and the first-order functions of maps (the
	// higher-order ones are in the prelude, prelude/maps.erl).
	{M: "erlang", F: "map_size", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "map_get", Arity: 2, Guard: true},
	{M: "erlang", F: "is_map_key", Arity: 2, Guard: true, Result: noPid},
	{M: "maps", F: "get", Arity: 2},
	{M: "maps", F: "get", Arity: 3},
	{M: "maps", F: "find", Arity: 2},
	{M: "maps", F: "is_key", Arity: 2, Result: noPid},
	{M: "maps", F: "put", Arity: 3},
	{M: "maps", F: "update", Arity: 3},
	{M: "maps", F: "remove", Arity: 2},
	{M: "maps", F: "take", Arity: 2},
	{M: "maps", F: "new", Arity: 0, Result: noPid},
	{M: "maps", F: "size", Arity: 1, Result: noPid},
	{M: "maps", F: "keys", Arity: 1},
	{M: "maps", F: "values", Arity: 1},
	{M: "maps", F: "to_list", Arity: 1},
	{M: "maps", F: "from_list", Arity: 1},
	{M: "maps", F: "from_keys", Arity: 2},
	{M: "maps", F: "merge", Arity: 2},
	{M: "maps", F: "with", Arity: 2},
	{M: "maps", F: "intersect", Arity: 2},
	{M: "maps", F: "iterator", Arity: 1},
	{M: "maps", F: "next", Arity: 1},
	// Floats (vm/floats.go). Of math, only the functions whose results
	// mcgo computes bit for bit as OTP's C library does: Go's exp, log,
	// sin... differ in the last bit for some arguments, so they are not
	// modelled (refused).
	{M: "erlang", F: "float", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "round", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "trunc", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "floor", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "ceil", Arity: 1, Guard: true, Result: noPid},
	{M: "erlang", F: "float_to_list", Arity: 1, Result: noPid},
	{M: "erlang", F: "float_to_list", Arity: 2, Result: noPid},
	{M: "erlang", F: "list_to_float", Arity: 1, Result: noPid},
	{M: "math", F: "pi", Arity: 0, Result: noPid},
	{M: "math", F: "sqrt", Arity: 1, Result: noPid},
	{M: "math", F: "pow", Arity: 2, Result: noPid},
	{M: "math", F: "floor", Arity: 1, Result: noPid},
	{M: "math", F: "ceil", Arity: 1, Result: noPid},
	{M: "math", F: "fmod", Arity: 2, Result: noPid},

	// The process dictionary (vm/dict.go): the process's own state, like
	// self/0; what it holds may be any pid the process put there.
	{M: "erlang", F: "put", Arity: 2, Result: anyPid},
	{M: "erlang", F: "get", Arity: 1, Result: anyPid},
	{M: "erlang", F: "get", Arity: 0, Result: anyPid},
	{M: "erlang", F: "erase", Arity: 1, Result: anyPid},
	{M: "erlang", F: "erase", Arity: 0, Result: anyPid},
	{M: "erlang", F: "get_keys", Arity: 0, Result: anyPid},
	{M: "erlang", F: "get_keys", Arity: 1, Result: anyPid},
}

// NumBuiltins is the number of rows of the built-in table.
const NumBuiltins = len(builtins)

// builtinIndex finds a built-in's index by its key.
var builtinIndex = map[mfa]int{}

func init() {
	// Effects first, then built-ins: the order in which their names were
	// always interned.
	indexEffects()
	for i, b := range builtins {
		k := mfa{term.Intern(b.M), term.Intern(b.F), b.Arity}
		if _, dup := builtinIndex[k]; dup {
			panic("built-in listed twice: " + b.M + ":" + b.F)
		}
		if _, eff := effIndex[k]; eff {
			panic("built-in listed as an effect too: " + b.M + ":" + b.F)
		}
		builtinIndex[k] = i
	}
}

// LookupBuiltin returns the index of the built-in m:f/arity.
func LookupBuiltin(m, f term.Atom, arity int) (int, bool) {
	i, ok := builtinIndex[mfa{m, f, arity}]
	return i, ok
}

// BuiltinIndex returns the index of the built-in mod:name/arity: the
// machine registers its implementations by it.
func BuiltinIndex(mod, name string, arity int) (int, bool) {
	m, ok1 := term.LookupAtom(mod)
	f, ok2 := term.LookupAtom(name)
	if !ok1 || !ok2 {
		return 0, false
	}
	return LookupBuiltin(m, f, arity)
}

// BuiltinName returns the key of the built-in with index i, as
// mod:name/arity.
func BuiltinName(i int) string {
	b := &builtins[i]
	return b.M + ":" + b.F + "/" + strconv.Itoa(b.Arity)
}

// builtinAt returns the built-in with index i.
func builtinAt(i int32) *builtin { return &builtins[i] }
