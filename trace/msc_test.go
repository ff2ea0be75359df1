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
