// Package modeltest loads a model and checks it as mcgo check does, for the
// tests of the packages above semantics.
package modeltest

import (
	"context"
	"os"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/properties"
	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/statestore"
)

// Load reads and checks the model at path with the given -D defines; any
// error fails the test.
func Load(t testing.TB, path string, defines map[string]string) *lang.Model {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return LoadSource(t, path, src, defines)
}

// LoadSource is Load for a model given as source, named name.
func LoadSource(t testing.TB, name string, src []byte, defines map[string]string) *lang.Model {
	t.Helper()
	m, errs := lang.Load(token.NewFileSet(), name, src, &lang.Options{Defines: defines})
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	return m
}

// Expected returns cfg narrowed as mcgo test runs it: when a violation is
// expected, only its property is checked.
func Expected(cfg *lang.Config) *lang.Config {
	if p := cfg.Expect.Violation; p != "" {
		c := *cfg
		c.Check = []string{p}
		return &c
	}
	return cfg
}

// System builds the transition system of m under cfg, recording what its
// checked properties need, and their monitors.
func System(t testing.TB, m *lang.Model, cfg *lang.Config) (*semantics.System, []explore.Monitor[*semantics.State, semantics.Step]) {
	t.Helper()
	ps, err := properties.Select(cfg.Check)
	if err != nil {
		t.Fatal(err)
	}
	sys, err := semantics.New(m, cfg, properties.Record(ps))
	if err != nil {
		t.Fatal(err)
	}
	var mons []explore.Monitor[*semantics.State, semantics.Step]
	for _, x := range properties.Monitors(sys, ps) {
		mons = append(mons, x)
	}
	return sys, mons
}

// Check explores m under cfg with opt in a memory set, as mcgo check does.
func Check(t testing.TB, m *lang.Model, cfg *lang.Config, opt explore.Options) (explore.Result, *semantics.System) {
	t.Helper()
	sys, mons := System(t, m, cfg)
	set := statestore.NewMemory(0)
	defer set.Close()
	res, err := explore.Run[*semantics.State, semantics.Step](context.Background(), sys, set, mons, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res, sys
}
