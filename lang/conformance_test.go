package lang

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/lang/token"
)

// TestErlcConformance checks that every .erl file under models/,
// lang/testdata/ (including the in.erl of the parse archives) and the
// partial-order reduction's models in semantics/testdata/por/ that mcgo
// accepts without errors is also accepted by erlc: mcgo's subset must
// not admit programs that Erlang rejects.
func TestErlcConformance(t *testing.T) {
	erlc, err := exec.LookPath("erlc")
	if err != nil {
		if os.Getenv("MCGO_REQUIRE_ERLANG") != "" {
			t.Fatal("erlc is not on PATH and MCGO_REQUIRE_ERLANG is set")
		}
		t.Skip("erlc is not on PATH: install Erlang/OTP to check conformance with erlc")
	}
	if testing.Short() {
		t.Skip("erlc takes a few seconds; skipped in -short mode")
	}
	dir := t.TempDir()
	outDir := filepath.Join(dir, "beam")
	if err := os.Mkdir(outDir, 0o777); err != nil {
		t.Fatal(err)
	}
	files := erlFiles(t)
	var names []string
	for n := range files {
		if strings.HasPrefix(n, "models/") || strings.HasPrefix(n, "lang/testdata/") || strings.HasPrefix(n, "semantics/testdata/por/") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	accepted := map[string]string{} // module -> source name
	var paths []string
	for _, n := range names {
		fs := token.NewFileSet()
		m, errs := Load(fs, filepath.Base(n), files[n], nil)
		if errs.Err() != nil || m.Module.Name == "" {
			continue
		}
		if prev, dup := accepted[m.Module.Name]; dup {
			t.Errorf("%s and %s both define module %s", prev, n, m.Module.Name)
			continue
		}
		accepted[m.Module.Name] = n
		p := filepath.Join(dir, m.Module.Name+".erl")
		if err := os.WriteFile(p, files[n], 0o666); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if len(paths) < 10 {
		t.Fatalf("only %d files accepted by mcgo; expected the models and the parse tests", len(paths))
	}
	// One erlc for all files; erlc stops at the first file it rejects, so
	// on failure each file is compiled alone to name the culprits.
	run := func(files ...string) ([]byte, error) {
		cmd := exec.Command(erlc, append([]string{"-o", outDir}, files...)...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.Bytes(), err
	}
	if _, err := run(paths...); err != nil {
		for _, p := range paths {
			mod := strings.TrimSuffix(filepath.Base(p), ".erl")
			if out, err := run(p); err != nil {
				t.Errorf("%s: accepted by mcgo, rejected by erlc: %v\n%s", accepted[mod], err, out)
			}
		}
	}
	for mod, n := range accepted {
		if _, err := os.Stat(filepath.Join(outDir, mod+".beam")); err != nil {
			t.Errorf("%s: accepted by mcgo, but erlc wrote no %s.beam", n, mod)
		}
	}
	t.Logf("%d files accepted by both mcgo and erlc", len(paths))
}

// TestErlcSameLines checks the other direction on the error tests that
// start with "%% erlc: same lines": erlc reports an error (a warning) on
// exactly the lines where mcgo reports one. mcgo reports at most one
// error and one warning per line, so lines are compared, not messages.
func TestErlcSameLines(t *testing.T) {
	erlc, err := exec.LookPath("erlc")
	if err != nil {
		if os.Getenv("MCGO_REQUIRE_ERLANG") != "" {
			t.Fatal("erlc is not on PATH and MCGO_REQUIRE_ERLANG is set")
		}
		t.Skip("erlc is not on PATH: install Erlang/OTP to check conformance with erlc")
	}
	files, err := filepath.Glob("testdata/errors/*.erl")
	if err != nil {
		t.Fatal(err)
	}
	// erlc's "file:line:col: [Warning: ]message" lines.
	diag := regexp.MustCompile(`^[^:\s]+\.erl:(\d+):\d+: (Warning: )?`)
	n := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(src, []byte("%% erlc: same lines\n")) {
			continue
		}
		n++
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".erl"), func(t *testing.T) {
			out, _ := exec.Command(erlc, "-o", t.TempDir(), file).CombinedOutput()
			erlcLines := map[string]bool{}
			for _, line := range strings.Split(string(out), "\n") {
				if m := diag.FindStringSubmatch(line); m != nil {
					erlcLines[diagKey(m[1], m[2] != "")] = true
				}
			}
			_, errs := Load(token.NewFileSet(), name, src, nil)
			mcgoLines := map[string]bool{}
			for _, e := range errs {
				mcgoLines[diagKey(fmt.Sprint(e.Pos.Line), e.Severity == token.SevWarning)] = true
			}
			for k := range erlcLines {
				if !mcgoLines[k] {
					t.Errorf("%s: erlc reports %s, mcgo does not\n%s", name, k, out)
				}
			}
			for k := range mcgoLines {
				if !erlcLines[k] {
					t.Errorf("%s: mcgo reports %s, erlc does not", name, k)
				}
			}
		})
	}
	if n == 0 {
		t.Fatal("no error test starts with \"%% erlc: same lines\"")
	}
}

func diagKey(line string, warning bool) string {
	if warning {
		return "a warning on line " + line
	}
	return "an error on line " + line
}
