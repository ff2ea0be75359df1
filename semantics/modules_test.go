package semantics

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// writeModel writes a model and its library modules to a new directory and
// compiles the model (the first file), its directory being its code path.
func writeModel(t *testing.T, files ...[2]string) *System {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f[0]), []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return compileWithLibraries(t, filepath.Join(dir, files[0][0]), 0)
}

// TestModulesRunTimeName: a module name made at run time that names a
// module on the code path that was not loaded ends the run as unsupported
// (a node would load it); one found nowhere raises undef.
func TestModulesRunTimeName(t *testing.T) {
	sys := writeModel(t,
		[2]string{"m.erl", `-module(m).
-export([start/0]).
start() ->
    {'EXIT', {undef, _}} = (catch (list_to_atom("nowhere")):f()),
    M = list_to_atom("lazy"),
    M:f().
`},
		[2]string{"lazy.erl", "-module(lazy).\n-export([f/0]).\nf() -> ok.\n"})
	res := sys.Run(RunOptions{Seed: 1, Steps: 1000}, nil)
	msg, ok := sys.Unsupported(res.Final)
	if !ok {
		t.Fatalf("run ended %s (%q), want unsupported", res.End, res.Final.Bound)
	}
	if !strings.HasSuffix(msg, "m.erl:6:8: lazy:f/0: module lazy is on the code path but was not loaded (only modules named by an atom of the model's code are; see docs/language.md)") {
		t.Errorf("unsupported: %s", msg)
	}
}

// TestModulesInitAndEndStates: init may name another module's function, and
// an end state {Module, Function, Arity} lets a library's loop wait
// forever; a function that module lacks is an error.
func TestModulesInitAndEndStates(t *testing.T) {
	srv := [2]string{"srv.erl", `-module(srv).
-export([go/0, loop/0]).
go() -> spawn(?MODULE, loop, []), io:format("started~n").
loop() -> receive stop -> ok end.
`}
	sys := writeModel(t, [2]string{"m.erl", `-module(m).
-mcgo({init, {srv, go, []}}).
-mcgo({end_states, [{srv, loop, 0}]}).
`}, srv)
	var out strings.Builder
	res := sys.Run(RunOptions{Seed: 1, Steps: 1000}, func(_ *State, st Step, _ *State) { out.WriteString(st.Info.Output) })
	if res.End != "blocked" || out.String() != "started\n" {
		t.Errorf("run ended %s printing %q", res.End, out.String())
	}
	dir := t.TempDir()
	for _, f := range [][2]string{{"m.erl", "-module(m).\n-mcgo({init, {srv, go, []}}).\n-mcgo({end_states, [{srv, nope, 0}]}).\n"}, srv} {
		if err := os.WriteFile(filepath.Join(dir, f[0]), []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "m.erl")
	m, errs := lang.Load(token.NewFileSet(), path, readFile(t, path), nil)
	if errs.Errors() > 0 {
		t.Fatal(errs)
	}
	if _, err := New(m, m.Config, 0); err == nil || !strings.HasSuffix(err.Error(), ": end_states: function srv:nope/0 is not defined") {
		t.Errorf("New: %v", err)
	}
}
