package semantics

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
)

// porSearch explores every state reachable from the initial ones, with
// the full successor relation or with the reduced one, and returns how many
// states it met and the keys of the states without successors (the ends:
// deadlocks, finished runs, bounds).
func porSearch(t *testing.T, s *System, reduced bool) (states int, ends []string) {
	t.Helper()
	states, ends, ok := porSearchCapped(s, reduced, 200000)
	if !ok {
		t.Fatal("state space too large for this test")
	}
	return states, ends
}

// porSearchCapped is porSearch that gives up (ok false) past max states.
func porSearchCapped(s *System, reduced bool, max int) (states int, ends []string, ok bool) {
	seen := map[string]bool{}
	var queue []*State
	for _, st := range s.Initial() {
		k := string(s.AppendKey(nil, st))
		if !seen[k] {
			seen[k] = true
			queue = append(queue, st)
		}
	}
	for step := 0; len(queue) > 0; step++ {
		st := queue[0]
		queue = queue[1:]
		if step%2 == 1 {
			// Expand every other state as a BFS does, decoded from its
			// key (processes then come with the pids they hold).
			var err error
			if st, err = s.DecodeKey(s.AppendKey(nil, st)); err != nil {
				panic(err)
			}
		}
		n := 0
		visit := func(next *State) {
			n++
			k := string(s.AppendKey(nil, next))
			if !seen[k] {
				seen[k] = true
				queue = append(queue, next)
			}
		}
		if reduced {
			s.ReducedSuccessors(st, func(_ int, _ Step, next *State) bool { visit(next); return true })
		} else {
			s.Successors(st, func(_ Step, next *State) bool { visit(next); return true })
		}
		if n == 0 {
			ends = append(ends, string(s.AppendKey(nil, st)))
		}
		if len(seen) > max {
			return len(seen), nil, false
		}
	}
	sort.Strings(ends)
	return len(seen), ends, true
}

// TestDeliveryReduction checks the delivery half of the partial-order
// reduction on models built to break it: a message racing with one from a
// third node that learns the receiver's pid on the way (forward), through a
// fun (funsend), a self-send, a receive timeout, a timer, a local sender,
// a monitor's 'DOWN', an exit signal. With the reduction the same end
// states must be reached (persistent sets keep every deadlock and end
// state), with the histories of every property recorded too. Where
// deliveries really are apart (apart, ring, stream) it must also reduce.
func TestDeliveryReduction(t *testing.T) {
	mustReduce := map[string]bool{"apart.erl": true, "ring.erl": true, "stream.erl": true, "crashapart.erl": true}
	files, _ := filepath.Glob("testdata/por/*.erl")
	if len(files) < 10 {
		t.Fatalf("only %d models in testdata/por", len(files))
	}
	for _, f := range files {
		for _, rec := range []Record{0, RecordSeq | RecordCausal | RecordPids | RecordTold} {
			name := filepath.Base(f)
			t.Run(name, func(t *testing.T) {
				s := compileFile(t, f, rec)
				nOff, endsOff := porSearch(t, s, false)
				nOn, endsOn := porSearch(t, s, true)
				if len(endsOff) == 0 {
					t.Fatal("no end states")
				}
				if !sliceEq(endsOn, endsOff) {
					t.Errorf("%d end states with the reduction, %d without; they differ", len(endsOn), len(endsOff))
				}
				if nOn > nOff {
					t.Errorf("%d states with the reduction, more than %d without", nOn, nOff)
				}
				if mustReduce[name] && nOn >= nOff {
					t.Errorf("no reduction: %d states with it, %d without", nOn, nOff)
				}
				t.Logf("rec %d: %d states without the reduction, %d with; %d end states", rec, nOff, nOn, len(endsOff))
			})
		}
	}
}

// TestFlowFlags checks the static analysis behind the delivery reduction
// on small functions.
func TestFlowFlags(t *testing.T) {
	src := `-module(f).
-export([start/0, pure/1, fwd/2, tok/1, me/0, wait/0, waitinf/0, sp/1, splocal/0, calls/1, rx/0, rxleak/1, h/0, arith/2, fn/1, lnk/1]).
-mcgo({nodes, ['n1@h', 'n2@h']}).
start() -> ok.
pure(X) -> X + 1.
fwd(P, Q) -> P ! {to, Q}.
tok(N) -> N ! {token, 1}.
me() -> self().
wait() -> receive a -> ok after 5 -> ok end.
waitinf() -> receive a -> ok after infinity -> ok end.
sp(N) -> spawn(N, fun() -> ok end).
splocal() -> spawn(fun() -> ok end).
calls(P) -> fwd(P, P).
rx() -> receive {p, P} -> P ! hi end.
rxleak(Q) -> receive {p, P} -> Q ! {P} end.
h() -> erlang:halt().
arith(P, X) -> P ! {X * 2, length([X]), X > 1}.
fn(P) -> F = fun() -> P end, P ! F.
lnk(P) -> link(P).
`
	s := compileModel(t, "f.erl", []byte(src), nil, 0)
	want := map[string]compile.FlowFlags{
		"pure/1":    0,
		"fwd/2":     compile.FlowComm | compile.FlowLeak,
		"tok/1":     compile.FlowComm,
		"me/0":      compile.FlowSelf,
		"wait/0":    compile.FlowTimeout,
		"waitinf/0": 0,
		"sp/1":      compile.FlowComm | compile.FlowSpawn | compile.FlowSpawnRemote,
		"lnk/1":     compile.FlowComm | compile.FlowLink,
		"splocal/0": compile.FlowComm | compile.FlowSpawn,
		"calls/1":   compile.FlowComm | compile.FlowLeak,
		"rx/0":      compile.FlowComm,
		"rxleak/1":  compile.FlowComm | compile.FlowLeak,
		"h/0":       compile.FlowComm | compile.FlowHazard,
		"arith/2":   compile.FlowComm,
		"fn/1":      compile.FlowComm | compile.FlowLeak,
	}
	for name, w := range want {
		i := int32(-1)
		for j, fn := range s.prog.Funcs {
			if fn.Display == "f:"+name {
				i = int32(j)
			}
		}
		if i < 0 {
			t.Fatalf("no function %s", name)
		}
		if got := s.flow.Flags[i]; got != w {
			t.Errorf("%s: flags %07b, want %07b", name, got, w)
		}
	}
}

// TestRuntimeAtomsFollowThePath checks that atoms made at run time live in
// the state: a process that looks an atom up before another made it sees
// badarg on that path, whatever paths were explored before (the atom table
// of the Go process once answered for every path), also in a second system
// built after the first made the atom.
func TestRuntimeAtomsFollowThePath(t *testing.T) {
	src := []byte(`-module(atoms).
-export([start/0, check/0]).
start() ->
    P = spawn(?MODULE, check, []),
    P ! go,
    receive after 0 -> list_to_atom("made_" ++ "late") end.
check() ->
    receive go -> ok end,
    R = try list_to_existing_atom("made_late") of A -> A catch error:badarg -> no end,
    receive never -> R end.
`)
	for round := 0; round < 2; round++ {
		for _, reduced := range []bool{false, true} {
			s := compileModel(t, "atoms.erl", src, nil, 0)
			_, ends := porSearch(t, s, reduced)
			if len(ends) != 2 {
				t.Errorf("round %d, reduced %v: %d end states, want 2 (the check before and after the atom is made)", round, reduced, len(ends))
			}
		}
	}
}
