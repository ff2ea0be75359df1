package mcgo_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The import rules of mcgo's packages (STYLE.md 4.1), in the spirit of Go's
// src/go/build/deps_test.go: for each package, the mcgo packages and the
// third-party modules its non-test files may import. The standard library is
// always allowed. Editing this table is a design decision, not a build fix:
// explore never learns Erlang, only lang imports participle, only
// badgerstore imports badger, only cmd/mcgo imports cobra.
const module = "github.com/mcgo-dev/mcgo"

var allowed = map[string][]string{
	"lang/token":                 {},
	"lang/ast":                   {"lang/token"},
	"lang":                       {"lang/token", "lang/ast", "github.com/alecthomas/participle/v2"},
	"semantics/term":             {},
	"semantics/internal/compile": {"semantics/term", "lang", "lang/token", "lang/ast"},
	"semantics/internal/vm":      {"semantics/term", "semantics/internal/compile", "lang/token"},
	"semantics":                  {"semantics/term", "semantics/internal/compile", "semantics/internal/vm", "lang", "lang/token", "lang/ast", "github.com/cespare/xxhash/v2"},
	"properties":                 {"semantics", "lang"},
	"statestore":                 {"github.com/cespare/xxhash/v2"},
	"statestore/settest": {
		"statestore",
	},
	"statestore/badgerstore": {"statestore", "github.com/dgraph-io/badger/v4"},
	"explore":                {"statestore"},
	"trace":                  {"semantics", "semantics/term", "explore"},
	"report":                 {"trace"},
	// Helpers of the tests (no command imports them).
	"internal/mcgotest": {"github.com/rogpeppe/go-internal"},
	"internal/mcgotest/modeltest": {
		"lang", "lang/token", "semantics", "properties", "explore", "statestore",
	},
	"cmd/mcgo": {
		"lang", "lang/token", "lang/ast", "semantics", "properties", "explore", "statestore",
		"statestore/badgerstore", "trace", "report", "github.com/spf13/cobra", "github.com/spf13/pflag",
	},
}

func TestImportRules(t *testing.T) {
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "out") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		pkg := filepath.ToSlash(filepath.Dir(path))
		rules, ok := allowed[pkg]
		if !ok {
			t.Errorf("%s: package %s has no import rule: add it to deps_test.go (a design decision)", path, pkg)
			return nil
		}
		seen[pkg] = true
		af, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, is := range af.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			if !strings.Contains(strings.SplitN(p, "/", 2)[0], ".") {
				continue // standard library
			}
			rel := strings.TrimPrefix(p, module+"/")
			ok := false
			for _, a := range rules {
				if rel == a || p == a || strings.HasPrefix(p, a+"/") && strings.Contains(a, ".") {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s imports %q: %s may import only %v and the standard library", path, p, pkg, rules)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var stale []string
	for pkg := range allowed {
		if !seen[pkg] {
			if _, err := os.Stat(pkg); err != nil {
				stale = append(stale, pkg)
			}
		}
	}
	sort.Strings(stale)
	for _, p := range stale {
		t.Errorf("deps_test.go has a rule for %s, which does not exist", p)
	}
}
