package mcgo_test

import (
	"path/filepath"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/internal/mcgotest/modeltest"
	"github.com/mcgo-dev/mcgo/lang"
)

// checkModel explores one configuration of a model with or without the
// partial-order reduction.
func checkModel(t *testing.T, m *lang.Model, cfg *lang.Config, por bool) explore.Result {
	t.Helper()
	res, _ := modeltest.Check(t, m, modeltest.Expected(cfg), explore.Options{Workers: 1, POR: por})
	return res
}

// TestPORVerdicts checks the partial-order reduction on every example
// model and variant: the same verdict (and violated property) with and
// without it, and never more states with it on a complete search.
func TestPORVerdicts(t *testing.T) {
	files, _ := filepath.Glob("models/*.erl")
	if len(files) == 0 {
		t.Fatal("no models")
	}
	for _, f := range files {
		m := modeltest.Load(t, f, nil)
		cfgs := map[string]*lang.Config{"": m.Config}
		for i := range m.Config.Variants {
			c, err := m.Config.WithVariant(&m.Config.Variants[i])
			if err != nil {
				t.Fatal(err)
			}
			cfgs[m.Config.Variants[i].Name] = c
		}
		for name, cfg := range cfgs {
			t.Run(filepath.Base(f)+"/"+name, func(t *testing.T) {
				off := checkModel(t, m, cfg, false)
				on := checkModel(t, m, cfg, true)
				if on.Verdict != off.Verdict {
					t.Fatalf("verdict %v with reduction, %v without", on.Verdict, off.Verdict)
				}
				if on.Verdict == explore.Violated && on.Violation.Property != off.Violation.Property {
					t.Fatalf("violates %s with reduction, %s without", on.Violation.Property, off.Violation.Property)
				}
				if on.Verdict == explore.Pass && on.Stats.States > off.Stats.States {
					t.Errorf("%d states with reduction, more than %d without", on.Stats.States, off.Stats.States)
				}
			})
		}
	}
}

// TestPORReduces checks that the reduction pays where processes mostly
// work apart: senders filling one mailbox whose receiver takes messages as
// they come (bench/models/mbox.erl).
func TestPORReduces(t *testing.T) {
	m := modeltest.Load(t, "bench/models/mbox.erl", map[string]string{"N": "3", "K": "2"})
	off := checkModel(t, m, m.Config, false)
	on := checkModel(t, m, m.Config, true)
	if off.Verdict != explore.Pass || on.Verdict != explore.Pass {
		t.Fatalf("verdicts %v / %v, want pass", off.Verdict, on.Verdict)
	}
	if on.Stats.States*5 > off.Stats.States {
		t.Errorf("%d states with reduction, %d without: want at least 5 times fewer", on.Stats.States, off.Stats.States)
	}
	t.Logf("mbox N=3 K=2: %d states without reduction, %d with", off.Stats.States, on.Stats.States)
}

// TestPORReducesDeliveries checks the delivery half of the reduction where
// messages travel between nodes to processes that no third party can reach:
// a token ring (bench/models/ring.erl) and sender/receiver pairs
// (bench/models/stream.erl).
func TestPORReducesDeliveries(t *testing.T) {
	for _, c := range []struct {
		path    string
		defines map[string]string
		factor  int
	}{
		{"bench/models/ring.erl", map[string]string{"N": "4", "K": "2", "T": "2"}, 2},
		{"bench/models/stream.erl", map[string]string{"K": "3", "M": "2"}, 2},
	} {
		m := modeltest.Load(t, c.path, c.defines)
		off := checkModel(t, m, m.Config, false)
		on := checkModel(t, m, m.Config, true)
		if off.Verdict != explore.Pass || on.Verdict != explore.Pass {
			t.Fatalf("%s: verdicts %v / %v, want pass", c.path, off.Verdict, on.Verdict)
		}
		if on.Stats.States*int64(c.factor) > off.Stats.States {
			t.Errorf("%s: %d states with reduction, %d without: want at least %d times fewer", c.path, on.Stats.States, off.Stats.States, c.factor)
		}
		t.Logf("%s %v: %d states without reduction, %d with", c.path, c.defines, off.Stats.States, on.Stats.States)
	}
}
