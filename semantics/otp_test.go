package semantics

import (
	"context"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/statestore"
)

// The OTP experiments of shared/otp-experiments as models
// (testdata/otp/exp1-3.erl): an exhaustive search of each must reach what
// OTP 25 showed, and exp3 with P2 and P3 on one node must never reorder.

// outputs is a monitor that never objects and records every io output of
// the explored transitions.
type outputs struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (o *outputs) Name() string { return "outputs" }

func (o *outputs) Check(_ *State, step Step, _ *State) (bool, string) {
	if step.Info != nil && step.Info.Output != "" {
		o.mu.Lock()
		for _, l := range strings.SplitAfter(step.Info.Output, "\n") {
			if l != "" {
				o.seen[l] = true
			}
		}
		o.mu.Unlock()
	}
	return true, ""
}

func (o *outputs) Stuck(*State) (bool, string) { return true, "" }

func (o *outputs) lines() []string {
	var out []string
	for l := range o.seen {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// exploreOutputs explores a model exhaustively and returns the io output
// lines of all its reachable transitions.
func exploreOutputs(t *testing.T, path string, overrides [][2]string) *outputs {
	t.Helper()
	src := readFile(t, path)
	sys := compileModel(t, path, src, overrides, 0)
	o := &outputs{seen: map[string]bool{}}
	res, err := explore.Run[*State, Step](context.Background(), sys, statestore.NewMemory(0),
		[]explore.Monitor[*State, Step]{o}, explore.Options{Workers: 1, MaxStates: 2_000_000}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != explore.Pass {
		t.Fatalf("search: %v %s (%d states): the claims below need a complete search", res.Verdict, res.Incomplete, res.Stats.States)
	}
	t.Logf("%s: %d states, %d transitions", path, res.Stats.States, res.Stats.Transitions)
	return o
}

func requireLine(t *testing.T, o *outputs, line string) {
	t.Helper()
	if !o.seen[line] {
		t.Errorf("no reachable state prints %q; outputs seen:\n%s", line, strings.Join(o.lines(), ""))
	}
}

func forbidLine(t *testing.T, o *outputs, line string) {
	t.Helper()
	if o.seen[line] {
		t.Errorf("a reachable state prints %q", line)
	}
}

// TestOTPExp1: pid local ids repeat in the new incarnation, the creation
// differs, the old pid reaches nobody, the monitor says noconnection.
func TestOTPExp1(t *testing.T) {
	o := exploreOutputs(t, "testdata/otp/exp1.erl", nil)
	requireLine(t, o, "  DOWN reason noconnection\n")
	requireLine(t, o, "old == echo? false ; same text? true\n")
	requireLine(t, o, "no reply via old pid\n")
	for _, l := range o.lines() {
		if strings.HasPrefix(l, "reply ") || strings.HasPrefix(l, "old == echo? true") {
			t.Errorf("the old pid reached the new incarnation: %q", l)
		}
	}
}

var runsRE = regexp.MustCompile(`^receiver runs \(contiguous ranges received\): \[(.*)\]\n$`)
var rangeRE = regexp.MustCompile(`\{(\d+),(\d+)\}`)

// TestOTPExp2: after disconnect_node a contiguous block is lost silently
// and delivery resumes over the new connection; the sender's monitor says
// noconnection although the receiver lives.
func TestOTPExp2(t *testing.T) {
	o := exploreOutputs(t, "testdata/otp/exp2.erl", nil)
	requireLine(t, o, "disconnect_node -> true\n")
	requireLine(t, o, "sender got DOWN noconnection\n")
	gapThenResume := false
	for _, l := range o.lines() {
		m := runsRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		var rs [][2]int
		for _, r := range rangeRE.FindAllStringSubmatch(m[1], -1) {
			a, _ := strconv.Atoi(r[1])
			b, _ := strconv.Atoi(r[2])
			rs = append(rs, [2]int{a, b})
		}
		// One disconnect loses at most one contiguous block, and what
		// arrives is never reordered.
		if len(rs) > 2 {
			t.Errorf("more than one block lost: %q", l)
		}
		for i := 1; i < len(rs); i++ {
			if rs[i][0] <= rs[i-1][1] {
				t.Errorf("reordered: %q", l)
			}
		}
		if len(rs) == 2 && rs[0][0] == 1 && rs[1][1] == 4 && rs[1][0] > rs[0][1]+1 {
			gapThenResume = true
		}
	}
	if !gapThenResume {
		t.Errorf("no run loses a block and then receives the rest; outputs:\n%s", strings.Join(o.lines(), ""))
	}
}

// TestOTPExp3: with three nodes P2 can see m2 before m1; with P2 and P3 on
// one node, never.
func TestOTPExp3(t *testing.T) {
	three := exploreOutputs(t, "testdata/otp/exp3.erl", nil)
	requireLine(t, three, "orders seen at P2 = [m2,m1]\n")
	requireLine(t, three, "orders seen at P2 = [m1,m2]\n")
	same := exploreOutputs(t, "testdata/otp/exp3.erl", [][2]string{{"init", "exp3:start('n2@h')"}})
	requireLine(t, same, "orders seen at P2 = [m1,m2]\n")
	forbidLine(t, same, "orders seen at P2 = [m2,m1]\n")
}
