package lang

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
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

// FuzzPreprocess checks the scanner and the preprocessor alone, with one
// -D option: no input may make them panic, every diagnostic lies inside
// the input, and macro expansion stays within its bound (maxExpansion
// tokens more than the input), however the macros are written.
// Crashers are kept in testdata/fuzz/FuzzPreprocess.
func FuzzPreprocess(f *testing.F) {
	for _, data := range erlFiles(f) {
		f.Add(data, "DEBUG", "")
	}
	f.Add([]byte("-define(A, ?B ?B).\n-define(B, ?C ?C).\n-define(C, x).\nf() -> ?A.\n"), "N", "{1, two}")
	f.Add([]byte("-module(m).\n-define(F(X), {X, ??X}).\nf() -> ?F(?MODULE_STRING).\n"), "MODULE", "x")
	f.Add([]byte("-ifdef(N).\n-else.\n-endif.\n-undef(N).\n"), "N", "'x")
	f.Fuzz(func(t *testing.T, src []byte, name, value string) {
		fs := token.NewFileSet()
		base := fs.AddFile("fuzz.erl", src)
		var errs token.ErrorList
		sc := &scanner{src: src, file: base.File, fs: fs, errs: &errs}
		toks := sc.scanAll()
		pp := &preproc{fs: fs, file: base.File, filename: "fuzz.erl", errs: &errs, macros: map[string]map[int]*macroDef{}}
		if err := pp.defineFromOption(name, value); err == nil && (predefinedMacros[name] || !isMacroName(name)) {
			t.Errorf("-D%q=%q accepted", name, value)
		}
		forms := pp.run(toks)
		n := 0
		for _, fr := range forms {
			n += len(fr.toks)
		}
		if limit := len(toks) + maxExpansion + 64; n > limit {
			t.Errorf("expansion produced %d tokens from %d (limit %d)", n, len(toks), limit)
		}
		errs.Sort()
		checkPositions(t, "fuzz.erl", src, errs)
	})
}

// FuzzConfig checks the -mcgo configuration reader on one attribute and
// one command-line override: no panic, every diagnostic inside the input,
// and, when the configuration is read without errors, its formatted form
// read back through the flag syntax (what a trace file keeps and replay
// applies again, key by key in sorted order) gives the same configuration.
// Crashers are kept in testdata/fuzz/FuzzConfig.
func FuzzConfig(f *testing.F) {
	attrRx := regexp.MustCompile(`(?m)^-mcgo\((.*)\)\.\s*$`)
	for _, data := range erlFiles(f) {
		for _, m := range attrRx.FindAllSubmatch(data, -1) {
			f.Add(string(m[1]), "bounds", "mailbox=4")
		}
	}
	f.Add("{nodes, ['a@h', 'b@h']}", "faults", "crash=1:a@h,disconnect=2")
	f.Add("{variant, v, [{runtime, legacy}], {violation, pid_unique}}", "creation", "nonode@nohost=3")
	f.Add("{init, {m, start, [1, {two, \"three\"}, -4]}}", "init", "m:start(1,2)")
	f.Add("{end_states, [{loop, 1}]}", "end-states", "loop/1")
	f.Fuzz(func(t *testing.T, attr, key, value string) {
		src := []byte("-module(m).\n-export([start/0, start/2, loop/1]).\nstart() -> ok.\nstart(_, _) -> ok.\nloop(_) -> ok.\n-mcgo(" + attr + ").\n")
		fs := token.NewFileSet()
		m, errs := Load(fs, "fuzz.erl", src, nil)
		checkPositions(t, "fuzz.erl", src, errs)
		c := m.Config
		_ = c.Set(key, value) // an error is fine; a panic is not
		if errs.Errors() > 0 {
			return
		}
		var want bytes.Buffer
		c.Format(&want)
		d := DefaultConfig(m.Module.Name)
		d.Nodes = c.Nodes // nodes first: faults and creation name them
		var keys []string
		vals := map[string]string{}
		for _, line := range strings.Split(want.String(), "\n") {
			k, v, ok := strings.Cut(line, ": ")
			if !ok || k == "expect" || strings.HasPrefix(k, "variant") {
				continue
			}
			keys = append(keys, k)
			vals[k] = v
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := d.Set(k, vals[k]); err != nil {
				t.Fatalf("%s: %s read back: %v", k, vals[k], err)
			}
		}
		d.Expect, d.Variants = c.Expect, c.Variants
		var got bytes.Buffer
		d.Format(&got)
		if got.String() != want.String() {
			t.Errorf("configuration read back differs:\n%s\nwant:\n%s", got.String(), want.String())
		}
	})
}
