package trace_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/internal/mcgotest/modeltest"
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
func violation(t testing.TB, path string) *trace.File {
	t.Helper()
	name := filepath.ToSlash(filepath.Join("models", filepath.Base(path)))
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := modeltest.LoadSource(t, name, src, nil)
	res, sys := modeltest.Check(t, m, modeltest.Expected(m.Config), explore.Options{Workers: 1})
	if res.Verdict != explore.Violated {
		t.Fatalf("%s: verdict %v, want a violation", path, res.Verdict)
	}
	f, err := trace.Build(sys, res.Violation, trace.Meta{File: name, Search: "bfs"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}
