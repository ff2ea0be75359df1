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
	root := moduleRoot(t)
	incDirs := map[string]bool{} // directories of accepted files, for erlc's -I
	for _, n := range names {
		fs := token.NewFileSet()
		// Loaded by its path, so that the headers it includes are found
		// beside it; erlc gets the same directories with -I.
		m, errs := Load(fs, filepath.Join(root, filepath.FromSlash(n)), files[n], nil)
		if errs.Err() != nil || m.Module.Name == "" {
			continue
		}
		if prev, dup := accepted[m.Module.Name]; dup {
			t.Errorf("%s and %s both define module %s", prev, n, m.Module.Name)
			continue
		}
		accepted[m.Module.Name] = n
		incDirs[filepath.Dir(filepath.Join(root, filepath.FromSlash(n)))] = true
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
	var dirs, incArgs []string
	for d := range incDirs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		incArgs = append(incArgs, "-I", d)
	}
	run := func(files ...string) ([]byte, error) {
		args := append([]string{"-o", outDir}, incArgs...)
		cmd := exec.Command(erlc, append(args, files...)...)
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

// TestErlcRejectsPreprocessor checks the other direction for the
// preprocessor's error tests: each is rejected by erlc and by mcgo on the
// same lines of the same files (a header's errors in the header).
// Known differences: mcgo reports an unterminated -if/-ifdef at the
// directive, erlc at the end of the file; erlc also reports the export of
// a function whose definition had a preprocessor error as undefined.
func TestErlcRejectsPreprocessor(t *testing.T) {
	erlc, err := exec.LookPath("erlc")
	if err != nil {
		if os.Getenv("MCGO_REQUIRE_ERLANG") != "" {
			t.Fatal("erlc is not on PATH and MCGO_REQUIRE_ERLANG is set")
		}
		t.Skip("erlc is not on PATH")
	}
	if testing.Short() {
		t.Skip("erlc takes a few seconds; skipped in -short mode")
	}
	lineRx := regexp.MustCompile(`^([^:\s]+):(\d+):\d+: (.*)$`)
	undefFunRx := regexp.MustCompile(`^function \S+ undefined$`)
	for _, name := range []string{"include_header", "include_deep", "if_elif", "ifdef", "macro_args", "macro_name", "predefined_macro", "unknown_macro", "bad_define"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", "errors")
			cmd := exec.Command(erlc, "-o", t.TempDir(), name+".erl")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("erlc accepts %s.erl", name)
			}
			erlcLines := map[string]string{}
			for _, l := range strings.Split(string(out), "\n") {
				m := lineRx.FindStringSubmatch(l)
				if m == nil || strings.HasPrefix(m[3], "Warning:") || strings.HasPrefix(m[3], "unterminated") || undefFunRx.MatchString(m[3]) {
					continue
				}
				erlcLines[filepath.Base(m[1])+":"+m[2]] = m[3]
			}
			path := filepath.Join(dir, name+".erl")
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, errs := Load(token.NewFileSet(), path, src, nil)
			mcgoLines := map[string]string{}
			for _, e := range errs {
				if e.Severity != token.SevError || strings.HasPrefix(e.Msg, "unterminated") {
					continue
				}
				mcgoLines[fmt.Sprintf("%s:%d", filepath.Base(e.Pos.Filename), e.Pos.Line)] = e.Msg
			}
			for l, msg := range erlcLines {
				if _, ok := mcgoLines[l]; !ok {
					t.Errorf("%s: erlc reports %q, mcgo nothing", l, msg)
				}
			}
			for l, msg := range mcgoLines {
				if _, ok := erlcLines[l]; !ok {
					t.Errorf("%s: mcgo reports %q, erlc nothing", l, msg)
				}
			}
		})
	}
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
