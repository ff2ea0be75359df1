package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/lang/token"
)

// writeTree writes files (path -> content) under a new directory and
// returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadIn(t *testing.T, dir, file string, opts *Options) (*Model, token.ErrorList) {
	t.Helper()
	path := filepath.Join(dir, file)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Load(token.NewFileSet(), path, src, opts)
}

func libNames(m *Model) string {
	var names []string
	for _, l := range m.Libs {
		names = append(names, l.Name)
	}
	return strings.Join(names, ",")
}

// TestLibrariesLoaded: the modules named by atoms of the model are loaded
// from its directory, transitively; a module on the path that no atom
// names is not; a module that is nowhere is no error (undef at run time).
func TestLibrariesLoaded(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"m.erl": `-module(m).
-export([start/0]).
-mcgo({nodes, [lib_unused@h]}).
start() -> a:f(), X = b, X:g(), nowhere:h(), [cc].
`,
		"a.erl":          "-module(a).\n-export([f/0]).\nf() -> d:f().\n",
		"b.erl":          "-module(b).\n-export([g/0]).\ng() -> ok.\n",
		"cc.erl":         "-module(cc).\n",
		"d.erl":          "-module(d).\n-export([f/0]).\nf() -> ok.\n",
		"unused.erl":     "-module(unused).\n",
		"lib_unused.erl": "-module(lib_unused).\n", // an atom of -mcgo does not load
	})
	m, errs := loadIn(t, dir, "m.erl", nil)
	if len(errs) > 0 {
		t.Fatalf("unexpected diagnostics: %v", errs)
	}
	if got, want := libNames(m), "a,b,cc,d"; got != want {
		t.Errorf("libraries %s, want %s", got, want)
	}
	if m.OnPath["unused"] != filepath.Join(dir, "unused.erl") {
		t.Errorf("OnPath[unused] = %q", m.OnPath["unused"])
	}
}

// TestLibraryDiagnostics: a library module is checked as the model is, its
// diagnostics carry its own file name, its name must be its file's, and no
// module of the model may be named after an OTP module.
func TestLibraryDiagnostics(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"m.erl": "-module(m).\n-export([start/0]).\nstart() -> bad:f(), other:f(), lists:f(), misnamed:f().\n",
		"bad.erl": `-module(bad).
-export([f/0]).
f() -> X.
g() -> ok.
`,
		"other.erl":    "-module(other).\n-export([f/0]).\nf( -> ok.\n",
		"lists.erl":    "-module(lists).\n-export([f/0]).\nf() -> ok.\n",
		"misnamed.erl": "-module(named).\n-export([f/0]).\nf() -> ok.\n",
	})
	_, errs := loadIn(t, dir, "m.erl", nil)
	var got []string
	for _, e := range errs {
		got = append(got, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		"bad.erl:3:8: variable 'X' is unbound",
		"bad.erl:4:1: warning: function g/0 is unused",
		"lists.erl:1:9: module lists is an OTP module: erl does not load a module of the model over it (kernel and stdlib are sticky); rename the module",
		"misnamed.erl:1:9: module name named does not match file name misnamed",
		"other.erl:3:4: expected ')', found '->'",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A file named after an OTP module is refused at its module attribute
	// (erl would not load it, or not boot); so is a model named so.
	dir = writeTree(t, map[string]string{"timer.erl": "-module(timer).\n-export([start/0]).\nstart() -> ok.\n"})
	_, errs = loadIn(t, dir, "timer.erl", nil)
	if len(errs) != 1 || !strings.HasSuffix(errs[0].Error(), "timer.erl:1:9: module timer is an OTP module: erl does not load a module of the model over it (kernel and stdlib are sticky); rename the module") {
		t.Errorf("a model named timer: %v", errs)
	}
}

// TestCodePath: the model's directory comes first, then each Path
// directory in order; the first file found wins. A Path directory that
// does not exist is an error.
func TestCodePath(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"model/m.erl":  "-module(m).\n-export([start/0]).\n-mcgo({init, {s, go, []}}).\nstart() -> a:f(), b:f().\n",
		"model/a.erl":  "-module(a).\n-export([f/0]).\nf() -> model_dir.\n",
		"p1/a.erl":     "-module(a).\n-export([f/0]).\nf() -> p1.\n",
		"p1/b.erl":     "-module(b).\n-export([f/0]).\nf() -> p1.\n",
		"p2/b.erl":     "-module(b).\n-export([f/0]).\nf() -> p2.\n",
		"p2/s.erl":     "-module(s).\n-export([go/0]).\ngo() -> ok.\n",
		"p2/extra.erl": "-module(extra).\n",
	})
	m, errs := loadIn(t, filepath.Join(dir, "model"), "m.erl", &Options{Path: []string{filepath.Join(dir, "p1"), filepath.Join(dir, "p2")}})
	if len(errs) > 0 {
		t.Fatalf("unexpected diagnostics: %v", errs)
	}
	if got := libNames(m); got != "a,b,s" {
		t.Errorf("libraries %s, want a,b,s (s: the init's module)", got)
	}
	for _, l := range m.Libs {
		got := m.FileSet.Position(l.NamePos).Filename
		want := map[string]string{"a": "model/a.erl", "b": "p1/b.erl", "s": "p2/s.erl"}[l.Name]
		if got != filepath.Join(dir, want) {
			t.Errorf("%s loaded from %s, want %s", l.Name, got, want)
		}
	}
	_, errs = loadIn(t, filepath.Join(dir, "model"), "m.erl", &Options{Path: []string{filepath.Join(dir, "nodir")}})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "nodir: code path: no such file or directory") {
		t.Errorf("a missing --path directory: %v", errs)
	}
}

// TestEndStatesModule: end_states takes {Module, Function, Arity}, which
// loads the module; {Function, Arity} is the model's own.
func TestEndStatesModule(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"m.erl":   "-module(m).\n-export([start/0, loop/0]).\n-mcgo({end_states, [{srv, loop, 1}, {loop, 0}]}).\nstart() -> ok.\nloop() -> ok.\n",
		"srv.erl": "-module(srv).\n-export([loop/1]).\nloop(S) -> S.\n",
	})
	m, errs := loadIn(t, dir, "m.erl", nil)
	if len(errs) > 0 {
		t.Fatalf("unexpected diagnostics: %v", errs)
	}
	es := m.Config.EndStates
	if len(es) != 2 || es[0] != (EndState{Module: "srv", NamePos: es[0].NamePos, Name: "loop", Arity: 1}) || es[1].Module != "" || es[1].Name != "loop" {
		t.Errorf("end states %+v", es)
	}
	if libNames(m) != "srv" {
		t.Errorf("libraries %s, want srv", libNames(m))
	}
	c := m.Config.clone()
	if err := c.Set("end_states", "loop/0,srv:loop/1"); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	c.Format(&b)
	if !strings.Contains(b.String(), "end_states: [{loop, 0}, {srv, loop, 1}]\n") {
		t.Errorf("Format:\n%s", b.String())
	}
}

// TestQuietLibraries: a module named only by an atom (here a message tag
// and -compile(export_all)) is loaded without its warnings, and left out
// when it does not compile; called by name, the same module's errors and
// warnings are the model's.
func TestQuietLibraries(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"m.erl": `-module(m).
-export([start/0]).
-compile(export_all).
start() -> self() ! {tag, ok}, ok.
`,
		"tag.erl":        "-module(tag).\n-export([f/0]).\nf() -> X = 1.\n",
		"export_all.erl": "-module(export_all).\nf( -> ok.\n",
		"n.erl": `-module(n).
-export([start/0]).
start() -> tag:f(), export_all:f().
`,
	})
	m, errs := loadIn(t, dir, "m.erl", nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "export_all flag enabled") {
		t.Errorf("m.erl: want only erlc's export_all warning, got %v", errs)
	}
	if got := libNames(m); got != "tag" {
		t.Errorf("m.erl: libraries %q, want tag (export_all.erl does not compile)", got)
	}
	_, errs = loadIn(t, dir, "n.erl", nil)
	var files []string
	for _, e := range errs {
		sev := "error"
		if e.Severity == token.SevWarning {
			sev = "warning"
		}
		files = append(files, filepath.Base(e.Pos.Filename)+":"+sev)
	}
	if got := strings.Join(files, " "); !strings.Contains(got, "export_all.erl:error") || !strings.Contains(got, "tag.erl:warning") {
		t.Errorf("n.erl: diagnostics %q, want export_all.erl's error and tag.erl's warning", got)
	}
}
