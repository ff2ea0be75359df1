package lang

import (
	"embed"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// headers are the header files mcgo bundles, so that a verdict never depends
// on what is installed: our own stdlib/include/assert.hrl and
// eunit/include/eunit.hrl (written for mcgo, raising the error terms OTP 25's
// raise), found by -include_lib as epp finds an application's headers.
//
//go:embed headers
var headers embed.FS

// BundledHeaders lists the -include_lib paths of the headers mcgo bundles.
var BundledHeaders = []string{"stdlib/include/assert.hrl", "eunit/include/eunit.hrl"}

// bundledPrefix starts the file names of bundled headers in positions.
const bundledPrefix = "<mcgo>/"

// maxIncludeDepth is epp's bound on nested includes (which also ends
// include cycles).
const maxIncludeDepth = 8

// maxIncludeSize bounds the size of an included file.
const maxIncludeSize = 4 << 20

// include handles -include("F"). and -include_lib("App/Dir/F"). as epp
// does: the tokens are not macro-expanded, adjacent strings are joined;
// -include searches the directory of the including file, then the main
// file's directory, then the -I directories; -include_lib searches the same
// path, then takes the first component of the name as an application, of
// which mcgo knows only the headers it bundles.
func (p *preproc) include(f []tok) {
	kind := f[1].text
	// Join adjacent strings, as epp's coalesce_strings.
	var args []tok
	var name strings.Builder
	for i := 2; i < len(f); i++ {
		t := f[i]
		if t.kind == tString && len(args) > 0 && args[len(args)-1].kind == tString {
			name.WriteString(stringValue(t.text))
			continue
		}
		if t.kind == tString {
			name.WriteString(stringValue(t.text))
		}
		args = append(args, t)
	}
	// find_mismatch(['(', string, ')', dot], ...)
	want := []func(tok) bool{
		func(t tok) bool { return t.kind == tPunct && t.text == "(" },
		func(t tok) bool { return t.kind == tString },
		func(t tok) bool { return t.kind == tPunct && t.text == ")" },
		func(t tok) bool { return t.kind == tDot },
	}
	last := f[1]
	for i, w := range want {
		if i >= len(args) || !w(args[i]) {
			at := last
			if i < len(args) && args[i].kind != tEOF {
				at = args[i]
			}
			p.errorf(at.off, "badly formed '%s'", kind)
			return
		}
		last = args[i]
	}
	if len(args) > len(want) {
		p.errorf(args[len(want)].off, "badly formed '%s'", kind)
		return
	}
	str := args[1]
	file := name.String()
	if p.depth >= maxIncludeDepth {
		at := str.off
		if kind == "include_lib" {
			at = f[1].off
		}
		p.errorf(at, "%s too deep", kind)
		return
	}
	what := "file"
	if kind == "include_lib" {
		what = "lib"
	}
	fullName, src, bundledDir, err := p.findInclude(file, kind == "include_lib")
	if err != nil {
		p.errorf(str.off, "%s", err)
		return
	}
	if fullName == "" {
		msg := fmt.Sprintf("can't find include %s \"%s\"", what, file)
		if kind == "include_lib" {
			msg += fmt.Sprintf(" (mcgo bundles only %s; give the header's directory with -I)", strings.Join(BundledHeaders, " and "))
		}
		p.errorf(str.off, "%s", msg)
		return
	}
	base := p.fs.AddFile(fullName, src)
	sc := &scanner{src: src, file: base.File, fs: p.fs, errs: p.errs}
	toks := sc.scanAll()
	saveFile, saveName, saveDir := p.file, p.filename, p.dir
	p.file, p.filename, p.dir = base.File, fullName, filepath.Dir(fullName)
	if bundledDir {
		p.dir = ""
	}
	p.depth++
	p.runFile(toks)
	p.depth--
	p.file, p.filename, p.dir = saveFile, saveName, saveDir
}

// findInclude looks for an included file. It returns its name for
// positions and its content, or "" when it is not found; the boolean is
// true for a bundled header; the error is about a file that was found but
// cannot be read.
func (p *preproc) findInclude(name string, lib bool) (string, []byte, bool, error) {
	var dirs []string
	if p.dir != "" || p.depth == 0 {
		dirs = append(dirs, p.dir)
	}
	if p.depth > 0 {
		dirs = append(dirs, p.mainDir)
	}
	dirs = append(dirs, p.includeDirs...)
	if filepath.IsAbs(name) {
		dirs = []string{""}
	}
	for _, d := range dirs {
		full := name
		if d != "" {
			full = filepath.Join(d, name)
		}
		src, found, err := readInclude(full)
		if err != nil {
			return "", nil, false, err
		}
		if found {
			return full, src, false, nil
		}
	}
	if lib {
		clean := path.Clean(filepath.ToSlash(name))
		for _, h := range BundledHeaders {
			if clean == h {
				src, err := headers.ReadFile("headers/" + h)
				if err != nil {
					return "", nil, false, err
				}
				return bundledPrefix + h, src, true, nil
			}
		}
	}
	return "", nil, false, nil
}

// readInclude reads a regular file of at most maxIncludeSize bytes. A file
// that does not exist, or is not a regular file, is not found.
func readInclude(name string) ([]byte, bool, error) {
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() {
		return nil, false, nil
	}
	if st.Size() > maxIncludeSize {
		return nil, false, fmt.Errorf("include file %s is too large (%d bytes; at most %d)", name, st.Size(), maxIncludeSize)
	}
	fh, err := os.Open(name)
	if err != nil {
		return nil, false, nil
	}
	defer fh.Close()
	src, err := io.ReadAll(io.LimitReader(fh, maxIncludeSize+1))
	if err != nil {
		return nil, false, fmt.Errorf("reading %s: %v", name, err)
	}
	if len(src) > maxIncludeSize {
		return nil, false, fmt.Errorf("include file %s is too large (more than %d bytes)", name, maxIncludeSize)
	}
	return src, true, nil
}
