package lang

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// A model of several modules.
//
// A model is one file, the one with the -mcgo attributes; its other modules
// are library modules found on the code path: the model's own directory,
// then each directory of Options.Path, in order (erl's code path, where the
// first file found wins). A library module m is the file m.erl of one of
// these directories. It is parsed and checked as the model is, with its
// own file name in every diagnostic, and its -mcgo attributes, if any, are
// not read: the configuration is the model's.
//
// What is loaded is decided before the search, since a search cannot load
// code: every module on the code path whose name is an atom written in a
// loaded module (the model first, then each library it loads, transitively),
// or the module of the configuration's init, is loaded. That covers every
// module a call can reach by a name written in the source: m:f(...),
// spawn(m, f, Args), fun m:f/N, apply(m, f, Args), and M:F(...) where M
// comes from an atom written anywhere (a message, a table, an argument);
// only a module named in a call is checked loudly (see loadLibraries). A
// module name made at run time (list_to_atom/1) that names a module on the
// code path that was not loaded ends the search as unsupported (the
// machine reads Model.OnPath); a name found nowhere raises undef, as on a
// real node.

// maxLibrarySize is the largest library module read from the code path.
const maxLibrarySize = 64 << 20

// otpModules are the names a module of the model may not have: OTP 25's
// kernel, stdlib, compiler and preloaded modules (erl refuses to load over
// them: their directories are sticky; with -pa a copy replaces them and
// the node does not boot), the other modules mcgo knows of OTP, and mcgo's
// own built-in module.
//
//go:embed otp25_modules.txt
var otpModulesText string

var otpModules = func() map[string]bool {
	m := map[string]bool{"$mcgo": true}
	for _, l := range strings.Split(otpModulesText, "\n") {
		if l != "" && l[0] != '#' {
			m[l] = true
		}
	}
	return m
}()

// IsOTPModule reports whether name is the name of an OTP 25 module a model
// may not define (see docs/language.md, "Models of several modules").
func IsOTPModule(name string) bool { return otpModules[name] }

// loadLibraries finds the code path's modules and loads those the model
// reaches (see above). The errors and warnings of each library module carry
// its own file name.
func (md *Model) loadLibraries(opts *Options) token.ErrorList {
	var errs token.ErrorList
	fs := md.FileSet
	model := fs.File(md.Module.File)
	if model == nil {
		return nil
	}
	var dirs []string
	if opts != nil {
		dirs = opts.Path
	}
	dirs = append([]string{filepath.Dir(model.Name)}, dirs...)
	md.OnPath = map[string]string{}
	for i, d := range dirs {
		ents, err := os.ReadDir(d)
		if err != nil {
			if i > 0 { // a --path directory; the model's own one exists
				errs.Add(token.Position{Filename: d}, fmt.Sprintf("code path: %v", unwrapPathError(err)))
			}
			continue
		}
		for _, e := range ents {
			mod, ok := strings.CutSuffix(e.Name(), ".erl")
			if !ok || e.IsDir() || mod == "" {
				continue
			}
			if _, dup := md.OnPath[mod]; !dup {
				md.OnPath[mod] = filepath.Join(d, e.Name())
			}
		}
	}
	md.checkModuleName(md.Module, "", &errs)
	loaded := map[string]bool{md.Module.Name: true}
	self := filepath.Clean(model.Name)
	var queue []*ast.Module
	want := func(name string) {
		path, ok := md.OnPath[name]
		if loaded[name] || !ok || filepath.Clean(path) == self {
			return
		}
		loaded[name] = true
		lib, el := md.loadLibrary(name, path, opts)
		errs = append(errs, el...)
		if lib != nil {
			md.Libs = append(md.Libs, lib)
			queue = append(queue, lib)
		}
	}
	if md.Config != nil {
		want(md.Config.Init.Module)
		for _, e := range md.Config.EndStates {
			if e.Module != "" {
				want(e.Module)
			}
		}
	}
	// A module called by name (m:f(...), spawn(m, f, Args), fun m:f/N,
	// apply(m, f, Args)) is loaded with its diagnostics, as the model's
	// own code; one whose name is only an atom written somewhere (a
	// message, an option, -compile(export_all)) may be called through a
	// variable, so it is loaded too, but quietly: its warnings are not the
	// model's business, and when it does not compile it is left out (a
	// call that reaches it at run time ends the search as unsupported).
	var named []string
	visit := func(m *ast.Module) {
		atoms, called := moduleAtoms(m)
		for _, a := range atoms {
			if called[a] {
				want(a)
			} else {
				named = append(named, a)
			}
		}
	}
	visit(md.Module)
	for len(queue) > 0 || len(named) > 0 {
		if len(queue) > 0 {
			lib := queue[0]
			queue = queue[1:]
			visit(lib)
			continue
		}
		a := named[0]
		named = named[1:]
		path, ok := md.OnPath[a]
		if loaded[a] || !ok || filepath.Clean(path) == self {
			continue
		}
		loaded[a] = true
		if lib, el := md.loadLibrary(a, path, opts); lib != nil && el.Errors() == 0 {
			md.Libs = append(md.Libs, lib)
			queue = append(queue, lib)
		}
	}
	sort.Slice(md.Libs, func(i, j int) bool { return md.Libs[i].Name < md.Libs[j].Name })
	return errs
}

// loadLibrary reads, parses and checks the library module name from path.
func (md *Model) loadLibrary(name, path string, opts *Options) (*ast.Module, token.ErrorList) {
	var errs token.ErrorList
	src, err := readLibrary(path)
	if err != nil {
		errs.Add(token.Position{Filename: path}, err.Error())
		return nil, errs
	}
	m, el, broken := parseFile(md.FileSet, path, src, opts)
	errs = append(errs, el...)
	errs = append(errs, check(md.FileSet, m, nil, broken)...)
	md.checkModuleName(m, name, &errs)
	return m, errs
}

// checkModuleName reports a module named after an OTP module, and a library
// module whose name is not its file's (as erlc does: "Module name 'x' does
// not match file name 'm'"; erl could not load it as m).
func (md *Model) checkModuleName(m *ast.Module, file string, errs *token.ErrorList) {
	if m.Name == "" {
		return
	}
	at := md.FileSet.Position(m.NamePos)
	if file != "" && m.Name != file {
		errs.Addf(at, "module name %s does not match file name %s", quoteAtom(m.Name), quoteAtom(file))
		return
	}
	if otpModules[m.Name] {
		errs.Addf(at, "module %s is an OTP module: erl does not load a module of the model over it (kernel and stdlib are sticky); rename the module", quoteAtom(m.Name))
	}
}

// readLibrary reads a library module: a regular file of at most
// maxLibrarySize bytes.
func readLibrary(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	src, err := io.ReadAll(io.LimitReader(f, maxLibrarySize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > maxLibrarySize {
		return nil, fmt.Errorf("larger than %d MiB, the limit of a library module", maxLibrarySize>>20)
	}
	return src, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// moduleAtoms returns the atoms written in a module (but in its -mcgo
// attributes), once each, in source order, and those of them that name
// the module of a call: m:f(...), fun m:f/N, and the atom arguments of
// spawn, spawn_link, spawn_monitor, spawn_opt and apply. The tree is
// walked by reflection, so that every kind of node is seen, including
// kinds added later.
func moduleAtoms(m *ast.Module) ([]string, map[string]bool) {
	var out []string
	seen := map[string]bool{}
	called := map[string]bool{}
	call := func(e ast.Expr) {
		if a, ok := e.(*ast.Atom); ok {
			called[a.Name] = true
		}
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return
			}
			switch x := v.Interface().(type) {
			case *ast.Call:
				call(x.Module)
				if f, ok := x.Fun.(*ast.Atom); ok {
					if m, ok := x.Module.(*ast.Atom); x.Module == nil || ok && m.Name == "erlang" {
						if f.Name == "apply" || strings.HasPrefix(f.Name, "spawn") {
							// apply(M, F, A), spawn(M, F, A), spawn(N, M,
							// F, A), spawn_opt(M, F, A, O), ...: the atom
							// arguments (a node or function name too).
							for _, a := range x.Args {
								call(a)
							}
						}
					}
				}
			case *ast.FunRef:
				call(x.Module)
			}
			if a, ok := v.Interface().(*ast.Atom); ok {
				if !seen[a.Name] {
					seen[a.Name] = true
					out = append(out, a.Name)
				}
				return
			}
			walk(v.Elem())
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			it := v.MapRange()
			var vals []reflect.Value
			for it.Next() {
				vals = append(vals, it.Value())
			}
			// Map order does not matter for what is loaded, only for the
			// order of diagnostics, which are sorted.
			for _, x := range vals {
				walk(x)
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(token.Pos{}) {
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type() == reflect.TypeOf(ast.Attribute{}) && v.Field(i).Type() == reflect.TypeOf("") && v.Field(i).String() == "mcgo" {
					return // the configuration: its atoms name nodes and properties
				}
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(m))
	return out, called
}
