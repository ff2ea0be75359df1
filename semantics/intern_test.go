package semantics

import (
	"context"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/statestore"
)

// TestInternCollisions narrows the fingerprints of compact keys to four
// bits, so that distinct processes, channel contents and signals collide
// all the time: the tables must count the collisions and still name every
// distinct value apart, so that the search finds exactly the states it
// finds with full keys.
func TestInternCollisions(t *testing.T) {
	for _, path := range []string{"testdata/por/ring.erl", "testdata/por/stream.erl", "testdata/por/crashthird.erl"} {
		full := compileFile(t, path, 0)
		want := countStates(t, full)

		narrow := compileFile(t, path, 0)
		narrow.InternProcesses()
		narrow.fpMask = 0xf
		if got := countStates(t, narrow); got != want {
			t.Errorf("%s: %d states with colliding fingerprints, %d with full keys", path, got, want)
		}
		if narrow.internCollisions() == 0 {
			t.Errorf("%s: no collision counted with 4-bit fingerprints", path)
		}

		wide := compileFile(t, path, 0)
		wide.InternProcesses()
		if got := countStates(t, wide); got != want || wide.internCollisions() != 0 {
			t.Errorf("%s: compact keys: %d states, %d collisions; full keys: %d states", path, got, wide.internCollisions(), want)
		}
		if wide.procTab.size() == 0 {
			t.Errorf("%s: no process interned", path)
		}
	}
}

// countStates explores sys completely with BFS, one worker, no reduction.
func countStates(t *testing.T, sys *System) int64 {
	t.Helper()
	res, err := explore.Run[*State, Step](context.Background(), sys, statestore.NewMemory(0), nil, explore.Options{Workers: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.Stats.States
}

// TestInternTwoSystems explores one model with two systems in turn, as
// mcgo test does with a model's variants: the arenas that build
// successors are pooled across systems, and what they remember of one
// system's intern tables must not leak into the other's keys.
func TestInternTwoSystems(t *testing.T) {
	for _, path := range []string{"testdata/por/ring.erl", "testdata/por/stream.erl"} {
		var systems []*System
		for range 3 {
			sys := compileFile(t, path, 0)
			sys.InternProcesses()
			systems = append(systems, sys)
		}
		var counts []int64
		for _, sys := range systems {
			counts = append(counts, countStates(t, sys))
		}
		if counts[0] != counts[1] || counts[1] != counts[2] {
			t.Errorf("%s: %v states in three systems", path, counts)
		}
	}
}
