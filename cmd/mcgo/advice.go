package main

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/semantics"
)

// advice says what to do after a search that could not decide: which
// bound or limit was hit and the flag that raises it, the strategies and
// stores that go further, and what in the model grows without end when a
// random run can tell, with the figures of the run. Empty for a decided
// run.
func advice(r *checkRun) []string {
	if r != nil && r.err != nil && isUnsupported(r.err) {
		return []string{"mcgo does not model this construct or call (docs/language.md says what mcgo reads, docs/library.md which library functions it models): rewrite that part of the model without it"}
	}
	if r == nil || r.err != nil || r.res.Verdict != explore.Incomplete {
		return nil
	}
	s := r.res.Stats
	var out []string
	figures := fmt.Sprintf("%d states, depth %d, %.1fs", s.States, s.Depth, s.Elapsed.Seconds())
	if s.MemBytes > 0 {
		figures += ", " + humanBytes(s.MemBytes)
	}
	exhaustive := true // the search would have been complete had it gone on
	switch inc := r.res.Incomplete; {
	case strings.HasPrefix(inc, "bound"):
		name, now := boundOf(inc, r)
		if name != "" {
			out = append(out, fmt.Sprintf("the model reached its bound %s (%d) after %s: raise it with --bounds %s=%d or -mcgo({bounds, [{%s, %d}]}); a state past it is not explored",
				name, now, figures, name, now*2, name, now*2))
		} else {
			out = append(out, fmt.Sprintf("the model reached one of its bounds after %s: raise it with --bounds", figures))
		}
	case inc == "max-states":
		out = append(out, fmt.Sprintf("--max-states stopped the search after %s: raise it (--max-states %d) or drop it", figures, s.States*4))
	case inc == "max-depth":
		out = append(out, fmt.Sprintf("--max-depth stopped the search at depth %d (%s): raise it or drop it", s.Depth, figures))
	case inc == "time-limit":
		out = append(out, fmt.Sprintf("--time-limit stopped the search after %s (%.0f states/s): give it longer", figures, s.StatesPerSec))
	case inc == "memory":
		out = append(out, fmt.Sprintf("--max-memory stopped the search after %s (%.0f bytes/state): --store disk --store-dir DIR keeps the visited set and the queue on disk, --bitstate SIZE covers more states in the same memory (partially)", figures, s.BytesPerState))
	case inc == "interrupted":
		out = append(out, fmt.Sprintf("interrupted after %s: give a --time-limit to stop on time; with --store disk --store-dir DIR a stopped search goes on with --resume", figures))
	case inc == "disk":
		out = append(out, fmt.Sprintf("the disk of --store-dir is full after %s: free space or choose another --store-dir, then --resume", figures))
	case inc == "bitstate":
		exhaustive = false
		out = append(out, fmt.Sprintf("--bitstate covers the state space only in part (%s): for a complete verdict use the memory store (the default) or --store disk", figures))
	case inc == "random":
		exhaustive = false
		out = append(out, fmt.Sprintf("random walks never cover the state space (%s): --search bfs or dfs decides", figures))
	}
	if exhaustive {
		if r.search == "bfs" || r.search == "" {
			out = append(out, "--search dfs goes deep fast and finds deep bugs early (its traces are not the shortest)")
		}
		if r.store == "memory" && r.res.Incomplete != "bound" && !strings.HasPrefix(r.res.Incomplete, "bound") {
			out = append(out, "--store disk --store-dir DIR (then --resume) or --bitstate SIZE go further than memory allows")
		}
	}
	out = append(out, r.growth...)
	return out
}

// writeAdvice writes the advice of an incomplete run under its verdict.
func writeAdvice(w io.Writer, r *checkRun) {
	for _, a := range advice(r) {
		fmt.Fprintf(w, "  next: %s\n", a)
	}
}

// boundOf reads which bound a "bound: ..." reason names, and its value in
// the run's configuration.
func boundOf(reason string, r *checkRun) (string, int) {
	m := boundName.FindStringSubmatch(reason)
	if m == nil || r.config == nil {
		return "", 0
	}
	b := r.config.Bounds
	switch m[1] {
	case "mailbox":
		return m[1], b.Mailbox
	case "processes":
		return m[1], b.Processes
	case "spawns":
		return m[1], b.Spawns
	case "stack":
		return m[1], b.Stack
	case "channel":
		return m[1], b.Channel
	}
	return "", 0
}

var boundName = regexp.MustCompile(`\(bound ([a-z_]+)\)`)

// growthOf looks for what grows in the model (growth) with its bounds
// raised, so that the run goes on past the bound the search reached.
func growthOf(l *loaded, cfg *lang.Config) []string {
	c := *cfg
	b := &c.Bounds
	b.Mailbox, b.Processes, b.Spawns, b.Stack, b.Channel = b.Mailbox*16, b.Processes*16, b.Spawns*16, b.Stack*16, b.Channel*16
	sys, err := semantics.New(l.model, &c, 0)
	if err != nil {
		return nil
	}
	return growth(sys)
}

// growthSteps is the length of the random run that looks for what grows.
const growthSteps = 4000

// growth runs the model once under a seeded random scheduler, without
// faults, and names what grows at every quarter of the run: the spawn
// count (each spawn is a new pid, so no state repeats), the live
// processes, and for a process that lives through the run, an integer
// that keeps rising (a counter), a list that keeps growing, its mailbox.
// It says nothing when the run ends early or nothing grows steadily.
func growth(sys *semantics.System) []string {
	type procSample struct {
		name           string
		maxInt, maxLen int64
		mbox           int
	}
	type sample struct {
		step   int
		spawns uint32
		procs  int
		by     map[string]procSample
	}
	var samples []sample
	take := func(n int, st *semantics.State) {
		sm := sample{step: n, spawns: st.Spawns, procs: len(st.Procs), by: map[string]procSample{}}
		for _, p := range st.Procs {
			ps := procSample{name: sys.ProcName(p), maxInt: -1 << 62, maxLen: -1, mbox: len(p.Mbox)}
			for _, t := range p.Stack {
				txt := sys.Write(t, p.Pid.Node)
				if n, err := strconv.ParseInt(txt, 10, 64); err == nil {
					ps.maxInt = max(ps.maxInt, n)
				} else if strings.HasPrefix(txt, "[") {
					ps.maxLen = max(ps.maxLen, int64(listLen(txt)))
				}
			}
			sm.by[sys.PidLabel(p.Pid)] = ps
		}
		samples = append(samples, sm)
	}
	// States are immutable and share what did not change: keeping the
	// run's is cheap.
	var run []*semantics.State
	sys.Run(semantics.RunOptions{Seed: 1, Steps: growthSteps, NoFaults: true}, func(_ *semantics.State, _ semantics.Step, next *semantics.State) {
		run = append(run, next)
	})
	if len(run) < 40 {
		return nil
	}
	for q := 1; q <= 4; q++ {
		i := len(run)*q/4 - 1
		take(i+1, run[i])
	}
	rising := func(f func(sample) int64) bool {
		for i := 1; i < len(samples); i++ {
			if f(samples[i]) <= f(samples[i-1]) {
				return false
			}
		}
		return true
	}
	series := func(f func(sample) int64) string {
		var parts []string
		for _, s := range samples {
			parts = append(parts, fmt.Sprint(f(s)))
		}
		return strings.Join(parts, ", ")
	}
	var out []string
	at := fmt.Sprintf("after %s steps of a random run", series(func(s sample) int64 { return int64(s.step) }))
	if f := func(s sample) int64 { return int64(s.spawns) }; rising(f) {
		out = append(out, fmt.Sprintf("the model spawns without end (%s spawns %s): every spawn takes a new pid (a pid counter that only grows), so no state repeats; make the spawning loop end", series(f), at))
	}
	if f := func(s sample) int64 { return int64(s.procs) }; rising(f) {
		out = append(out, fmt.Sprintf("live processes pile up (%s %s)", series(f), at))
	}
	// A process that lives through the run.
	last := samples[len(samples)-1]
	var pids []string
	for pid := range last.by {
		pids = append(pids, pid)
	}
	sort.Strings(pids)
	for _, pid := range pids {
		alive := true
		for _, s := range samples {
			if _, ok := s.by[pid]; !ok {
				alive = false
			}
		}
		if !alive {
			continue
		}
		get := func(k int) func(sample) int64 {
			return func(s sample) int64 {
				p := s.by[pid]
				switch k {
				case 0:
					return p.maxInt
				case 1:
					return p.maxLen
				}
				return int64(p.mbox)
			}
		}
		name := last.by[pid].name
		if rising(get(0)) {
			out = append(out, fmt.Sprintf("%s (%s) counts without end: an integer in its state went %s %s; bound the counter, or make the model forget it", pid, name, series(get(0)), at))
		}
		if rising(get(1)) {
			out = append(out, fmt.Sprintf("%s (%s) keeps a list that only grows: %s elements %s; bound it, or keep only what the protocol needs", pid, name, series(get(1)), at))
		}
		if rising(get(2)) {
			out = append(out, fmt.Sprintf("the mailbox of %s (%s) only grows: %s messages %s; it is sent more than it takes (--bounds mailbox=N cuts it)", pid, name, series(get(2)), at))
		}
	}
	return out
}

// listLen counts the top-level elements of a list written in Erlang
// syntax ("[]" has none; an improper tail counts as one).
func listLen(txt string) int {
	if txt == "[]" {
		return 0
	}
	depth, n := 0, 1
	inStr := byte(0)
	for i := 0; i < len(txt); i++ {
		c := txt[i]
		switch {
		case inStr != 0:
			if c == '\\' {
				i++
			} else if c == inStr {
				inStr = 0
			}
		case c == '"' || c == '\'':
			inStr = c
		case c == '[' || c == '{' || c == '<':
			depth++
		case c == ']' || c == '}' || c == '>':
			depth--
		case (c == ',' || c == '|') && depth == 1:
			n++
		}
	}
	return n
}
