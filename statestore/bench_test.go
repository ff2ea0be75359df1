package statestore_test

import (
	"fmt"
	"testing"

	"github.com/mcgo-dev/mcgo/statestore"
)

// BenchmarkSet measures inserts of fresh fingerprints into the in-memory
// sets, one goroutine and two, in batches of 256 where the set takes
// batches (per op: one insert).
//
//	go test -run '^$' -bench BenchmarkSet -benchmem ./statestore/
func BenchmarkSet(b *testing.B) {
	for _, bc := range []struct {
		name string
		new  func(n int) statestore.Set
	}{
		{"memory", func(int) statestore.Set { return statestore.NewMemory(0) }},
		{"memory-presized", func(n int) statestore.Set { return statestore.NewMemory(int64(n)) }},
		{"bitstate", func(n int) statestore.Set { return statestore.NewBitstate(uint64(n) * 64) }},
	} {
		for _, g := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/goroutines-%d", bc.name, g), func(b *testing.B) {
				b.ReportAllocs()
				s := bc.new(b.N)
				bi, _ := s.(statestore.BatchInserter)
				b.ResetTimer()
				done := make(chan struct{})
				for w := 0; w < g; w++ {
					go func() {
						defer func() { done <- struct{}{} }()
						fps := make([]statestore.Fingerprint, 0, 256)
						fresh := make([]bool, 256)
						x := uint64(w+1) << 56
						for i := w; i < b.N; i += g {
							x += 0x9e3779b97f4a7c15
							fps = append(fps, statestore.Fingerprint(x))
							if len(fps) == cap(fps) || i+g >= b.N {
								if bi != nil {
									bi.InsertBatch(fps, fresh)
								} else {
									for _, fp := range fps {
										s.Insert(fp)
									}
								}
								fps = fps[:0]
							}
						}
					}()
				}
				for w := 0; w < g; w++ {
					<-done
				}
			})
		}
	}
}
