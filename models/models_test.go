// Package models holds mcgo's example models (the .erl files in this
// directory) and the test that checks each of them, and each of their
// variants, against its expected verdict.
//
// The test does what `mcgo test models/` does, through the library: a
// model that expects {violation, P} is checked for P alone, a model that
// expects pass is checked for every configured property and the search must
// be complete. It also asserts the exact number of unique states and
// transitions of every run, recorded in testdata/counts.txt, so that a
// change of the semantics or of the exploration shows up as a diff.
// Refresh the file with
//
//	MCGO_UPDATE=1 go test ./models/
//
// and review the diff: a count that moves is a change in what mcgo explores.
package models

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/internal/mcgotest"
	"github.com/mcgo-dev/mcgo/internal/mcgotest/modeltest"
	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/token"
)

const countsFile = "testdata/counts.txt"

// run is one model or variant with its expectation and what the check gave.
type run struct {
	name        string // "file.erl" or "file.erl [variant]"
	expect      string // "pass" or the property expected to be violated
	verdict     string // "pass", "violation" or "incomplete"
	property    string // the violated property, or "-"
	states      int64
	transitions int64
}

func (r *run) line() string {
	return fmt.Sprintf("%s %s %s %d %d", r.name, r.verdict, r.property, r.states, r.transitions)
}

// modelFiles returns the models, walked as `mcgo test models/` walks the
// directory: the .erl files with a -mcgo attribute, here and in
// subdirectories (a model of several modules has a directory of its own:
// kv/); with all, the library modules too.
func modelFiles(t *testing.T, all bool) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".erl") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if all || mcgoAttr.Match(src) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no models")
	}
	sort.Strings(files)
	return files
}

// mcgoAttr finds a -mcgo attribute at the start of a line (as mcgo test
// does).
var mcgoAttr = regexp.MustCompile(`(?m)^[ \t]*-[ \t]*mcgo[ \t]*\(`)

func TestModels(t *testing.T) {
	var runs []*run
	for _, file := range modelFiles(t, false) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m, diags := lang.Load(token.NewFileSet(), file, src, nil)
		if len(diags) > 0 {
			// Errors make the model unusable; warnings are not allowed
			// either: `mcgo parse models/*.erl` must be silent.
			var b bytes.Buffer
			diags.Print(&b, 0)
			t.Errorf("%s: diagnostics:\n%s", file, b.String())
			if diags.Errors() > 0 {
				continue
			}
		}
		type named struct {
			name string
			cfg  *lang.Config
		}
		cfgs := []named{{file, m.Config}}
		for i := range m.Config.Variants {
			v := &m.Config.Variants[i]
			c, err := m.Config.WithVariant(v)
			if err != nil {
				t.Errorf("%s: %v", file, err)
				continue
			}
			cfgs = append(cfgs, named{file + " [" + v.Name + "]", c})
		}
		for _, nc := range cfgs {
			r := check(t, m, nc.name, nc.cfg)
			if r == nil {
				continue
			}
			runs = append(runs, r)
			switch {
			case r.expect == "pass" && r.verdict != "pass":
				t.Errorf("%s: expected pass, got %s %s", r.name, r.verdict, r.property)
			case r.expect != "pass" && (r.verdict != "violation" || r.property != r.expect):
				t.Errorf("%s: expected a violation of %s, got %s %s", r.name, r.expect, r.verdict, r.property)
			}
		}
	}
	compareCounts(t, runs)
}

// check explores one configuration as `mcgo test` does, with one worker
// and partial-order reduction (mcgo's default), in a memory set.
func check(t *testing.T, m *lang.Model, name string, cfg *lang.Config) *run {
	t.Helper()
	r := &run{name: name, expect: "pass", property: "-"}
	if p := cfg.Expect.Violation; p != "" {
		r.expect = p
	}
	cfg = modeltest.Expected(cfg)
	res, _ := modeltest.Check(t, m, cfg, explore.Options{Workers: 1, POR: true})
	r.states, r.transitions = res.Stats.States, res.Stats.Transitions
	switch res.Verdict {
	case explore.Pass:
		r.verdict = "pass"
	case explore.Violated:
		r.verdict = "violation"
		r.property = res.Violation.Property
	default:
		r.verdict = "incomplete"
		r.property = strings.ReplaceAll(res.Incomplete, " ", "_")
	}
	return r
}

func compareCounts(t *testing.T, runs []*run) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# mcgo's example models: model [variant], verdict, violated property, unique states, transitions.\n")
	b.WriteString("# Written by MCGO_UPDATE=1 go test ./models/ (one worker, partial-order reduction on).\n")
	for _, r := range runs {
		b.WriteString(r.line())
		b.WriteByte('\n')
	}
	got := b.String()
	if mcgotest.Update() {
		if err := os.WriteFile(countsFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(countsFile)
	if err != nil {
		t.Fatalf("%v (run MCGO_UPDATE=1 go test ./models/ to create it)", err)
	}
	if got == string(want) {
		return
	}
	wantLines := map[string]string{}
	for _, l := range strings.Split(string(want), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		wantLines[runName(l)] = l
	}
	seen := map[string]bool{}
	for _, r := range runs {
		seen[r.name] = true
		w, ok := wantLines[r.name]
		switch {
		case !ok:
			t.Errorf("%s: not in %s; got %q", r.name, countsFile, r.line())
		case w != r.line():
			t.Errorf("%s:\n  got  %s\n  want %s", r.name, r.line(), w)
		}
	}
	for name := range wantLines {
		if !seen[name] {
			t.Errorf("%s: in %s but no longer checked", name, countsFile)
		}
	}
	t.Errorf("%s is out of date; if the change is intended, run MCGO_UPDATE=1 go test ./models/ and review the diff", countsFile)
}

// runName is the model-and-variant part of a line of counts.txt: everything
// before the last four fields.
func runName(line string) string {
	f := strings.Fields(line)
	if len(f) < 5 {
		return line
	}
	return strings.Join(f[:len(f)-4], " ")
}

// TestErlc compiles every model with erlc, warnings as errors: the models
// are real Erlang. Skipped when erlc is not installed, unless
// MCGO_REQUIRE_ERLANG is set (as in CI).
func TestErlc(t *testing.T) {
	erlc, err := exec.LookPath("erlc")
	if err != nil {
		if os.Getenv("MCGO_REQUIRE_ERLANG") != "" {
			t.Fatal("erlc is not on PATH and MCGO_REQUIRE_ERLANG is set")
		}
		t.Skip("erlc not found")
	}
	args := append([]string{"-Werror", "-o", t.TempDir()}, modelFiles(t, true)...)
	out, err := exec.Command(erlc, args...).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("erlc %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}
