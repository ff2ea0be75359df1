package semantics

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
)

// randomModel writes a small random distributed model: a few processes on
// three nodes, each running a short straight-line script of sends (plain
// terms and pids), receives (which forward to a pid they are sent), receives
// with a timeout, self-sends, monitors, links and spawns, and finally
// waiting with what it received. Process i is spawned knowing some of the
// processes spawned before it.
func randomModel(r *rand.Rand) string {
	nodes := []string{"'n1@h'", "'n2@h'", "'n3@h'"}
	n := 2 + r.Intn(3)
	var b strings.Builder
	b.WriteString("-module(rnd).\n-export([start/0")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, ", p%d/%d", i, 0)
	}
	b.WriteString("]).\n-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).\n")
	if r.Intn(4) == 0 {
		fmt.Fprintf(&b, "-mcgo({faults, [{crash, 1, [%s]}]}).\n", nodes[r.Intn(3)])
	}
	known := make([][]int, n+1)
	for i := 1; i <= n; i++ {
		for j := 1; j < i; j++ {
			if r.Intn(3) != 0 {
				known[i] = append(known[i], j)
			}
		}
	}
	// start/0
	b.WriteString("start() ->\n")
	for i := 1; i <= n; i++ {
		args := make([]string, len(known[i]))
		for k, j := range known[i] {
			args[k] = "P" + strconv.Itoa(j)
		}
		fmt.Fprintf(&b, "    P%d = spawn(%s, fun() -> p%d(%s) end),\n", i, nodes[r.Intn(3)], i, strings.Join(args, ", "))
	}
	for i := 1; i < n; i++ {
		if r.Intn(2) == 0 {
			fmt.Fprintf(&b, "    P%d ! {pid, P%d},\n", i, n)
		}
	}
	b.WriteString("    ok.\n")
	// The exports above say arity 0; fix them up below.
	exports := []string{}
	for i := 1; i <= n; i++ {
		params := make([]string, len(known[i]))
		for k, j := range known[i] {
			params[k] = "P" + strconv.Itoa(j)
		}
		exports = append(exports, fmt.Sprintf("p%d/%d", i, len(params)))
		fmt.Fprintf(&b, "p%d(%s) ->\n    A0 = [],\n", i, strings.Join(params, ", "))
		targets := append([]string{}, params...)
		acc := 0
		steps := 2 + r.Intn(3)
		// The last process is the one the others may learn of (start
		// sends its pid around): it mostly receives, with one step that
		// can race with a message in flight to it.
		script := make([]int, steps)
		for s := range script {
			script[s] = r.Intn(9)
			if i == n {
				script[s] = 9
			}
		}
		if i == n {
			script[r.Intn(steps)] = 4 + r.Intn(5)
		}
		for s := 0; s < steps; s++ {
			var line string
			next := fmt.Sprintf("A%d", acc+1)
			cur := fmt.Sprintf("A%d", acc)
			switch k := script[s]; {
			case k <= 1 && len(targets) > 0:
				line = fmt.Sprintf("%s ! {m, %d, %d}", targets[r.Intn(len(targets))], i, s)
			case k == 2 && len(targets) > 0:
				pid := "self()"
				if r.Intn(2) == 0 {
					pid = targets[r.Intn(len(targets))]
				}
				line = fmt.Sprintf("%s ! {pid, %s}", targets[r.Intn(len(targets))], pid)
			case k == 3:
				x := fmt.Sprintf("X%d", s)
				line = fmt.Sprintf("%s = receive {pid, %s} -> %s ! {fwd, %d}, [fwd | %s]; M%d -> [M%d | %s] end", next, x, x, i, cur, s, s, cur)
				acc++
			case k == 4:
				line = fmt.Sprintf("%s = receive M%d -> [M%d | %s] after 0 -> [t | %s] end", next, s, s, cur, cur)
				acc++
			case k == 5:
				line = fmt.Sprintf("self() ! {me, %d}", i)
			case k == 6 && len(targets) > 0:
				line = fmt.Sprintf("erlang:monitor(process, %s)", targets[r.Intn(len(targets))])
			case k == 7 && len(targets) > 0:
				line = fmt.Sprintf("process_flag(trap_exit, true), link(%s)", targets[r.Intn(len(targets))])
			case k == 8 && len(targets) > 0:
				line = fmt.Sprintf("spawn(%s, fun() -> %s ! {child, %d} end)", nodes[r.Intn(3)], targets[r.Intn(len(targets))], i)
			default:
				line = fmt.Sprintf("%s = receive M%d -> [M%d | %s] end", next, s, s, cur)
				acc++
			}
			fmt.Fprintf(&b, "    %s,\n", line)
		}
		fmt.Fprintf(&b, "    receive stop -> A%d end.\n", acc)
	}
	src := b.String()
	old := "-export([start/0"
	for i := 1; i <= n; i++ {
		old += fmt.Sprintf(", p%d/0", i)
	}
	return strings.Replace(src, old, "-export([start/0, "+strings.Join(exports, ", "), 1)
}

// TestDeliveryReductionRandom compares the end states reached with and
// without the partial-order reduction on random models (randomModel), with
// and without the properties' histories. MCGO_POR_RANDOM=N runs N models
// instead of the default.
func TestDeliveryReductionRandom(t *testing.T) {
	count := 100
	if v, err := strconv.Atoi(os.Getenv("MCGO_POR_RANDOM")); err == nil {
		count = v
	}
	if testing.Short() {
		count = 20
	}
	r := rand.New(rand.NewSource(1))
	reduced := 0
	for k := 0; k < count; k++ {
		src := randomModel(r)
		rec := Record(0)
		if k%2 == 1 {
			rec = RecordSeq | RecordCausal | RecordPids | RecordTold
		}
		s := compileModel(t, fmt.Sprintf("rnd%d.erl", k), []byte(src), nil, rec)
		nOff, endsOff, ok := porSearchCapped(s, false, 40000)
		if !ok {
			continue
		}
		nOn, endsOn, _ := porSearchCapped(s, true, 40000)
		if !sliceEq(endsOn, endsOff) {
			t.Fatalf("model %d (rec %d): %d end states with the reduction, %d without; they differ:\n%s", k, rec, len(endsOn), len(endsOff), src)
		}
		if nOn > nOff {
			t.Fatalf("model %d: %d states with the reduction, more than %d without:\n%s", k, nOn, nOff, src)
		}
		if nOn < nOff {
			reduced++
		}
	}
	t.Logf("%d random models, %d reduced", count, reduced)
	if count >= 50 && reduced == 0 {
		t.Error("the reduction never applied")
	}
}
