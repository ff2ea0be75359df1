package lang

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// erlFiles returns every .erl file under the module root (outside .git),
// and the in.erl files of the parse archives, as name and content.
func erlFiles(t testing.TB) map[string][]byte {
	root := moduleRoot(t)
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		switch {
		case strings.HasSuffix(path, ".erl"):
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			out[filepath.ToSlash(rel)] = data
		case strings.HasSuffix(path, ".txtar") && strings.Contains(filepath.ToSlash(rel), "lang/testdata/"):
			a, err := readTxtar(path)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				if strings.HasSuffix(f.Name, ".erl") {
					out[filepath.ToSlash(rel)+"/"+f.Name] = f.Data
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkPositions fails if a diagnostic about the input lies outside it.
func checkPositions(t *testing.T, name string, src []byte, errs token.ErrorList) {
	lines := strings.Split(string(src), "\n")
	in := func(p token.Position) bool {
		if p.Filename != name {
			return true // -D options and such
		}
		if p.Line < 1 || p.Line > len(lines) {
			return false
		}
		return p.Col >= 1 && p.Col <= utf8.RuneCountInString(lines[p.Line-1])+1
	}
	for _, e := range errs {
		if !in(e.Pos) {
			t.Errorf("diagnostic outside the input: %s", e)
		}
		for _, r := range e.Also {
			if !in(r.Pos) {
				t.Errorf("secondary position outside the input: %s", e)
			}
		}
	}
}

// FuzzParseFile checks that no input makes the front end panic and that
// every diagnostic lies inside the input. The seed corpus is every .erl
// file of the repository; crashers are kept in testdata/fuzz/FuzzParseFile.
func FuzzParseFile(f *testing.F) {
	for _, data := range erlFiles(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fs := token.NewFileSet()
		m, errs := Load(fs, "fuzz.erl", src, &Options{Defines: map[string]string{"DEBUG": ""}})
		checkPositions(t, "fuzz.erl", src, errs)
		var buf bytes.Buffer
		ast.Fprint(&buf, fs, m.Module)
		m.Config.Format(io.Discard)
		for _, v := range m.Config.Variants {
			if errs.Errors() > 0 {
				break
			}
			if _, err := m.Config.WithVariant(&v); err != nil {
				t.Errorf("variant %s accepted by ReadConfig but not by WithVariant: %v", v.Name, err)
			}
		}
		if len(src) < 200 {
			_, _ = ParseTerm(string(src))
		}
	})
}
