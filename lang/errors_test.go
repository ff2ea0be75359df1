package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/lang/token"
)

// expectRx finds "% ERROR "regexp"" and "% WARNING "regexp"" comments.
var expectRx = regexp.MustCompile(`%\s*(ERROR|WARNING)\s+("(?:[^"\\]|\\.)*")`)

type expectation struct {
	line int
	sev  token.Severity
	rx   *regexp.Regexp
	text string
}

func expectations(t *testing.T, src []byte) []expectation {
	var out []expectation
	for i, line := range strings.Split(string(src), "\n") {
		for _, m := range expectRx.FindAllStringSubmatch(line, -1) {
			// The text between the quotes is the regexp, taken as is (as
			// go/parser's error tests do): \" stands for a quote.
			pat := m[2][1 : len(m[2])-1]
			rx, err := regexp.Compile(pat)
			if err != nil {
				t.Fatalf("line %d: bad regexp %q: %v", i+1, pat, err)
			}
			sev := token.SevError
			if m[1] == "WARNING" {
				sev = token.SevWarning
			}
			out = append(out, expectation{line: i + 1, sev: sev, rx: rx, text: pat})
		}
	}
	return out
}

// TestErrors loads every testdata/errors/*.erl and checks its diagnostics
// against the "% ERROR" and "% WARNING" comments on the lines they are
// reported on, both ways: every expectation is met by a diagnostic of its
// line, and every diagnostic is expected.
func TestErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.erl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no error tests: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".erl"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(file)
			fs := token.NewFileSet()
			_, errs := Load(fs, name, src, nil)
			exps := expectations(t, src)
			if len(exps) == 0 {
				t.Fatal("no expectations in file")
			}
			matched := make([]bool, len(errs))
			for _, x := range exps {
				found := false
				for i, e := range errs {
					if !matched[i] && e.Pos.Line == x.line && e.Severity == x.sev && x.rx.MatchString(e.Msg) {
						matched[i], found = true, true
						break
					}
				}
				if !found {
					var on []string
					for _, e := range errs {
						if e.Pos.Line == x.line {
							on = append(on, e.Error())
						}
					}
					t.Errorf("%s:%d: missing %s %q (diagnostics on that line: %q)", name, x.line, sevName(x.sev), x.text, on)
				}
			}
			for i, e := range errs {
				if !matched[i] {
					t.Errorf("unexpected %s: %s", sevName(e.Severity), e)
				}
			}
		})
	}
}

func sevName(s token.Severity) string {
	if s == token.SevWarning {
		return "warning"
	}
	return "error"
}

var _ = fmt.Sprint
