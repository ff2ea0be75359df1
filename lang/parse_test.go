package lang

import (
	"bytes"
	"fmt"
	goparser "go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mcgo-dev/mcgo/lang/ast"
	mtoken "github.com/mcgo-dev/mcgo/lang/token"
)

// TestDefines checks -D options: -DNAME defines NAME as true, -DNAME=Value
// as the term.
func TestDefines(t *testing.T) {
	src := `-module(d).
-export([f/0]).
-ifdef(DEBUG).
f() -> {?DEBUG, ?N}.
-else.
f() -> nodebug.
-endif.
`
	fs := mtoken.NewFileSet()
	m, err := ParseFile(fs, "d.erl", []byte(src), &Options{Defines: map[string]string{"DEBUG": "", "N": "{1, two}"}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	ast.Fprint(&buf, nil, m.Funcs[0].Clauses[0].Body[0])
	want := "Tuple -\n  Atom \"true\" -\n  Tuple -\n    Int 1 -\n    Atom \"two\" -\n"
	if buf.String() != want {
		t.Errorf("got:\n%swant:\n%s", buf.String(), want)
	}
	m, err = ParseFile(mtoken.NewFileSet(), "d.erl", []byte(src), &Options{Defines: map[string]string{"N": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	if a, ok := m.Funcs[0].Clauses[0].Body[0].(*ast.Atom); !ok || a.Name != "nodebug" {
		t.Errorf("without DEBUG: %#v", m.Funcs[0].Clauses[0].Body[0])
	}
	_, err = ParseFile(mtoken.NewFileSet(), "d.erl", []byte(src), &Options{Defines: map[string]string{"N": "'x"}})
	if err == nil || !strings.Contains(err.Error(), "-DN='x: unterminated atom") {
		t.Errorf("bad -D value: %v", err)
	}
	// As erlc: -DMODULE=x is refused (it would silently change which
	// module ?MODULE names), and so is every other predefined macro.
	for _, name := range []string{"MODULE", "MODULE_STRING", "LINE", "FILE", "MACHINE", "BEAM", "OTP_RELEASE", "FUNCTION_NAME", "FUNCTION_ARITY"} {
		_, err = ParseFile(mtoken.NewFileSet(), "d.erl", []byte(src), &Options{Defines: map[string]string{name: "x"}})
		if want := "d.erl: redefining predefined macro '" + name + "'"; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("-D%s=x: got %v, want %s", name, err, want)
		}
	}
	// -D names are names ?NAME can use.
	for _, name := range []string{"1x", "a b", "A-B", "(", "N\n"} {
		_, err = ParseFile(mtoken.NewFileSet(), "d.erl", []byte(src), &Options{Defines: map[string]string{name: "1"}})
		if err == nil || !strings.Contains(err.Error(), "not a macro name") {
			t.Errorf("-D%q: got %v, want not a macro name", name, err)
		}
	}
	for _, name := range []string{"debug", "_X", "N2", "a@b", "Über"} {
		if _, err = ParseFile(mtoken.NewFileSet(), "d.erl", []byte(src), &Options{Defines: map[string]string{name: "1"}}); err != nil {
			t.Errorf("-D%s: %v", name, err)
		}
	}
}

// TestScanErrors covers lexical errors that an inline expectation cannot
// (they swallow the rest of the file, or need the file to end there).
func TestScanErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"f() -> \"abc\n", "s.erl:1:8: unterminated string starting with \"abc\\n\""},
		{"f() -> \"abcdefghijklmnopqrstuvwxyz", "s.erl:1:8: unterminated string starting with \"abcdefghijklmnop\""},
		{"f() -> $", "s.erl:1:8: unterminated character"},
		{"f() -> 'a\\x{110000}'.", "s.erl:1:8: illegal character"},
		{"f() -> \xff.", "s.erl:1:8: illegal character"},
		{"f() -> 1_000_.", "s.erl:1:8: illegal integer"},
		{"f() -> 2#.", "s.erl:1:8: illegal integer"},
		{"f() -> 1#1.", "s.erl:1:8: illegal base '1'"},
		{"f() -> 1.0e.", "s.erl:1:8: illegal float"},
		{"f() -> 1.5e+.", "s.erl:1:8: illegal float"},
		{"f() -> 1.0e309.", "s.erl:1:8: illegal float"},
		{"f() -> 1e5.", "s.erl:1:9: expected '.', found e5"},
	}
	for _, tt := range tests {
		_, err := ParseFile(mtoken.NewFileSet(), "s.erl", []byte(tt.src), nil)
		if err == nil {
			t.Errorf("%q: no error, want %s", tt.src, tt.want)
			continue
		}
		if got := err.(mtoken.ErrorList)[0].Error(); got != tt.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// TestParseFileResult checks that ParseFile returns a nil error (not a
// typed nil) on success and a sorted ErrorList with the partial module on
// failure.
func TestParseFileResult(t *testing.T) {
	m, err := ParseFile(mtoken.NewFileSet(), "ok.erl", []byte("-module(ok).\nf() -> ok.\n"), nil)
	if err != nil || m.Name != "ok" || len(m.Funcs) != 1 {
		t.Fatalf("got %v, %v", m, err)
	}
	m, err = ParseFile(mtoken.NewFileSet(), "bad.erl", []byte("-module(bad).\ng() -> ).\nf() -> ok.\nh() -> (.\n"), nil)
	el, ok := err.(mtoken.ErrorList)
	if !ok || len(el) != 2 || el[0].Pos.Line != 2 || el[1].Pos.Line != 4 {
		t.Fatalf("errors: %v", err)
	}
	if m.Name != "bad" || len(m.Funcs) != 1 || m.Funcs[0].Name != "f" {
		t.Errorf("partial module: %+v", m)
	}
}

// TestMacroPositions checks that tokens from a macro body take the
// position of the macro's use.
func TestMacroPositions(t *testing.T) {
	src := "-module(p).\n-define(T(X), {X, body}).\nf(A) ->\n  ?T(A).\n"
	fs := mtoken.NewFileSet()
	m, err := ParseFile(fs, "p.erl", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	tup := m.Funcs[0].Clauses[0].Body[0].(*ast.Tuple)
	if p := fs.Position(tup.Pos()); p.Line != 4 || p.Col != 3 {
		t.Errorf("tuple from macro body at %v, want 4:3", p)
	}
	if p := fs.Position(tup.Elems[0].Pos()); p.Line != 4 || p.Col != 6 {
		t.Errorf("argument at %v, want 4:6 (where it is written)", p)
	}
}

// TestMacroExpansionBound checks that exponential macros stop with an
// error instead of exhausting memory.
func TestMacroExpansionBound(t *testing.T) {
	var b strings.Builder
	b.WriteString("-module(x).\n-define(M0, a).\n")
	for i := 1; i <= 30; i++ {
		b.WriteString("-define(M" + strconv.Itoa(i) + ", [?M" + strconv.Itoa(i-1) + ", ?M" + strconv.Itoa(i-1) + "]).\n")
	}
	b.WriteString("f() -> ?M30.\n")
	_, err := ParseFile(mtoken.NewFileSet(), "x.erl", []byte(b.String()), nil)
	if err == nil || !strings.Contains(err.Error(), "macro expansion too large") {
		t.Errorf("got %v", err)
	}
}

// TestImports enforces the package rule of doc.go: lang imports no mcgo
// package other than lang/ast and lang/token, and participle.
func TestImports(t *testing.T) {
	allowed := map[string]bool{
		"github.com/mcgo-dev/mcgo/lang/ast":         true,
		"github.com/mcgo-dev/mcgo/lang/token":       true,
		"github.com/alecthomas/participle/v2":       true,
		"github.com/alecthomas/participle/v2/lexer": true,
	}
	for _, dir := range []string{".", "ast", "token"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			pf, err := goparser.ParseFile(gotoken.NewFileSet(), f, nil, goparser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range pf.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if !strings.Contains(path, ".") {
					continue // standard library
				}
				if !allowed[path] || (dir != "." && strings.Contains(path, "participle")) {
					t.Errorf("%s imports %s", f, path)
				}
				if dir == "token" && strings.HasPrefix(path, "github.com/mcgo-dev/") {
					t.Errorf("%s imports %s: lang/token imports nothing from mcgo", f, path)
				}
			}
		}
	}
}

// TestDeepNesting checks that deeply nested input is an error, not a stack
// overflow.
func TestDeepNesting(t *testing.T) {
	for _, src := range []string{
		"f() -> " + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + ".",
		"f() -> " + strings.Repeat("X = ", 100000) + "1.",
		"f() -> " + strings.Repeat("fun() -> ", 5000) + "1" + strings.Repeat(" end", 5000) + ".",
		"f() -> " + strings.Repeat("- ", 100000) + "1.",
	} {
		_, err := ParseFile(mtoken.NewFileSet(), "deep.erl", []byte(src), nil)
		if err == nil || !strings.Contains(err.Error(), "expression nested too deeply") {
			t.Errorf("got %v", err)
		}
	}
	ok := "f() -> " + strings.Repeat("(", 500) + "1" + strings.Repeat(")", 500) + ", [" + strings.Repeat("1, ", 20000) + "1]."
	if _, err := ParseFile(mtoken.NewFileSet(), "ok.erl", []byte(ok), nil); err != nil {
		t.Errorf("500 parentheses and a long list: %v", err)
	}
}

// TestConcurrentLoad checks that Load may be called from several
// goroutines (the parsers are shared; run with -race).
func TestConcurrentLoad(t *testing.T) {
	files := erlFiles(t)
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			for name, src := range files {
				Load(mtoken.NewFileSet(), name, src, nil)
			}
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
}

// TestMacroChain: expanding a chain of 20,000 macros, each defined by the
// previous one, costs about as much as reading 20,000 definitions that use
// no macro (it was quadratic: 10 s for the chain against 0.3 s).
func TestMacroChain(t *testing.T) {
	const n = 20000
	parse := func(chained bool) time.Duration {
		var b strings.Builder
		b.WriteString("-module(chain).\n-export([start/0]).\n-define(M0, x).\n")
		for i := 1; i < n; i++ {
			if chained {
				fmt.Fprintf(&b, "-define(M%d, ?M%d).\n", i, i-1)
			} else {
				fmt.Fprintf(&b, "-define(M%d, x).\n", i)
			}
		}
		fmt.Fprintf(&b, "start() -> ?M%d.\n", n-1)
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			m, err := ParseFile(mtoken.NewFileSet(), "chain.erl", []byte(b.String()), nil)
			best = min(best, time.Since(start))
			if err != nil {
				t.Fatal(err)
			}
			if a, ok := m.Funcs[0].Clauses[0].Body[0].(*ast.Atom); !ok || a.Name != "x" {
				t.Fatalf("?M%d expands to %#v", n-1, m.Funcs[0].Clauses[0].Body[0])
			}
		}
		return best
	}
	flat, chain := parse(false), parse(true)
	t.Logf("%d definitions: %v; chained: %v", n, flat, chain)
	if chain > 5*flat+100*time.Millisecond {
		t.Errorf("a chain of %d macros took %v, as many plain definitions %v", n, chain, flat)
	}
}
