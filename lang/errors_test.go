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
			// The file is loaded by its path, so that the headers it
			// includes are found beside it; diagnostics in a header are
			// matched against the header's own comments.
			name := filepath.Base(file)
			fs := token.NewFileSet()
			_, errs := Load(fs, file, src, nil)
			type fileExp struct {
				file string
				expectation
			}
			var exps []fileExp
			for _, x := range expectations(t, src) {
				exps = append(exps, fileExp{file, x})
			}
			headers := map[string]bool{}
			for _, e := range errs {
				if h := e.Pos.Filename; h != file && strings.HasSuffix(h, ".hrl") && !headers[h] {
					headers[h] = true
					hsrc, err := os.ReadFile(h)
					if err != nil {
						t.Fatalf("diagnostic in %s: %v", h, err)
					}
					for _, x := range expectations(t, hsrc) {
						exps = append(exps, fileExp{h, x})
					}
				}
			}
			if len(exps) == 0 {
				t.Fatal("no expectations in the file (or in the headers it includes)")
			}
			matched := make([]bool, len(errs))
			for _, x := range exps {
				found := false
				for i, e := range errs {
					if !matched[i] && e.Pos.Filename == x.file && e.Pos.Line == x.line && e.Severity == x.sev && x.rx.MatchString(e.Msg) {
						matched[i], found = true, true
						break
					}
				}
				if !found {
					var on []string
					for _, e := range errs {
						if e.Pos.Filename == x.file && e.Pos.Line == x.line {
							on = append(on, e.Error())
						}
					}
					t.Errorf("%s:%d: missing %s %q (diagnostics on that line: %q)", filepath.Base(x.file), x.line, sevName(x.sev), x.text, on)
				}
			}
			for i, e := range errs {
				if !matched[i] {
					t.Errorf("%s: unexpected %s: %s", name, sevName(e.Severity), e)
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
