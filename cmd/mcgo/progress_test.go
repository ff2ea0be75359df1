package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/mcgo-dev/mcgo/explore"
)

// TestProgressLog feeds a log-mode progress the explorer's once-a-second
// reports on a fake clock: the first is printed at once, then one line per
// interval, each a plain line (no \r, no escape) with the figures.
func TestProgressLog(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Unix(0, 0)
	p := &progress{w: &buf, mode: progressLog, every: 10 * time.Second, now: func() time.Time { return clock }}
	for i := 1; i <= 25; i++ {
		clock = clock.Add(time.Second)
		p.Progress(explore.Stats{States: int64(1000 * i), StatesPerSec: 1000, Depth: i, Queue: 7, MemBytes: 3 << 20, Elapsed: time.Duration(i) * time.Second})
	}
	p.counterexample(explore.Stats{States: 25000, Elapsed: 25 * time.Second})
	clock = clock.Add(time.Second)
	p.Progress(explore.Stats{States: 10, Elapsed: time.Second})
	clock = clock.Add(10 * time.Second)
	p.Progress(explore.Stats{States: 20, Elapsed: 11 * time.Second})
	p.done()
	want := `progress: 1000 states  1000 states/s  depth 1  queue 7  memory 3 MiB  elapsed 1s
progress: 11000 states  1000 states/s  depth 11  queue 7  memory 3 MiB  elapsed 11s
progress: 21000 states  1000 states/s  depth 21  queue 7  memory 3 MiB  elapsed 21s
progress: search done: 25000 states in 25s; rebuilding the counterexample
progress: counterexample: 20 states  0 states/s  depth 0  queue 0  memory 0 KiB  elapsed 11s
`
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestProgressTTY: on a terminal the status line is refreshed in place at
// every report and wiped at the end; several models at once (a name) log
// plain lines instead, each named.
func TestProgressTTY(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, mode: progressTTY, every: time.Hour, now: time.Now}
	p.Progress(explore.Stats{States: 5})
	p.Progress(explore.Stats{States: 6})
	p.done()
	if got, want := buf.String(), "\r\033[K5 states  0 states/s  depth 0  queue 0  memory 0 KiB  elapsed 0s\r\033[K6 states  0 states/s  depth 0  queue 0  memory 0 KiB  elapsed 0s\r\033[K"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestChooseProgress: --quiet wins; a terminal gets the status line;
// --progress or CI=true off a terminal get plain lines; otherwise nothing.
func TestChooseProgress(t *testing.T) {
	env := func(ci string) func(string) string {
		return func(k string) string {
			if k == "CI" {
				return ci
			}
			return ""
		}
	}
	var buf bytes.Buffer
	for _, tc := range []struct {
		force, quiet bool
		ci           string
		want         progressMode
	}{
		{false, false, "", progressOff},
		{true, false, "", progressLog},
		{false, false, "true", progressLog},
		{false, false, "1", progressLog},
		{false, false, "false", progressOff},
		{true, true, "true", progressOff},
		{false, true, "true", progressOff},
	} {
		if got := chooseProgress(&buf, tc.force, tc.quiet, env(tc.ci)); got != tc.want {
			t.Errorf("force %v quiet %v CI=%q: mode %d, want %d", tc.force, tc.quiet, tc.ci, got, tc.want)
		}
	}
	if s := (&searchFlags{progress: true}); newProgress(&buf, s, "m.erl").mode != progressLog {
		t.Errorf("a named progress off a terminal must log")
	}
}
