package trace_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/properties"
	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/statestore"
	"github.com/mcgo-dev/mcgo/trace"
)

// htmlModels are the counterexamples the viewer is tested on: the paper's.
var htmlModels = []string{
	"../models/comm.erl",
	"../models/pidReuse.erl",
	"../models/commFixed.erl",
	"../models/two_phase_commit_buggy.erl",
}

// violation checks a model (with its own configuration) and returns the
// trace of the violation it must have.
func violation(t *testing.T, path string) *trace.File {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fs := token.NewFileSet()
	name := filepath.ToSlash(filepath.Join("models", filepath.Base(path)))
	m, errs := lang.Load(fs, name, src, nil)
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	cfg := m.Config
	if p := cfg.Expect.Violation; p != "" {
		cfg.Check = []string{p}
	}
	props, err := properties.Select(cfg.Check)
	if err != nil {
		t.Fatal(err)
	}
	sys, err := semantics.New(m, cfg, properties.Record(props))
	if err != nil {
		t.Fatal(err)
	}
	mons := properties.Monitors(sys, props)
	ms := make([]explore.Monitor[*semantics.State, semantics.Step], len(mons))
	for i, x := range mons {
		ms[i] = x
	}
	res, err := explore.Run[*semantics.State, semantics.Step](context.Background(), sys, statestore.NewMemory(0), ms, explore.Options{Workers: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != explore.Violated {
		t.Fatalf("%s: verdict %v, want a violation", path, res.Verdict)
	}
	f, err := trace.Build(sys, res.Violation, trace.Meta{File: name, Search: "bfs"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}
