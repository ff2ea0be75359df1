// Package semantics turns a checked Erlang model into a transition system:
// its states, the transitions of the single-node and distributed semantics
// (docs/semantics.md), the faults, and the canonical encoding of a state that
// the explorer stores.
//
// # Rooms
//
// The package is built in layers, each a package that imports only the ones
// before it (deps_test.go at the root enforces the order):
//
//   - [github.com/mcgo-dev/mcgo/semantics/term]: Erlang values. The term
//     types and their kinds (term.Kind), the atom table, equality and term
//     order, arithmetic, the one walker that finds pids, references and
//     atoms inside a term (term.Walk), the ~w/~p/io_lib:format writer behind a
//     small naming interface (term.Namer), and the external term format.
//     It imports nothing of mcgo.
//   - semantics/internal/compile: the compiler from the syntax tree to the
//     bytecode (the IR: Op, Func, Pat, Guard, Recv), liveness, the flow
//     analysis of the partial-order reduction, the table of effects (what a
//     process asks of the world; each ends a step) and the table of
//     built-ins (pure functions run inside a step), and the Erlang prelude
//     (prelude/*.erl, embedded).
//   - semantics/internal/vm: the process machine. It runs a process's code
//     (vm.Proc: status, frames, stack, handlers) up to its next effect,
//     receive or end, and implements the built-ins. It reads nothing
//     outside the process except the compiled code (vm.Code) and the
//     vm.Host.
//   - semantics (this package): the system and its states, copy-on-write
//     editing of a state (state.go: edit, arena), the transition rules
//     (step.go lists and applies transitions; effect.go dispatches effects
//     to the file of their family: signals.go for sends, links, monitors,
//     channels, connections and deliveries, exits.go, processes.go,
//     nodes.go, timers.go, faults.go), the canonical key (encode.go) and its
//     compact form (intern.go), remembered local steps (memo.go), the
//     partial-order reduction (por.go), property histories (hist.go) and
//     the descriptions of steps for traces (describe.go).
//
// # Invariants
//
// States are immutable: a transition builds its successor through an edit,
// which copies each part (a node list, a process, a channel) the first time
// it changes it. Processes held by a state are shared by many states and by
// the intern tables; never change one in place.
//
// The key is canonical: two states that no program can tell apart encode
// equally, and different states differently. Every field of [State], [Node],
// [Proc] and [Signal] is encoded (encode.go) and decoded; FuzzStateKey and
// TestDecodeReusingKeys check the round trip.
//
// A local step reads nothing but its own process. The memo (memo.go)
// replays a process's receive, timeout, arrival or send continuation from
// what the same process did before, and the partial-order reduction (por.go)
// takes a receive or a delivery alone; both are sound only when the step
// depended on the process and nothing else. The machine reads the world only
// through vm.Host; a host read that depends on the state (the references in
// use, for make_ref/0; the atoms a run has made, for list_to_atom/1 and
// list_to_existing_atom/1) sets Machine.Impure, and the memo and the
// reduction read that one flag. A new host read of the state must set it
// too (vm.go: MakeRef, newAtom, existingAtom show how).
//
// Every table knows every kind. A term kind without its sample fails
// TestEveryKind (which runs the walkers, the encoding, the external term
// format, comparison and the writer on a value of every kind); an effect
// without a performer fails TestEveryEffectPerformed; an effect without its
// row (name, functions, flow data) fails TestEffectTable (compile), and the
// flow analysis treats an effect without flow data as one that may do
// anything; a built-in row without its implementation, or an implementation
// without its row, fails TestBuiltinsImplemented (vm); an operation, step
// kind, signal kind or fault kind without a name fails TestNames; an
// operation that the machine or the flow
// analysis does not name fails TestEveryOpHandled (liveness treats an
// operation it does not name as one that falls through and touches no
// slot: check it by hand).
//
// # Adding a built-in (a pure function, run inside a step)
//
// A function is pure when its result depends only on its arguments (and on
// the loaded code). Anything that reads the state of other processes, of a
// node or of time is an effect (next section), or a host read that marks
// the step impure.
//
//  1. compile/builtins.go: a row in builtins, one per arity: M, F, Arity,
//     Guard, Result (fromArgs, the default; noPid for a number, atom,
//     boolean or string; anyPid as for self/0) and Flow (0 for a function
//     of its arguments; FlowHazard for a host read that a delivery may
//     change).
//  2. vm/builtins.go: a named func(m *Machine, p *Proc, a []term.Term)
//     (term.Term, *term.Exc) that reads its arguments with the one helper,
//     x := args{a: a}; i, t := x.int(0), x.tuple(1); if x.bad {...}, and
//     raises what OTP raises (badarg; function_clause for most of lists).
//     Register it with impl("mod", "name", arity, fn) in that file's init;
//     TestBuiltinsImplemented fails until row and function both exist.
//  3. Add a differential program to semantics/testdata/diff/ that prints
//     its results and its errors under erl and mcgo (TestDiff).
//  4. MCGO_UPDATE=1 go test ./semantics/internal/compile -run TestLibraryDoc
//     lists it in docs/library.md (TestLibraryDoc fails until then); say
//     in docs/semantics.md what it does that the reader would not guess.
//
// A function that OTP 25 exports (compile/otp25_exports.txt) and that has
// no row is refused: statically where a call names it (Refusals, run by
// mcgo parse and by New), and at run time where it is reached through
// apply/3, M:F(...) or fun M:F/A (the machine sets a Bound starting with
// vm.UnsupportedPrefix; [System.Unsupported] ends the search as
// unsupported). A function OTP 25 lacks raises undef.
//
// # Adding an effect (for example erlang:read_timer/1)
//
//  1. compile/effects.go: a new Effect constant before NumEffects, and its
//     row: Name (what traces print), Funcs (for read_timer:
//     []funcs{{"erlang", "read_timer", []int{1, 2}}}), and Flow:
//     &flow{flags, hands, result, remote} without keys, where hands is
//     arg(i), lastArg or noPid (whose pids the effect hands to another
//     process), result is arg(i), noPid or anyPid, and remote the arities
//     run on another node (nil for none). A forgotten row fails
//     TestEffectTable, and there is no default that means "harmless":
//     without flow data the analysis assumes FlowAll.
//  2. semantics/effect.go: its performer in performers, a method in the file
//     of its family (read_timer: timers.go). TestEveryEffectPerformed fails
//     until it is there.
//  3. describe.go, when the step needs more than "name(args) = result" in
//     traces.
//  4. por.go and memo.go need nothing for an effect: effects are never
//     remembered or taken alone. If the effect changes what another
//     process's local step may read, that read must be a host read of the
//     state (see the invariant above).
//  5. A rule test (semantics/testdata/rules/*.txtar), a differential test
//     where the outcome is deterministic, and its rule in docs/semantics.md.
//
// # Adding a step kind
//
//  1. step.go: the StepKind constant before numStepKinds and its name
//     (TestNames); where transitions lists the enabled transitions, the new
//     kind; in stepper.apply, the case that applies it.
//  2. describe.go: how traces tell it; trace/ and properties/ if they
//     treat it apart (faults, deliveries).
//  3. por.go: whether it may be taken alone (default: never), and memo.go:
//     whether it is a local step (default: not remembered).
//  4. A rule test and docs/semantics.md.
//
// # Adding a term kind (maps, floats...)
//
//  1. term/term.go: the Go type; term/kind.go: its Kind (in Erlang's term
//     order) and its case in KindOf.
//  2. TestEveryKind (kinds_test.go): a sample; it then fails until each of
//     these knows the kind: term.Walk (walk.go),
//     term.Equal and term.Compare (term.go), the writer (format.go), the
//     external term format (etf.go), the state encoding and its decoder
//     (encode.go: appendTerm, decoder.term), and the trace label
//     (describe.go).
//  3. The compiler and the machine: literals, patterns and guards
//     (compile.go), type tests (is_map: kinds{term.KindMap} in
//     vm/builtins.go) and built-ins.
//  4. Differential tests that print values of the kind under erl and mcgo.
package semantics
