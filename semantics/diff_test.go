package semantics

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The differential test: each program of testdata/diff exports start/0 and
// prints with io:format. Its output under mcgo (Run, several seeds, which
// must all agree) must be byte for byte what real Erlang prints, kept in a
// golden file beside the program (NAME.out). TestDiffErlangLive runs erl
// and checks the goldens against it (MCGO_UPDATE=1 rewrites them from erl);
// TestDiffGolden checks mcgo against the goldens, so that it also runs
// where erl is not installed.

// diffSeeds are the scheduler seeds every program runs under.
var diffSeeds = []uint64{1, 2, 3, 4, 5, 6, 7, 8, 13, 42, 99, 1000}

//
// A program of several modules is a directory testdata/diff/NAME (NAME
// starting with mod_): NAME/NAME.erl exports start/0, the other files of
// the directory are its library modules (its code path), and the golden is
// NAME/NAME.out.

func diffPrograms(t *testing.T) []string {
	files, err := filepath.Glob("testdata/diff/*.erl")
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob("testdata/diff/mod_*")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		files = append(files, filepath.Join(d, filepath.Base(d)+".erl"))
	}
	if len(files) == 0 {
		t.Fatal("no programs in testdata/diff")
	}
	return files
}

// diffSources returns every file erlc compiles: the programs and their
// library modules.
func diffSources(t *testing.T) []string {
	files, err := filepath.Glob("testdata/diff/*.erl")
	if err != nil {
		t.Fatal(err)
	}
	libs, err := filepath.Glob("testdata/diff/mod_*/*.erl")
	if err != nil {
		t.Fatal(err)
	}
	return append(files, libs...)
}

// compileDiff compiles a program of testdata/diff: one in a directory of
// its own with its library modules.
func compileDiff(t *testing.T, path string) *System {
	if filepath.Dir(path) != filepath.Join("testdata", "diff") {
		return compileWithLibraries(t, path, 0)
	}
	// The model is named by its path, as erlc names it: ?FILE and the
	// headers it includes beside it are then the same for both.
	return compileModel(t, path, readFile(t, path), nil, 0)
}

// mcgoOutput runs a model under each seed and returns its io output; all
// seeds must print the same and end without reaching a bound.
func mcgoOutput(t *testing.T, path string) string {
	t.Helper()
	sys := compileDiff(t, path)
	var first string
	for i, seed := range diffSeeds {
		var out strings.Builder
		res := sys.Run(RunOptions{Seed: seed, Steps: 100000}, func(_ *State, st Step, _ *State) {
			out.WriteString(st.Info.Output)
		})
		if res.End != "done" && res.End != "blocked" {
			t.Fatalf("seed %d: run ended with %q after %d steps (%s)", seed, res.End, res.Steps, res.Final.Bound)
		}
		if i == 0 {
			first = out.String()
			continue
		}
		if out.String() != first {
			t.Fatalf("seed %d prints differently from seed %d:\n%s", seed, diffSeeds[0], lineDiff(first, out.String()))
		}
	}
	return first
}

// lineDiff shows where two outputs part: the first differing line with a
// little context.
func lineDiff(want, got string) string {
	wl := strings.SplitAfter(want, "\n")
	gl := strings.SplitAfter(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	var b strings.Builder
	from := i - 3
	if from < 0 {
		from = 0
	}
	for k := from; k < i; k++ {
		fmt.Fprintf(&b, "   %q\n", wl[k])
	}
	for k := i; k < i+4 && k < len(wl); k++ {
		fmt.Fprintf(&b, " - %q\n", wl[k])
	}
	for k := i; k < i+4 && k < len(gl); k++ {
		fmt.Fprintf(&b, " + %q\n", gl[k])
	}
	return b.String()
}

func goldenPath(erl string) string { return strings.TrimSuffix(erl, ".erl") + ".out" }

// TestDiffErlangLive compares mcgo with erl itself and checks that the
// goldens hold what erl prints.
func TestDiffErlangLive(t *testing.T) {
	erl, err1 := exec.LookPath("erl")
	erlc, err2 := exec.LookPath("erlc")
	if err1 != nil || err2 != nil {
		if updateGoldens {
			t.Fatal("MCGO_UPDATE=1 needs erl and erlc to regenerate the goldens of testdata/diff")
		}
		if os.Getenv("MCGO_REQUIRE_ERLANG") != "" {
			t.Fatal("erl or erlc is not on PATH and MCGO_REQUIRE_ERLANG is set")
		}
		t.Skip("erl or erlc not found: the comparison with real Erlang is skipped; TestDiffGolden still checks mcgo against the goldens")
	}
	files := diffPrograms(t)
	dir := t.TempDir()
	sources := diffSources(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append([]string{"-o", dir}, sources...)
	if out, err := exec.CommandContext(ctx, erlc, args...).CombinedOutput(); err != nil {
		t.Fatalf("erlc: %v\n%s", err, out)
	}
	sem := make(chan struct{}, 8) // erl spends its time starting up, not computing
	var mu sync.Mutex
	t.Run("group", func(t *testing.T) {
		for _, f := range files {
			f := f
			mod := strings.TrimSuffix(filepath.Base(f), ".erl")
			t.Run(mod, func(t *testing.T) {
				t.Parallel()
				sem <- struct{}{}
				// The logger is off: crash reports of processes that die on
				// purpose are not the program's output (mcgo writes its own
				// to stderr), and erl may or may not print them before halt.
				cctx, ccancel := context.WithTimeout(ctx, 30*time.Second)
				defer ccancel()
				cmd := exec.CommandContext(cctx, erl, "-noshell", "-pa", dir, "-kernel", "logger_level", "none",
					"-eval", mod+":start(), halt().")
				cmd.Dir = dir // a crash dump, if any, goes there
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				<-sem
				if err != nil {
					t.Fatalf("erl: %v\n%s%s", err, stdout.String(), stderr.String())
				}
				want := stdout.String()
				gp := goldenPath(f)
				if updateGoldens {
					mu.Lock()
					defer mu.Unlock()
					if err := os.WriteFile(gp, []byte(want), 0o644); err != nil {
						t.Fatal(err)
					}
				} else if golden, err := os.ReadFile(gp); err != nil {
					t.Errorf("%v (MCGO_UPDATE=1 writes it)", err)
				} else if string(golden) != want {
					t.Errorf("%s is stale: erl prints\n%s", gp, lineDiff(string(golden), want))
				}
				if got := mcgoOutput(t, f); got != want {
					t.Errorf("mcgo and erl differ (- erl, + mcgo):\n%s", lineDiff(want, got))
				}
			})
		}
	})
}

// TestDiffGolden checks mcgo's output against the goldens (erl's output).
func TestDiffGolden(t *testing.T) {
	for _, f := range diffPrograms(t) {
		f := f
		t.Run(strings.TrimSuffix(filepath.Base(f), ".erl"), func(t *testing.T) {
			t.Parallel()
			golden, err := os.ReadFile(goldenPath(f))
			if err != nil {
				t.Fatalf("%v (MCGO_UPDATE=1 with erl installed writes it)", err)
			}
			if got := mcgoOutput(t, f); got != string(golden) {
				t.Errorf("mcgo differs from the golden (- erl, + mcgo):\n%s", lineDiff(string(golden), got))
			}
		})
	}
}
