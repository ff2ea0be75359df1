package mcgo_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/internal/mcgotest/modeltest"
	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/statestore"
	"github.com/mcgo-dev/mcgo/statestore/badgerstore"
)

// TestEveryStrategyAndStore explores every example model (its base
// configuration) with each strategy and store and checks that they agree:
// DFS reaches the same verdict as BFS (and, on a complete search, the same
// number of states); the disk store gives BFS's exact counts and path; two
// workers give one worker's; random walks find the violation or report
// incomplete, never pass. The memory-store searches use compact keys
// (System.InternProcesses, as mcgo check does), the exact and disk stores
// full ones, so the agreement also checks the two key formats. Each model is checked for its expected violation
// alone (or all its properties when it should pass).
func TestEveryStrategyAndStore(t *testing.T) {
	if testing.Short() {
		t.Skip("explores every model five times")
	}
	files, _ := filepath.Glob("models/*.erl")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			m := modeltest.Load(t, f, nil)
			sys, mons := modeltest.System(t, m, modeltest.Expected(m.Config))
			csys, cmons := modeltest.System(t, m, modeltest.Expected(m.Config))
			csys.InternProcesses()
			runOn := func(sys *semantics.System, mons []explore.Monitor[*semantics.State, semantics.Step], set statestore.Set, o explore.Options) explore.Result {
				t.Helper()
				res, err := explore.Run[*semantics.State, semantics.Step](context.Background(), sys, set, mons, o, nil)
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			run := func(set statestore.Set, o explore.Options) explore.Result {
				t.Helper()
				if _, exact := set.(*statestore.Exact); exact || o.Queue != nil {
					return runOn(sys, mons, set, o)
				}
				return runOn(csys, cmons, set, o)
			}
			bfs := run(statestore.NewMemory(0), explore.Options{Workers: 1, POR: true})
			two := run(statestore.NewMemory(0), explore.Options{Workers: 2, POR: true})
			// Some models are unbounded (comm.erl counts forever): a depth bound
			// keeps DFS finite; it must still find what BFS finds.
			dfs := run(statestore.NewMemory(0), explore.Options{Search: explore.DFS, POR: true, MaxDepth: 150})
			exact := run(statestore.NewExact(), explore.Options{Workers: 1, POR: true})
			store, err := badgerstore.Open(t.TempDir(), badgerstore.Options{Manifest: badgerstore.Manifest{ModelHash: f}})
			if err != nil {
				t.Fatal(err)
			}
			disk := run(store, explore.Options{Workers: 1, POR: true, Queue: store.Queue(), Parents: store.Parents()})
			store.Close()
			random := run(statestore.NewMemory(0), explore.Options{Search: explore.Random, Walks: 200, WalkDepth: 200, Seed: 1, POR: true})

			for name, r := range map[string]explore.Result{"2 workers": two, "dfs": dfs, "exact": exact, "disk": disk} {
				if r.Verdict != bfs.Verdict {
					t.Errorf("%s: verdict %v, bfs %v", name, r.Verdict, bfs.Verdict)
				}
			}
			for name, r := range map[string]explore.Result{"2 workers": two, "exact": exact, "disk": disk} {
				if r.Stats.States != bfs.Stats.States {
					t.Errorf("%s: %d states, bfs %d", name, r.Stats.States, bfs.Stats.States)
				}
				if bfs.Violation != nil && r.Violation != nil && !slices.Equal(r.Violation.Path, bfs.Violation.Path) {
					t.Errorf("%s: path %v, bfs %v", name, r.Violation.Path, bfs.Violation.Path)
				}
			}
			if bfs.Verdict == explore.Pass && dfs.Stats.States != bfs.Stats.States {
				t.Errorf("dfs: %d states, bfs %d", dfs.Stats.States, bfs.Stats.States)
			}
			if random.Verdict == explore.Pass {
				t.Errorf("random walks reported pass: they never prove a property")
			}
			if random.Verdict == explore.Violated && bfs.Verdict != explore.Violated {
				t.Errorf("random walks found a violation that bfs did not")
			}
		})
	}
}
