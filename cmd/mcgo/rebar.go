package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/ast"
)

// maxRebarConfig caps the size of a rebar.config read.
const maxRebarConfig = 1 << 20

// rebarProject is what mcgo reads of a rebar3 project's rebar.config: the
// directories of its modules (src_dirs, by default src, and
// extra_src_dirs) as the code path, and of erl_opts the include
// directories ({i, Dir}, and include, which rebar3 always adds) and the
// macros ({d, M}, {d, M, V}). The rest of the file is rebar3's business.
type rebarProject struct {
	file     string
	srcDirs  []string
	includes []string
	defines  map[string]string
}

// readRebar finds the rebar.config of the project a model is in: in the
// model's directory or the nearest directory above it. It returns nil
// when there is none.
func readRebar(model string) (*rebarProject, error) {
	dir, err := filepath.Abs(filepath.Dir(model))
	if err != nil {
		return nil, err
	}
	for {
		file := filepath.Join(dir, "rebar.config")
		if fi, err := os.Stat(file); err == nil && !fi.IsDir() {
			return parseRebar(file, dir)
		}
		up := filepath.Dir(dir)
		if up == dir {
			return nil, nil
		}
		dir = up
	}
}

func parseRebar(file, root string) (*rebarProject, error) {
	src, err := readInput(file, maxRebarConfig)
	if err != nil {
		return nil, err
	}
	terms, err := lang.ParseConsult(file, src)
	if err != nil {
		return nil, err
	}
	rb := &rebarProject{file: file, defines: map[string]string{}}
	rel := func(d string) string {
		if filepath.IsAbs(d) {
			return d
		}
		return filepath.Join(root, d)
	}
	dirs := func(e ast.Expr, key string) ([]string, error) {
		l, ok := e.(*ast.List)
		if !ok {
			return nil, fmt.Errorf("%s: %s: expected a list of directories", file, key)
		}
		var out []string
		for _, x := range l.Elems {
			if t, ok := x.(*ast.Tuple); ok && len(t.Elems) == 2 {
				x = t.Elems[0] // {"src", [{recursive, true}]}
			}
			s, ok := x.(*ast.String)
			if !ok {
				return nil, fmt.Errorf("%s: %s: expected a list of directories", file, key)
			}
			out = append(out, rel(s.Value))
		}
		return out, nil
	}
	srcDirs := []string{rel("src")}
	var extra []string
	for _, t := range terms {
		kv, ok := t.(*ast.Tuple)
		if !ok || len(kv.Elems) != 2 {
			continue
		}
		key, ok := kv.Elems[0].(*ast.Atom)
		if !ok {
			continue
		}
		switch key.Name {
		case "src_dirs":
			if srcDirs, err = dirs(kv.Elems[1], "src_dirs"); err != nil {
				return nil, err
			}
		case "extra_src_dirs":
			if extra, err = dirs(kv.Elems[1], "extra_src_dirs"); err != nil {
				return nil, err
			}
		case "erl_opts":
			opts, ok := kv.Elems[1].(*ast.List)
			if !ok {
				return nil, fmt.Errorf("%s: erl_opts: expected a list", file)
			}
			for _, o := range opts.Elems {
				ot, ok := o.(*ast.Tuple)
				if !ok || len(ot.Elems) < 2 {
					continue
				}
				tag, _ := ot.Elems[0].(*ast.Atom)
				switch {
				case tag == nil:
				case tag.Name == "i" && len(ot.Elems) == 2:
					s, ok := ot.Elems[1].(*ast.String)
					if !ok {
						return nil, fmt.Errorf("%s: erl_opts: {i, Dir}: expected a string", file)
					}
					rb.includes = append(rb.includes, rel(s.Value))
				case tag.Name == "d" && (len(ot.Elems) == 2 || len(ot.Elems) == 3):
					name, ok := ot.Elems[1].(*ast.Atom)
					if !ok {
						return nil, fmt.Errorf("%s: erl_opts: {d, Macro}: expected an atom", file)
					}
					val := "true"
					if len(ot.Elems) == 3 {
						val = lang.FormatTerm(ot.Elems[2])
					}
					rb.defines[name.Name] = val
				}
			}
		}
	}
	if fi, err := os.Stat(rel("include")); err == nil && fi.IsDir() {
		rb.includes = append(rb.includes, rel("include"))
	}
	for _, d := range append(srcDirs, extra...) {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			rb.srcDirs = append(rb.srcDirs, d)
		}
	}
	return rb, nil
}
