package semantics

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// TestMemo compares every successor of every reachable state (up to a
// bound) of the example models and the reduction's test models, with what
// interned processes remember (memo.go: their local steps; waitOutcome)
// and without it: the keys of the successors and their labels must be
// the same, in the same order, for the full and the reduced successor
// lists. The two systems use the same key format, full keys or compact
// ones (whose fingerprints do not depend on the system), so the two can
// be compared key for key.
func TestMemo(t *testing.T) {
	files, err := filepath.Glob("../models/*.erl")
	if err != nil {
		t.Fatal(err)
	}
	por, _ := filepath.Glob("testdata/por/*.erl")
	memo, _ := filepath.Glob("testdata/memo/*.erl")
	files = append(append(files, por...), memo...)
	limit := 4000
	if testing.Short() {
		limit = 500
	}
	for _, path := range files {
		for _, c := range []struct {
			rec     Record
			compact bool
		}{{0, true}, {RecordSeq | RecordPids | RecordTold, true}, {0, false}, {RecordSeq | RecordPids | RecordTold, false}} {
			t.Run(fmt.Sprintf("%s/rec=%d/compact=%v", filepath.Base(path), c.rec, c.compact), func(t *testing.T) {
				with := compileFile(t, path, c.rec)
				without := compileFile(t, path, c.rec)
				if c.compact {
					with.InternProcesses()
					without.InternProcesses()
				}
				without.memo = false
				states := compareMemo(t, with, without, limit)
				if states == 0 {
					t.Fatal("no state compared")
				}
				if c.compact {
					t.Logf("%d states, %d memo entries", states, with.memoEntries())
				}
			})
		}
	}
	// The memo must be used: the stream model delivers, receives and
	// times out nothing but local steps.
	sys := compileFile(t, "testdata/por/stream.erl", 0)
	sys.InternProcesses()
	countStates(t, sys)
	if n := sys.memoEntries(); n == 0 {
		t.Error("stream: no step remembered")
	}
}

// compareMemo walks the states of a breadth first, up to limit states, and
// compares the successors of each in a and b. It returns the number of
// states compared.
func compareMemo(t *testing.T, a, b *System, limit int) int {
	t.Helper()
	type succ struct {
		key   string
		label string
		index int
	}
	// Modes: 0 the full list, built in an arena (as the explorer does); 1
	// the reduced list; 2 the full list, each successor built anew (as
	// replay does). Each goes first for some states, so that each is the
	// one to meet new processes (mode 2 interns them as they are) and to
	// remember new steps.
	list := func(s *System, st *State, mode int) []succ {
		var out []succ
		add := func(index int, step Step, next *State) bool {
			out = append(out, succ{string(s.AppendKey(nil, next)), infoText(s, st, step), index})
			return true
		}
		switch mode {
		case 0:
			s.SuccessorsTransient(st, func(step Step, next *State) bool { return add(0, step, next) })
		case 1:
			s.ReducedSuccessorsTransient(st, add)
		case 2:
			s.Successors(st, func(step Step, next *State) bool { return add(0, step, next) })
		}
		return out
	}
	var queue []string
	seen := map[string]bool{}
	for _, st := range a.Initial() {
		k := string(a.AppendKey(nil, st))
		if !seen[k] {
			seen[k] = true
			queue = append(queue, k)
		}
	}
	for _, st := range b.Initial() {
		if !seen[string(b.AppendKey(nil, st))] {
			t.Fatalf("initial states differ")
		}
	}
	n := 0
	for len(queue) > 0 && n < limit {
		k := queue[0]
		queue = queue[1:]
		n++
		sa, err := a.DecodeKey([]byte(k))
		if err != nil {
			t.Fatal(err)
		}
		sb, err := b.DecodeKey([]byte(k))
		if err != nil {
			t.Fatal(err)
		}
		order := []int{2, 0, 1}
		if n%2 == 0 {
			order = []int{0, 1, 2}
		}
		for _, mode := range order {
			la, lb := list(a, sa, mode), list(b, sb, mode%2)
			if !slices.Equal(la, lb) {
				t.Fatalf("state %d (mode %d): successors differ with the memo:\n%v\nwithout:\n%v", n, mode, la, lb)
			}
			for _, s := range la {
				if !seen[s.key] {
					seen[s.key] = true
					queue = append(queue, s.key)
				}
			}
		}
	}
	return n
}

// infoText renders a step's label: its account for traces and the fields
// of its StepInfo that the account leaves out.
func infoText(s *System, from *State, step Step) string {
	in := step.Info
	opt := func(t term.Term) string {
		if t == nil {
			return "-"
		}
		return s.label(t)
	}
	args := make([]string, len(in.Args))
	for i, a := range in.Args {
		args[i] = s.label(a)
	}
	return fmt.Sprintf("%+v eff=%v pos=%v args=%v result=%s msg=%s exc=%v appends=%d pushed=%d lost=%d ends=%d raised=%d spawned=%d bound=%q",
		s.Describe(from, step), in.Eff, in.Pos, args, opt(in.Result), opt(in.Msg), in.Exc != nil,
		len(in.Appends), len(in.Pushed), len(in.Lost), len(in.Ends), len(in.Raised), len(in.Spawned), in.Bound)
}

// memoEntries counts the remembered steps of the interned processes.
func (s *System) memoEntries() int {
	n := 0
	s.procTab.each(func(p *Proc) {
		for e := p.sh.memo.Load(); e != nil; e = e.next {
			n++
		}
	})
	return n
}

// TestMemoConcurrent copies interned processes while other goroutines
// add to what they remember, as workers do (a worker copies a process
// into its successor while another remembers a step of the same process).
// Run under the race detector (.ci/run), it fails if copying a process
// reads a field that remembering writes.
func TestMemoConcurrent(t *testing.T) {
	sys := compileFile(t, "testdata/por/stream.erl", 0)
	sys.InternProcesses()
	countStates(t, sys)
	var procs []*Proc
	sys.procTab.each(func(p *Proc) { procs = append(procs, p) })
	done := make(chan bool)
	go func() {
		for i := range 2000 {
			p := procs[i%len(procs)]
			p.memoInsert(&memoEntry{key: memoKey{b: uint64(i), kind: StepDeliver}, res: p})
			p.sh.wait.Store(waitBlocked)
		}
		done <- true
	}()
	for i := range 2000 {
		if q := procs[i%len(procs)].clone(); q.shared() {
			t.Fatal("a copy of a shared process shares what it remembers")
		}
	}
	<-done
}
