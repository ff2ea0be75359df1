package explore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/statestore"
)

// BenchmarkExplore measures the explorer on a toy model whose successors
// cost almost nothing, so the figures are the explorer's own overhead. One
// op is a complete search; states/s is unique states per second of it.
//
//	go test -run '^$' -bench BenchmarkExplore -benchmem ./explore/
func BenchmarkExplore(b *testing.B) {
	c := counters{6, 9} // 10^6 states, 5.4e6 transitions
	for _, bc := range []struct {
		name string
		opt  explore.Options
	}{
		{"values-1", explore.Options{Workers: 1, Frontier: explore.FrontierValues}},
		{"values-2", explore.Options{Workers: 2, Frontier: explore.FrontierValues}},
		{"encoded-1", explore.Options{Workers: 1, Frontier: explore.FrontierEncoded}},
		{"encoded-2", explore.Options{Workers: 2, Frontier: explore.FrontierEncoded}},
		{"dfs", explore.Options{Search: explore.DFS}},
	} {
		b.Run(fmt.Sprintf("counters-6x9/memory/%s", bc.name), func(b *testing.B) {
			benchRun(b, c, func() statestore.Set { return statestore.NewMemory(0) }, bc.opt, c.states())
		})
	}
	b.Run("counters-6x9/exact/encoded-2", func(b *testing.B) {
		benchRun(b, c, func() statestore.Set { return statestore.NewExact() }, explore.Options{Workers: 2}, c.states())
	})
	p := puzzle{3, 3}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("puzzle-3x3/memory/encoded-%d", w), func(b *testing.B) {
			benchRun(b, p, func() statestore.Set { return statestore.NewMemory(0) }, explore.Options{Workers: w}, 181440)
		})
	}
}

func benchRun[S, L any](b *testing.B, sys explore.System[S, L], newSet func() statestore.Set, opt explore.Options, want int64) {
	b.ReportAllocs()
	var states int64
	for b.Loop() {
		set := newSet()
		res, err := explore.Run(context.Background(), sys, set, nil, opt, nil)
		if err != nil {
			b.Fatal(err)
		}
		if res.Stats.States != want {
			b.Fatalf("%d states, want %d", res.Stats.States, want)
		}
		states += res.Stats.States
		set.Close()
	}
	b.ReportMetric(float64(states)/b.Elapsed().Seconds(), "states/s")
	b.ReportMetric(0, "ns/op")
}
