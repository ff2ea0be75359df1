package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"sync"

	"github.com/mcgo-dev/mcgo/explore"
)

// progress prints one status line on stderr, refreshed by the explorer
// about once a second, when stderr is a terminal (or --progress).
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	printed bool
}

func newProgress(w io.Writer, force, quiet bool) *progress {
	on := force
	if !quiet && !force {
		if f, ok := w.(*os.File); ok {
			if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
				on = true
			}
		}
	}
	if quiet {
		on = false
	}
	return &progress{w: w, on: on}
}

// Progress implements explore.Reporter.
func (p *progress) Progress(s explore.Stats) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "\r\033[K%d states  %.0f/s  depth %d  queue %d  %s  %.0fs",
		s.States, s.StatesPerSec, s.Depth, s.Queue, humanBytes(s.MemBytes), s.Elapsed.Seconds())
	p.printed = true
}

func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.printed {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func humanBytes(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// startCPUProfile starts a CPU profile written to path ("" : none) and
// returns the function that stops it.
func startCPUProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// tuneGC trades memory for speed during a search: a search allocates many
// short-lived successor states, and collecting at every doubling of a heap
// that is mostly the visited set (no pointers) wastes a fifth of the time.
// The memory limit keeps the collector tight when the heap nears the
// search's own memory bound. GOGC and GOMEMLIMIT in the environment win.
func tuneGC(maxMemory uint64) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" && maxMemory > 0 {
		debug.SetMemoryLimit(int64(maxMemory / 10 * 9))
	}
}
