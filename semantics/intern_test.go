package semantics

import (
	"context"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/statestore"
)

// TestInternCollisions narrows the fingerprints of compact keys to four
// bits, so that distinct processes collide: the tables must count the
// collisions (mcgo check then refuses to say pass), and the search, which
// now merges states, must find fewer states than with full keys, never
// crash or fail to decode.
func TestInternCollisions(t *testing.T) {
	full := compileFile(t, "testdata/por/ring.erl", 0)
	want := countStates(t, full)

	narrow := compileFile(t, "testdata/por/ring.erl", 0)
	narrow.InternProcesses()
	narrow.fpMask = 0xf
	got := countStates(t, narrow)
	if narrow.InternCollisions() == 0 {
		t.Fatalf("no collision counted with 4-bit fingerprints")
	}
	if got >= want {
		t.Fatalf("%d states with colliding fingerprints, %d with full keys: expected merges", got, want)
	}

	wide := compileFile(t, "testdata/por/ring.erl", 0)
	wide.InternProcesses()
	if got := countStates(t, wide); got != want || wide.InternCollisions() != 0 {
		t.Fatalf("compact keys: %d states, %d collisions; full keys: %d states", got, wide.InternCollisions(), want)
	}
	procs, chans := wide.Interned()
	if procs == 0 || chans == 0 {
		t.Fatalf("Interned() = %d, %d", procs, chans)
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
