package statestore_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports enforces the import rules of doc.go: statestore imports only
// the standard library and xxhash; statestore/badgerstore adds statestore
// and badger (and is the only importer of badger); settest adds statestore.
func TestImports(t *testing.T) {
	rules := map[string]func(string) bool{
		".": func(p string) bool { return isStd(p) || p == "github.com/cespare/xxhash/v2" },
		"badgerstore": func(p string) bool {
			return isStd(p) || p == "github.com/mcgo-dev/mcgo/statestore" ||
				strings.HasPrefix(p, "github.com/dgraph-io/badger/v4")
		},
		"settest": func(p string) bool { return isStd(p) || p == "github.com/mcgo-dev/mcgo/statestore" },
	}
	for dir, ok := range rules {
		for _, imp := range nonTestImports(t, dir) {
			if !ok(imp) {
				t.Errorf("statestore/%s imports %q, which doc.go forbids", dir, imp)
			}
		}
	}
}

func isStd(p string) bool { return !strings.Contains(strings.SplitN(p, "/", 2)[0], ".") }

func nonTestImports(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, is := range af.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			out = append(out, p)
		}
	}
	return out
}
