package lang

import (
	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// Model is a loaded model: its syntax tree, its configuration and the
// FileSet its positions refer to.
type Model struct {
	Module  *ast.Module
	Config  *Config
	FileSet *token.FileSet
	// Libs are the library modules the model loads from the code path
	// (modules.go), sorted by name.
	Libs []*ast.Module
	// OnPath maps the name of every module on the code path (a .erl file
	// of the model's directory or of Options.Path), loaded or not, to its
	// file.
	OnPath map[string]string
}

// Load parses a model file, reads its configuration and checks it, in one
// call, and loads the library modules it reaches from the code path (the
// model's directory and opts.Path; see modules.go), each checked as the
// model is. The returned list holds the errors and warnings of all three
// stages, sorted, at most one error and one warning per line; use its Err
// method to tell whether there are errors. The model is returned even when
// there are errors, as far as it could be built.
func Load(fs *token.FileSet, filename string, src []byte, opts *Options) (*Model, token.ErrorList) {
	m, errs, broken := parseFile(fs, filename, src, opts)
	c, err := ReadConfig(fs, m)
	if el, ok := err.(token.ErrorList); ok {
		errs = append(errs, el...)
	}
	errs = append(errs, check(fs, m, c, broken)...)
	md := &Model{Module: m, Config: c, FileSet: fs}
	errs = append(errs, md.loadLibraries(opts)...)
	errs.RemoveMultiples()
	return md, errs
}
