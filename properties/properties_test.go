package properties_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/internal/mcgotest/modeltest"
	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/properties"
	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/trace"
)

// The fixtures in testdata/<property>/ are models where the property holds
// (holds_*.erl) or is violated (violated_*.erl). A violated model says
// where its shortest counterexample fails with a comment
//
//	%% WANT <steps> "<regexp matched by the failing step's text or notes>"
//
// and a model where a guarantee holds while no_loss fails says so with
//
//	%% ALSO no_loss

var (
	wantRE = regexp.MustCompile(`(?m)^%% WANT (\d+) "(.*)"$`)
	alsoRE = regexp.MustCompile(`(?m)^%% ALSO (\w+)$`)
)

func check(t *testing.T, path, prop string) (explore.Result, *semantics.System) {
	t.Helper()
	m := modeltest.Load(t, path, nil)
	cfg := m.Config
	cfg.Check = []string{prop}
	return modeltest.Check(t, m, cfg, explore.Options{Workers: 1})
}

func TestFixtures(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string][2]bool{}
	for _, d := range dirs {
		prop := d.Name()
		if _, ok := properties.Lookup(prop); !ok {
			t.Errorf("testdata/%s: not a property", prop)
			continue
		}
		files, _ := filepath.Glob(filepath.Join("testdata", prop, "*.erl"))
		for _, path := range files {
			name := filepath.Base(path)
			t.Run(prop+"/"+name, func(t *testing.T) {
				src, _ := os.ReadFile(path)
				res, sys := check(t, path, prop)
				c := covered[prop]
				switch {
				case strings.HasPrefix(name, "holds_"):
					c[0] = true
					covered[prop] = c
					if res.Verdict != explore.Pass {
						msg := ""
						if res.Violation != nil {
							msg = res.Violation.Msg
						}
						t.Fatalf("verdict %v %s %s, want pass", res.Verdict, res.Incomplete, msg)
					}
					for _, m := range alsoRE.FindAllStringSubmatch(string(src), -1) {
						other, _ := check(t, path, m[1])
						if other.Verdict != explore.Violated {
							t.Errorf("%s: verdict %v, want a violation beside %s holding", m[1], other.Verdict, prop)
						}
					}
				case strings.HasPrefix(name, "violated_"):
					c[1] = true
					covered[prop] = c
					if res.Verdict != explore.Violated || res.Violation.Property != prop {
						t.Fatalf("verdict %v %s, want a violation of %s", res.Verdict, res.Incomplete, prop)
					}
					want := wantRE.FindStringSubmatch(string(src))
					if want == nil {
						t.Fatalf("no %%%% WANT comment")
					}
					steps, _ := strconv.Atoi(want[1])
					f, err := trace.Build(sys, res.Violation, trace.Meta{File: path})
					if err != nil {
						t.Fatal(err)
					}
					if len(f.Steps) != steps {
						var b strings.Builder
						f.WriteText(&b)
						t.Fatalf("violated after %d steps, want %d:\n%s", len(f.Steps), steps, b.String())
					}
					last := f.Steps[len(f.Steps)-1]
					text := last.Text + "\n" + strings.Join(last.Notes, "\n")
					if !regexp.MustCompile(want[2]).MatchString(text) {
						var b strings.Builder
						f.WriteText(&b)
						t.Errorf("last step %q does not match %q:\n%s", text, want[2], b.String())
					}
				default:
					t.Fatalf("fixture names start with holds_ or violated_")
				}
			})
		}
	}
	for _, p := range properties.All {
		c := covered[p.Name]
		if !c[0] {
			t.Errorf("property %s has no fixture where it holds", p.Name)
		}
		if !c[1] && !p.Guarantee {
			t.Errorf("property %s has no fixture where it is violated", p.Name)
		}
	}
}

// TestNamesAreLangs checks that the properties are the ones lang knows,
// in its order: the names come from one table (lang.Properties).
func TestNamesAreLangs(t *testing.T) {
	var got []string
	for _, p := range properties.All {
		got = append(got, p.Name)
	}
	if strings.Join(got, " ") != strings.Join(lang.Properties, " ") {
		t.Errorf("properties.All is %v, lang.Properties %v", got, lang.Properties)
	}
}
