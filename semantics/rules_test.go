package semantics

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// The rule tests: testdata/rules/*.txtar hold a model (-- model.erl --),
// optional configuration overrides (-- opts --, one "key: value" a line, in
// the syntax of the -mcgo attribute or of the command-line flag), an
// optional scripted path (-- path --) and the golden (-- out/steps --):
// every state along the path, the transitions enabled in it and what each
// does, and which one the path takes.
//
// A path line is the index of the transition to take, or a piece of text
// of its line or notes (the first transition whose text contains it is
// taken), or
// "..." (take the first enabled transition as long as it is not a fault,
// at most 40 times). Without a path section the path is "...". Lines starting with #
// are comments. MCGO_UPDATE=1 rewrites the goldens.

const maxRunOn = 40

func TestRules(t *testing.T) {
	files, err := filepath.Glob("testdata/rules/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no tests in testdata/rules")
	}
	for _, f := range files {
		f := f
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string][]byte{}
			for _, fl := range ar.Files {
				sec[fl.Name] = fl.Data
			}
			src, ok := sec["model.erl"]
			if !ok {
				t.Fatal("no -- model.erl -- section")
			}
			var overrides [][2]string
			for _, line := range lines(sec["opts"]) {
				k, v, ok := strings.Cut(line, ":")
				if !ok {
					t.Fatalf("opts: %q is not key: value", line)
				}
				overrides = append(overrides, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
			}
			sys := compileModel(t, "model.erl", src, overrides, 0)
			path := lines(sec["path"])
			if _, has := sec["path"]; !has {
				path = []string{"..."}
			}
			got := renderPath(t, sys, path)
			if updateGoldens {
				found := false
				for i := range ar.Files {
					if ar.Files[i].Name == "out/steps" {
						ar.Files[i].Data = []byte(got)
						found = true
					}
				}
				if !found {
					ar.Files = append(ar.Files, txtar.File{Name: "out/steps", Data: []byte(got)})
				}
				if err := os.WriteFile(f, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, ok := sec["out/steps"]
			if !ok {
				t.Fatal("no -- out/steps -- section (MCGO_UPDATE=1 writes it)")
			}
			if got != string(want) {
				t.Errorf("steps differ from the golden (- golden, + now):\n%s", lineDiff(string(want), got))
			}
		})
	}
}

// txtarSections returns the model and the configuration overrides of a
// rule test.
func txtarSections(data []byte) (model []byte, overrides [][2]string) {
	ar := txtar.Parse(data)
	for _, f := range ar.Files {
		switch f.Name {
		case "model.erl":
			model = f.Data
		case "opts":
			for _, line := range lines(f.Data) {
				if k, v, ok := strings.Cut(line, ":"); ok {
					overrides = append(overrides, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
				}
			}
		}
	}
	return model, overrides
}

// lines returns the non-empty lines of a section that are not comments.
func lines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

type enabledStep struct {
	step Step
	next *State
	line string // the one-line description
	more []string
}

// successorsOf lists the transitions enabled in st with their renderings.
func successorsOf(sys *System, st *State) []enabledStep {
	var out []enabledStep
	sys.Successors(st, func(step Step, next *State) bool {
		v := sys.Describe(st, step)
		who := v.Node
		if v.Pid != "" {
			who += " " + v.Pid
		}
		e := enabledStep{step: step, next: next, line: fmt.Sprintf("%-8s %s: %s", step.Kind, who, v.Text)}
		for _, l := range v.Lost {
			e.more = append(e.more, "lost: "+l)
		}
		e.more = append(e.more, v.Notes...)
		if v.Output != "" && step.Kind != StepEffect {
			e.more = append(e.more, fmt.Sprintf("output %q", v.Output))
		}
		out = append(out, e)
		return true
	})
	return out
}

// renderPath follows a scripted path and renders every state on it with
// its enabled transitions.
func renderPath(t *testing.T, sys *System, path []string) string {
	var b strings.Builder
	st := sys.Initial()[0]
	n := 0
	runOn := 0
	for {
		fmt.Fprintf(&b, "== state %d\n", n)
		renderState(&b, sys, st)
		succ := successorsOf(sys, st)
		if len(succ) == 0 {
			b.WriteString("enabled: none\n")
		} else {
			b.WriteString("enabled:\n")
		}
		for i, e := range succ {
			fmt.Fprintf(&b, "  %d %s\n", i, e.line)
			for _, m := range e.more {
				fmt.Fprintf(&b, "      %s\n", m)
			}
		}
		if len(succ) == 0 {
			if len(path) > 0 && !(len(path) == 1 && path[0] == "...") {
				t.Errorf("path not finished: %q left, but nothing is enabled", path)
			}
			break
		}
		choice := -1
		for choice < 0 && len(path) > 0 {
			p := path[0]
			if p == "..." {
				if succ[0].step.Kind.IsFault() || runOn >= maxRunOn {
					// Only faults are left (or the program runs on):
					// the path goes on with its next line.
					path = path[1:]
					runOn = 0
					continue
				}
				choice = 0
				runOn++
				break
			}
			path = path[1:]
			if i, err := strconv.Atoi(p); err == nil {
				choice = i
			} else {
				for i, e := range succ {
					if strings.Contains(e.line+"\n"+strings.Join(e.more, "\n"), p) {
						choice = i
						break
					}
				}
			}
			if choice < 0 || choice >= len(succ) {
				t.Fatalf("state %d: no enabled transition matches path line %q\n%s", n, p, b.String())
			}
		}
		if choice < 0 {
			break
		}
		fmt.Fprintf(&b, "take %d\n", choice)
		st = succ[choice].next
		n++
	}
	return b.String()
}

// renderState writes a state: nodes, connections, channels, budgets, then
// one block per process.
func renderState(b *strings.Builder, sys *System, st *State) {
	var nodes []string
	for i, nd := range st.Nodes {
		if !sys.configured(term.NodeID(i)) {
			continue
		}
		s := fmt.Sprintf("%s %s cr=%d next=%d", sys.ShortNode(term.NodeID(i)), map[bool]string{true: "up", false: "down"}[nd.Up], nd.Cr, nd.NextLid)
		if len(nd.Reg) > 0 {
			var rs []string
			for _, r := range nd.Reg {
				rs = append(rs, compile.QuoteAtom(r.Name.Name())+"="+sys.PidLabel(r.Pid))
			}
			s += " reg{" + strings.Join(rs, ",") + "}"
		}
		if len(nd.Subs) > 0 {
			var ps []string
			for _, p := range nd.Subs {
				ps = append(ps, sys.PidLabel(p))
			}
			s += " subs{" + strings.Join(ps, ",") + "}"
		}
		if atoms := st.atoms.of(term.NodeID(i)); len(atoms) > 0 {
			var as []string
			for _, a := range atoms {
				as = append(as, compile.QuoteAtom(a.Name()))
			}
			s += " atoms{" + strings.Join(as, ",") + "}"
		}
		nodes = append(nodes, s)
	}
	fmt.Fprintf(b, "nodes: %s\n", strings.Join(nodes, " | "))
	v := sys.View(st)
	if len(v.Conns) > 0 {
		fmt.Fprintf(b, "conns: %s\n", strings.Join(v.Conns, "; "))
	}
	for _, c := range v.Channels {
		fmt.Fprintf(b, "chan %s->%s: %s\n", c.From, c.To, strings.Join(c.Signals, "; "))
	}
	if len(st.Budget) > 0 {
		var bs []string
		for i, k := range st.Budget {
			bs = append(bs, fmt.Sprintf("%s=%d", sys.faults[i].kind, k))
		}
		fmt.Fprintf(b, "budget: %s\n", strings.Join(bs, " "))
	}
	for _, p := range st.Procs {
		fmt.Fprintf(b, "%s %s: %s\n", sys.PidLabel(p.Pid), sys.ProcName(p), procStatus(sys, p))
		var attrs []string
		if p.Trap {
			attrs = append(attrs, "trap_exit")
		}
		if len(p.Mbox) > 0 {
			var ms []string
			for _, m := range p.Mbox {
				ms = append(ms, sys.label(m))
			}
			attrs = append(attrs, "mbox["+strings.Join(ms, ", ")+"]")
		}
		if len(p.Links) > 0 {
			var ls []string
			for _, l := range p.Links {
				s := sys.PidLabel(l.Pid)
				if l.State != LinkActive {
					s += "(unlinking)"
				}
				ls = append(ls, s)
			}
			attrs = append(attrs, "links["+strings.Join(ls, ",")+"]")
		}
		if len(p.MonOut) > 0 {
			var ms []string
			for _, m := range p.MonOut {
				ms = append(ms, sys.label(m.Ref)+"->"+sys.label(monTarget(sys, m)))
			}
			attrs = append(attrs, "monitors["+strings.Join(ms, ",")+"]")
		}
		if len(p.MonIn) > 0 {
			var ms []string
			for _, m := range p.MonIn {
				ms = append(ms, sys.label(m.Ref)+"<-"+sys.PidLabel(m.Watcher))
			}
			attrs = append(attrs, "monitored_by["+strings.Join(ms, ",")+"]")
		}
		if len(p.NMon) > 0 {
			var ns []string
			for _, n := range p.NMon {
				ns = append(ns, sys.ShortNode(n))
			}
			attrs = append(attrs, "monitor_node["+strings.Join(ns, ",")+"]")
		}
		if len(attrs) > 0 {
			fmt.Fprintf(b, "    %s\n", strings.Join(attrs, " "))
		}
	}
}

func monTarget(sys *System, m MonOut) term.Term {
	if m.ByName {
		return term.MkTuple(m.Name, sys.nodeAtom(m.Node))
	}
	return m.Target
}

// procStatus says what a process does next.
func procStatus(sys *System, p *Proc) string {
	switch p.St {
	case vm.StRun:
		args := p.Stack[len(p.Stack)-int(p.NArgs):]
		as := make([]string, len(args))
		for i, a := range args {
			as[i] = sys.label(a)
		}
		return fmt.Sprintf("next %s(%s)", p.Eff, strings.Join(as, ", "))
	case vm.StWait:
		fr := p.Frames[len(p.Frames)-1]
		in := sys.prog.Funcs[fr.Fn].Code[fr.PC]
		pos := sys.prog.Position(sys.userPos(p, in.Pos))
		s := fmt.Sprintf("waits in receive at line %d", pos.Line)
		if in.B == 1 {
			s += fmt.Sprintf(" (after %s)", sys.label(p.Stack[len(p.Stack)-1]))
		}
		return s
	case vm.StExit:
		return "ends with " + sys.label(p.Reason)
	case vm.StSpawnWait:
		return "waits for the spawn reply from " + sys.ShortNode(p.SpawnTo)
	}
	return "?"
}
