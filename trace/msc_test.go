package trace_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/internal/mcgotest"
)

// TestMSCGolden keeps the text sequence charts of the paper's
// counterexamples (and the list of steps) in testdata/msc; MCGO_UPDATE=1
// rewrites them.
func TestMSCGolden(t *testing.T) {
	for _, model := range htmlModels {
		name := strings.TrimSuffix(filepath.Base(model), ".erl")
		t.Run(name, func(t *testing.T) {
			f := violation(t, model)
			var b strings.Builder
			f.WriteMSC(&b, 100)
			for _, line := range strings.Split(b.String(), "\n") {
				if n := len([]rune(line)); n > 100 {
					t.Errorf("line of %d columns, more than 100: %q", n, line)
				}
			}
			b.WriteString("\n")
			f.WriteText(&b)
			got := b.String()
			golden := filepath.Join("testdata", "msc", name+".txt")
			if mcgotest.Update() {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("chart differs from %s (MCGO_UPDATE=1 rewrites it):\n%s", golden, got)
			}
		})
	}
}

// TestProcAt: a pid reused after its node restarted names a different
// process before and after: each event is drawn on the incarnation alive
// at its step (pitfall 1 drawn right).
func TestProcAt(t *testing.T) {
	f := violation(t, "../models/pidReuse.erl")
	var first, echo = -1, -1
	for i, p := range f.Processes {
		if p.Pid == "<n2.1.c1>" && p.Name == "erlang:self/0" {
			first = i
		}
		if p.Pid == "<n2.1.c1>" && p.Name == "pidReuse:echo/0" {
			echo = i
		}
	}
	if first < 0 || echo < 0 {
		t.Fatalf("pidReuse's trace has no reused pid <n2.1.c1>: %+v", f.Processes)
	}
	born := f.Processes[first].Born
	for _, tc := range []struct{ n, want int }{
		{born - 1, first}, // the spawn request travels to the pid it creates
		{born, first},
		{f.Processes[first].Died, first},
		{f.Processes[echo].Born - 1, echo}, // the later spawn request
		{f.Processes[echo].Born, echo},
		{len(f.Steps), echo},
	} {
		if got := f.ProcAt("<n2.1.c1>", tc.n); got != tc.want {
			t.Errorf("ProcAt(<n2.1.c1>, %d) = %d, want %d", tc.n, got, tc.want)
		}
	}
	if got := f.ProcAt("<nosuch.1>", 1); got != -1 {
		t.Errorf("ProcAt of an unknown pid = %d, want -1", got)
	}
}
