package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/mcgo-dev/mcgo/explore"
)

// progressMode is how progress is shown on stderr.
type progressMode int

const (
	progressOff progressMode = iota
	// progressTTY refreshes one status line in place (\r), about once a
	// second: for a person at a terminal.
	progressTTY
	// progressLog prints a plain line (no \r, no escapes) at the first
	// report, about a second into the search, then every interval: for
	// logs, as TLC does.
	progressLog
)

// defaultLogInterval is the time between two progress lines in a log.
const defaultLogInterval = 10 * time.Second

// chooseProgress picks the mode: none with --quiet; the status line on a
// terminal; plain lines with --progress off a terminal, or in CI (the
// environment has CI=true, as GitHub Actions and GitLab CI set it).
func chooseProgress(w io.Writer, force, quiet bool, getenv func(string) string) progressMode {
	switch {
	case quiet:
		return progressOff
	case isTerminal(w):
		return progressTTY
	case force:
		return progressLog
	}
	switch strings.ToLower(getenv("CI")) {
	case "true", "1":
		return progressLog
	}
	return progressOff
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress shows a search's progress on stderr; it is the explorer's
// [explore.Reporter]. One progress serves one model: its name prefixes the
// lines when several models run at once (mcgo test --jobs).
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	mode     progressMode
	every    time.Duration // progressLog: between two lines
	name     string        // prefix, "" for none
	phase    string        // "" for the search, "counterexample: " after it
	printed  bool          // progressTTY: a status line is on the screen
	logged   bool          // progressLog: a line was printed
	lastLine time.Time
	now      func() time.Time
}

func newProgress(w io.Writer, s *searchFlags, name string) *progress {
	every := s.progressEvery
	if every <= 0 {
		every = defaultLogInterval
	}
	mode := chooseProgress(w, s.progress, s.quiet, os.Getenv)
	if mode == progressTTY && name != "" {
		// Several models at once cannot share one status line.
		mode = progressLog
	}
	return &progress{w: w, mode: mode, every: every, name: name, now: time.Now}
}

// Progress implements explore.Reporter.
func (p *progress) Progress(s explore.Stats) {
	if p.mode == progressOff {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	line := fmt.Sprintf("%d states  %.0f states/s  depth %d  queue %d  memory %s  elapsed %s",
		s.States, s.StatesPerSec, s.Depth, s.Queue, humanBytes(s.MemBytes), elapsedText(s.Elapsed))
	switch p.mode {
	case progressTTY:
		fmt.Fprintf(p.w, "\r\033[K%s%s%s", p.prefix(), p.phase, line)
		p.printed = true
	case progressLog:
		now := p.now()
		if p.logged && now.Sub(p.lastLine) < p.every {
			return
		}
		fmt.Fprintf(p.w, "progress: %s%s%s\n", p.prefix(), p.phase, line)
		p.logged, p.lastLine = true, now
	}
}

func (p *progress) prefix() string {
	if p.name == "" {
		return ""
	}
	return p.name + ": "
}

// counterexample says that the search is over and the counterexample is
// being rebuilt (a second search for a shortest trace, then a replay):
// the lines that follow are that work's. In a log it is said at once when
// the search was long enough to be logged.
func (p *progress) counterexample(s explore.Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.phase = "counterexample: "
	if p.mode == progressLog && p.logged {
		fmt.Fprintf(p.w, "progress: %ssearch done: %d states in %s; rebuilding the counterexample\n",
			p.prefix(), s.States, elapsedText(s.Elapsed))
		p.lastLine = p.now()
	}
}

func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.printed {
		fmt.Fprint(p.w, "\r\033[K")
		p.printed = false
	}
}

// elapsedText writes a duration in whole seconds, or minutes and seconds.
func elapsedText(d time.Duration) string {
	s := int64(d.Seconds())
	if s < 60 {
		return fmt.Sprintf("%ds", s)
	}
	if s < 3600 {
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	}
	return fmt.Sprintf("%dh%02dm%02ds", s/3600, s/60%60, s%60)
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
