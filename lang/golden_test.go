package lang

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/mcgo-dev/mcgo/internal/mcgotest"
	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// update is MCGO_UPDATE=1: rewrite the goldens instead of comparing.
var update = mcgotest.Update()

// moduleRoot is the directory of go.mod.
func moduleRoot(t testing.TB) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// goldenInput returns the source a parse archive describes: its in.erl,
// or the file named by a "source: path" line (relative to the module
// root) in its comment.
func goldenInput(t *testing.T, a *txtarArchive) (name string, src []byte) {
	for _, line := range strings.Split(string(a.Comment), "\n") {
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), "source:"); ok {
			p = strings.TrimSpace(p)
			src, err := os.ReadFile(filepath.Join(moduleRoot(t), filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			return filepath.Base(p), src
		}
	}
	for _, f := range a.Files {
		if f.Name == "in.erl" {
			return "in.erl", f.Data
		}
	}
	t.Fatal("archive has neither in.erl nor a source: line")
	return "", nil
}

// TestParseGolden parses every testdata/parse/*.txtar and compares the AST
// dump with out/ast, the configuration with out/config (when the archive
// has one) and the diagnostics with out/diag (which must be absent when
// there are none).
func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := readTxtar(file)
			if err != nil {
				t.Fatal(err)
			}
			name, src := goldenInput(t, a)
			fs := token.NewFileSet()
			m, errs := Load(fs, name, src, nil)
			var astOut, confOut, diagOut bytes.Buffer
			ast.Fprint(&astOut, fs, m.Module)
			m.Config.Format(&confOut)
			errs.Print(&diagOut, 0)
			got := map[string][]byte{"out/ast": astOut.Bytes(), "out/config": confOut.Bytes(), "out/diag": diagOut.Bytes()}

			have := map[string]int{}
			for i, f := range a.Files {
				have[f.Name] = i
			}
			changed := false
			for _, key := range []string{"out/ast", "out/config", "out/diag"} {
				i, ok := have[key]
				want := []byte(nil)
				if ok {
					want = a.Files[i].Data
				}
				g := got[key]
				optional := key == "out/config" && !ok
				if key == "out/diag" && len(g) == 0 && !ok {
					continue
				}
				if optional || bytes.Equal(g, want) {
					continue
				}
				if update {
					changed = true
					switch {
					case ok && len(g) == 0 && key == "out/diag":
						a.Files = append(a.Files[:i], a.Files[i+1:]...)
						have = map[string]int{}
						for j, f := range a.Files {
							have[f.Name] = j
						}
					case ok:
						a.Files[i].Data = g
					default:
						a.Files = append(a.Files, txtarFile{Name: key, Data: g})
						have[key] = len(a.Files) - 1
					}
					continue
				}
				t.Errorf("%s differs:\n%s", key, diff.Diff("want", want, "got", g))
			}
			if changed {
				if err := os.WriteFile(file, formatTxtar(a), 0o666); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
