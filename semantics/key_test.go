package semantics

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// FuzzStateKey checks that AppendKey is a canonical encoding: states are
// reached by random runs of a few models (seeded by the fuzz input), and
//   - DecodeKey(AppendKey(s)) is a state equal to s that re-encodes to the
//     same bytes (so the encoding is injective);
//   - s rebuilt from scratch in a random order (processes, links, monitors,
//     names, subscribers, channels, connections) encodes to the same bytes;
//   - two transitions taken in both orders give equal keys exactly when
//     they give equal states (compared field by field, not by encoding).

// keyModels are the systems the fuzz test runs; compiled once.
var keyModels struct {
	once sync.Once
	sys  []*System
	err  error
}

func fuzzSystems(t testing.TB) []*System {
	keyModels.once.Do(func() {
		files := []struct {
			path string
			rec  Record
		}{
			{"testdata/rules/crash_detect.txtar", 0},
			{"testdata/rules/disconnect.txtar", RecordSeq | RecordTold},
			{"testdata/rules/monitor_remote.txtar", 0},
			{"testdata/rules/restart_handshake.txtar", RecordPids},
			{"testdata/rules/spawn_fail.txtar", 0},
			{"testdata/rules/names.txtar", 0},
			{"testdata/otp/exp2.erl", RecordSeq | RecordCausal | RecordPids | RecordTold},
			{"testdata/otp/exp3.erl", RecordCausal},
			{"testdata/diff/registered.erl", 0},
			{"testdata/rules/cascade.txtar", 0},
			{"testdata/rules/exit_table.txtar", 0},
			{"testdata/rules/monitor_local.txtar", 0},
			{"testdata/rules/monitor_node.txtar", 0},
			{"testdata/por/dictforward.erl", RecordSeq | RecordCausal},
		}
		// Each model twice: with full keys, then with compact ones.
		for _, compact := range []bool{false, true} {
			for _, f := range files {
				sys, err := loadForKeys(t, f.path, f.rec)
				if err != nil {
					keyModels.err = err
					return
				}
				if compact {
					sys.InternProcesses()
				}
				keyModels.sys = append(keyModels.sys, sys)
			}
		}
	})
	if keyModels.err != nil {
		t.Fatal(keyModels.err)
	}
	return keyModels.sys
}

// loadForKeys compiles a model file or the model of a rule test (with its
// options).
func loadForKeys(t testing.TB, path string, rec Record) (sys *System, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", path, r)
		}
	}()
	src := readFile(t, path)
	var overrides [][2]string
	if bytes.HasSuffix([]byte(path), []byte(".txtar")) {
		model, opts := txtarSections(src)
		src = model
		overrides = opts
	}
	return compileModel(t, path, src, overrides, rec), nil
}

func FuzzStateKey(f *testing.F) {
	for i := 0; i < 26; i++ {
		for _, seed := range []uint64{1, 2, 3} {
			f.Add(uint8(i), seed, uint8(40))
		}
	}
	f.Fuzz(func(t *testing.T, model uint8, seed uint64, steps uint8) {
		systems := fuzzSystems(t)
		sys := systems[int(model)%len(systems)]
		rng := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
		st := sys.Initial()[0]
		for n := 0; n <= int(steps)%64; n++ {
			checkKey(t, sys, st, rng)
			succ := collect(sys, st)
			if len(succ) == 0 {
				return
			}
			checkDiamonds(t, sys, st, succ, rng)
			st = succ[rng.IntN(len(succ))].next
		}
	})
}

type succPair struct {
	step Step
	next *State
}

func collect(sys *System, st *State) []succPair {
	var out []succPair
	sys.Successors(st, func(step Step, next *State) bool {
		out = append(out, succPair{step, next})
		return true
	})
	return out
}

// checkKey decodes, re-encodes and rebuilds st.
func checkKey(t *testing.T, sys *System, st *State, rng *rand.Rand) {
	t.Helper()
	key := sys.AppendKey(nil, st)
	d, err := sys.DecodeKey(key)
	if err != nil {
		t.Fatalf("DecodeKey: %v", err)
	}
	if why := diffState(st, d); why != "" {
		t.Fatalf("decoded state differs: %s", why)
	}
	if again := sys.AppendKey(nil, d); !bytes.Equal(again, key) {
		t.Fatalf("decoded state re-encodes differently")
	}
	r := rebuild(st, rng)
	if why := diffState(st, r); why != "" {
		t.Fatalf("rebuilt state differs: %s", why)
	}
	if rk := sys.AppendKey(nil, r); !bytes.Equal(rk, key) {
		t.Fatalf("a state built in another order encodes differently")
	}
	// Appending to a non-empty buffer appends the same bytes.
	pre := []byte("prefix")
	if got := sys.AppendKey(pre, st); !bytes.Equal(got[len(pre):], key) {
		t.Fatalf("AppendKey depends on its buffer")
	}
}

// checkDiamonds takes two transitions of st in both orders (when the
// second is still enabled after the first, identified by its label) and
// requires equal keys exactly for equal states.
func checkDiamonds(t *testing.T, sys *System, st *State, succ []succPair, rng *rand.Rand) {
	t.Helper()
	if len(succ) < 2 {
		return
	}
	for k := 0; k < 3; k++ {
		i, j := rng.IntN(len(succ)), rng.IntN(len(succ))
		if i == j {
			continue
		}
		ij := follow(sys, succ[i].next, succ[j].step)
		ji := follow(sys, succ[j].next, succ[i].step)
		if ij == nil || ji == nil {
			continue
		}
		same := diffState(ij, ji) == ""
		sameKey := bytes.Equal(sys.AppendKey(nil, ij), sys.AppendKey(nil, ji))
		if same != sameKey {
			t.Fatalf("%v then %v versus the other order: states equal %v, keys equal %v (%s)",
				succ[i].step.Kind, succ[j].step.Kind, same, sameKey, diffState(ij, ji))
		}
	}
}

// follow takes from st the first transition with the label of step.
func follow(sys *System, st *State, step Step) *State {
	var out *State
	sys.Successors(st, func(s Step, next *State) bool {
		if s.Kind == step.Kind && s.Pid == step.Pid && s.Node == step.Node && s.Peer == step.Peer {
			out = next
			return false
		}
		return true
	})
	return out
}

// rebuild makes a copy of st from scratch, inserting its parts in a random
// order through the helpers transitions use.
func rebuild(st *State, rng *rand.Rand) *State {
	base := &State{Budget: append([]uint8(nil), st.Budget...), Spawns: st.Spawns, Bound: st.Bound}
	if st.Hist != nil {
		base.Hist = st.Hist.clone()
	}
	for _, n := range st.Nodes {
		nn := Node{Up: n.Up, Cr: n.Cr, NextLid: n.NextLid, Incarn: n.Incarn}
		for _, i := range rng.Perm(len(n.Reg)) {
			nn.Reg = insertReg(nn.Reg, n.Reg[i])
		}
		for _, i := range rng.Perm(len(n.Subs)) {
			nn.Subs = insertPid(nn.Subs, n.Subs[i])
		}
		base.Nodes = append(base.Nodes, nn)
	}
	e := newEdit(base)
	for _, i := range rng.Perm(len(st.Procs)) {
		p := st.Procs[i].clone()
		p.Links, p.MonOut, p.MonIn, p.NMon = nil, nil, nil, nil
		src := st.Procs[i]
		for _, k := range rng.Perm(len(src.Links)) {
			p.Links = insertLink(p.Links, src.Links[k])
		}
		for _, k := range rng.Perm(len(src.MonOut)) {
			p.MonOut = insertMonOut(p.MonOut, src.MonOut[k])
		}
		for _, k := range rng.Perm(len(src.MonIn)) {
			p.MonIn = insertMonIn(p.MonIn, src.MonIn[k])
		}
		for _, k := range rng.Perm(len(src.NMon)) {
			p.NMon = insertNode(p.NMon, src.NMon[k])
		}
		e.addProc(p)
	}
	// Signals: each channel in order, the channels interleaved at random.
	next := make([]int, len(st.Chans))
	for {
		var open []int
		for c := range st.Chans {
			if next[c] < len(st.Chans[c].Sigs) {
				open = append(open, c)
			}
		}
		if len(open) == 0 {
			break
		}
		c := open[rng.IntN(len(open))]
		e.pushSig(st.Chans[c].From, st.Chans[c].To, st.Chans[c].Sigs[next[c]])
		next[c]++
	}
	for _, i := range rng.Perm(len(st.Conns)) {
		c := st.Conns[i]
		e.setConn(c.A, c.B, c.State)
	}
	for i := range e.s.Conns {
		for _, c := range st.Conns {
			if c.A == e.s.Conns[i].A && c.B == e.s.Conns[i].B {
				e.s.Conns[i].CrA, e.s.Conns[i].CrB = c.CrA, c.CrB
			}
		}
	}
	return e.s
}

// diffState compares two states field by field (terms with Equal; empty
// and nil slices alike) and says where they differ, or "".
func diffState(a, b *State) string {
	if len(a.Nodes) != len(b.Nodes) {
		return "node count"
	}
	for i := range a.Nodes {
		x, y := a.Nodes[i], b.Nodes[i]
		if x.Up != y.Up || x.Cr != y.Cr || x.NextLid != y.NextLid || x.Incarn != y.Incarn ||
			!sliceEq(x.Reg, y.Reg) || !sliceEq(x.Subs, y.Subs) {
			return fmt.Sprintf("node %d", i)
		}
	}
	if len(a.Procs) != len(b.Procs) {
		return "process count"
	}
	for i := range a.Procs {
		if why := diffProc(a.Procs[i], b.Procs[i]); why != "" {
			return fmt.Sprintf("process %v: %s", a.Procs[i].Pid, why)
		}
	}
	if len(a.Chans) != len(b.Chans) {
		return "channel count"
	}
	for i := range a.Chans {
		x, y := a.Chans[i], b.Chans[i]
		if x.From != y.From || x.To != y.To || len(x.Sigs) != len(y.Sigs) {
			return fmt.Sprintf("channel %d", i)
		}
		for k := range x.Sigs {
			s, u := x.Sigs[k], y.Sigs[k]
			if s.Kind != u.Kind || s.From != u.From || s.To != u.To || s.Name != u.Name || s.Ref != u.Ref ||
				!termEq(s.Val, u.Val) || s.Flag != u.Flag || s.Opts != u.Opts || s.Seq != u.Seq || s.Sup != u.Sup || !sliceEq(s.VC, u.VC) {
				return fmt.Sprintf("channel %d signal %d", i, k)
			}
		}
	}
	if !sliceEq(a.Conns, b.Conns) {
		return "connections"
	}
	if !bytes.Equal(a.Budget, b.Budget) || a.Spawns != b.Spawns || a.Bound != b.Bound {
		return "budget, spawns or bound"
	}
	if (a.Hist == nil) != (b.Hist == nil) {
		return "history presence"
	}
	if h, g := a.Hist, b.Hist; h != nil {
		if !sliceEq(h.Pairs, g.Pairs) || !sliceEq(h.Pids, g.Pids) || !sliceEq(h.Told, g.Told) || len(h.Seen) != len(g.Seen) {
			return "history"
		}
		for i := range h.Seen {
			if h.Seen[i].Pid != g.Seen[i].Pid || !sliceEq(h.Seen[i].VC, g.Seen[i].VC) {
				return "history (seen)"
			}
		}
	}
	return ""
}

func diffProc(p, q *Proc) string {
	switch {
	case p.Pid != q.Pid || p.St != q.St || p.Eff != q.Eff || p.NArgs != q.NArgs || p.Trap != q.Trap:
		return "status"
	case p.Init != q.Init || p.InitM != q.InitM || p.InitF != q.InitF || p.InitA != q.InitA:
		return "initial function"
	case !sliceEq(p.Frames, q.Frames) || !sliceEq(p.Hand, q.Hand):
		return "frames"
	case !termsEq(p.Stack, q.Stack):
		return "stack"
	case !termsEq(p.Mbox, q.Mbox):
		return "mailbox"
	case (p.MboxVC == nil) != (q.MboxVC == nil) || len(p.MboxVC) != len(q.MboxVC):
		return "mailbox clocks"
	case !sliceEq(p.Links, q.Links) || !sliceEq(p.MonOut, q.MonOut) || !sliceEq(p.MonIn, q.MonIn) || !sliceEq(p.NMon, q.NMon):
		return "links or monitors"
	case !dictEq(p.Dict, q.Dict):
		return "dictionary"
	case !termEq(p.Reason, q.Reason) || p.Own != q.Own:
		return "exit reason"
	case p.Spawn != q.Spawn || p.SpawnTo != q.SpawnTo || p.SpawnOpts != q.SpawnOpts:
		return "spawn wait"
	case !sliceEq(p.VC, q.VC):
		return "clock"
	}
	for i := range p.MboxVC {
		if !sliceEq(p.MboxVC[i], q.MboxVC[i]) {
			return "mailbox clocks"
		}
	}
	return ""
}

func sliceEq[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// termEq is Equal, with nil (an empty slot) equal only to nil.
func termEq(a, b term.Term) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return term.Equal(a, b)
}

func dictEq(a, b *vm.Dict) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if len(a.Entries) != len(b.Entries) {
		return false
	}
	for i, e := range a.Entries {
		if !termEq(e.Key, b.Entries[i].Key) || !termEq(e.Val, b.Entries[i].Val) {
			return false
		}
	}
	return true
}

func termsEq(a, b []term.Term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !termEq(a[i], b[i]) {
			return false
		}
	}
	return true
}

// TestDecodeReusingKeys checks that a parent decoded with
// DecodeKeyReusing (whose channels, history, nodes and connections may
// keep the bytes of its key) gives the
// same successor keys as one decoded with DecodeKey, transient or not,
// with full and with compact keys.
func TestDecodeReusingKeys(t *testing.T) {
	for _, path := range []string{"testdata/por/ring.erl", "testdata/por/stream.erl", "testdata/por/apart.erl", "testdata/por/crashthird.erl", "testdata/por/monitor.erl", "testdata/por/sendafter.erl"} {
		for _, compact := range []bool{false, true} {
			decodeReusing(t, path, compact)
		}
	}
}

func decodeReusing(t *testing.T, path string, compact bool) {
	s := compileFile(t, path, RecordSeq|RecordCausal|RecordPids|RecordTold)
	if compact {
		s.InternProcesses()
	}
	seen := map[string]bool{}
	var queue [][]byte
	for _, st := range s.Initial() {
		k := s.AppendKey(nil, st)
		seen[string(k)] = true
		queue = append(queue, k)
	}
	var mem any
	for n := 0; len(queue) > 0 && n < 3000; n++ {
		key := queue[0]
		queue = queue[1:]
		plain, err := s.DecodeKey(key)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		s.Successors(plain, func(_ Step, next *State) bool {
			want = append(want, string(s.AppendKey(nil, next)))
			return true
		})
		reused, err := s.DecodeKeyReusing(key, &mem)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.AppendKey(nil, reused); string(got) != string(key) {
			t.Fatalf("%s: re-encoding a reused decoding differs from its key", path)
		}
		var got []string
		s.SuccessorsTransient(reused, func(_ Step, next *State) bool {
			got = append(got, string(s.AppendKey(nil, next)))
			return true
		})
		if !sliceEq(got, want) {
			t.Fatalf("%s: successor keys of a reused decoding differ", path)
		}
		for _, k := range want {
			if !seen[k] {
				seen[k] = true
				queue = append(queue, []byte(k))
			}
		}
	}
}
