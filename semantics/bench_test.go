package semantics_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/internal/mcgotest/modeltest"
	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/statestore"
)

// benchSystem compiles a benchmark model of bench/models with -D sizes.
func benchSystem(b *testing.B, name string, defines map[string]string) *semantics.System {
	b.Helper()
	m := modeltest.Load(b, filepath.Join("..", "bench", "models", name), defines)
	sys, err := semantics.New(m, m.Config, 0)
	if err != nil {
		b.Fatal(err)
	}
	return sys
}

// BenchmarkExplore explores the scalable models completely and reports
// distinct states per second; allocations are per search. The -compact
// cases use compact keys, as mcgo check does with the memory store (the
// intern tables then persist from one search to the next).
func BenchmarkExplore(b *testing.B) {
	cases := []struct {
		name    string
		file    string
		defines map[string]string
		workers int
		compact bool
	}{
		{"mbox-N3-K2-w1", "mbox.erl", map[string]string{"N": "3", "K": "2"}, 1, false},
		{"mbox-N3-K2-w2", "mbox.erl", map[string]string{"N": "3", "K": "2"}, 2, false},
		{"stream-K4-M2-w1", "stream.erl", map[string]string{"K": "4", "M": "2"}, 1, false},
		{"ring-N6-K3-w1", "ring.erl", map[string]string{"N": "6", "K": "3"}, 1, false},
		{"mbox-N3-K2-w1-compact", "mbox.erl", map[string]string{"N": "3", "K": "2"}, 1, true},
		{"stream-K4-M2-w1-compact", "stream.erl", map[string]string{"K": "4", "M": "2"}, 1, true},
		{"ring-N6-K3-w1-compact", "ring.erl", map[string]string{"N": "6", "K": "3"}, 1, true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			sys := benchSystem(b, c.file, c.defines)
			if c.compact {
				sys.InternProcesses()
			}
			b.ReportAllocs()
			b.ResetTimer()
			var states int64
			for i := 0; i < b.N; i++ {
				res, err := explore.Run[*semantics.State, semantics.Step](context.Background(), sys, statestore.NewMemory(0), nil, explore.Options{Workers: c.workers}, nil)
				if err != nil {
					b.Fatal(err)
				}
				states = res.Stats.States
			}
			b.ReportMetric(float64(states)*float64(b.N)/b.Elapsed().Seconds(), "states/s")
			b.ReportMetric(float64(states), "states")
		})
	}
}
