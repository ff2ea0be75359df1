package semantics

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mcgo-dev/mcgo/internal/mcgotest"
	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// updateGoldens is true when the goldens are to be rewritten
// (MCGO_UPDATE=1 go test ./semantics/...).
var updateGoldens = mcgotest.Update()

// compileModel loads a model from source, applies configuration overrides
// (key, value pairs in the flag syntax of lang.Config.Set) and builds its
// transition system. Warnings are ignored; errors fail the test.
func compileModel(t testing.TB, name string, src []byte, overrides [][2]string, rec Record) *System {
	t.Helper()
	return compileModelOpts(t, name, src, overrides, rec, nil)
}

// compileModelOpts is compileModel with lang's options (a code path).
func compileModelOpts(t testing.TB, name string, src []byte, overrides [][2]string, rec Record, opts *lang.Options) *System {
	t.Helper()
	fs := token.NewFileSet()
	m, errs := lang.Load(fs, name, src, opts)
	if errs.Errors() > 0 {
		t.Fatalf("%s: %v", name, errs)
	}
	cfg := m.Config
	for _, o := range overrides {
		if err := cfg.Set(o[0], o[1]); err != nil {
			t.Fatalf("%s: override %s=%s: %v", name, o[0], o[1], err)
		}
	}
	sys, err := New(m, cfg, rec)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return sys
}

// compileFile is compileModel for a file of testdata.
func compileFile(t testing.TB, path string, rec Record) *System {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return compileModel(t, filepath.Base(path), src, nil, rec)
}

// compileWithLibraries is compileFile for a model with library modules:
// its directory is its code path.
func compileWithLibraries(t testing.TB, path string, rec Record) *System {
	t.Helper()
	return compileModelOpts(t, path, readFile(t, path), nil, rec, nil)
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
