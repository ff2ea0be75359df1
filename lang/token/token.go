// Package token defines mcgo's source positions: a compact [Pos] carried by
// every AST node and IR instruction, and the [FileSet] that expands it into a
// printable [Position] (file, 1-based line, 1-based column counted in
// characters, as erlc counts them).
//
// Package token imports nothing from mcgo.
package token

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Pos is a compact source position: which file of a [FileSet] (1-based, so
// that the zero Pos means "no position") and a byte offset into it.
type Pos struct {
	File int32 // index+1 into the FileSet; 0: no position
	Off  int32 // byte offset in the file
}

// NoPos is the zero Pos: no position known.
var NoPos Pos

// IsValid reports whether p names a position.
func (p Pos) IsValid() bool { return p.File > 0 }

// Before reports whether p comes before q (by file, then offset).
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	return p.Off < q.Off
}

// Position is an expanded, printable position.
type Position struct {
	Filename string
	Line     int // 1-based
	Col      int // 1-based, in characters (runes)
}

// IsValid reports whether the position has a line.
func (p Position) IsValid() bool { return p.Line > 0 }

// String formats the position as file:line:col (or the parts that are known).
func (p Position) String() string {
	s := p.Filename
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d:%d", p.Line, p.Col)
	}
	if s == "" {
		s = "-"
	}
	return s
}

// File is one source file known to a FileSet.
type File struct {
	Name  string
	Src   []byte
	lines []int32 // byte offset of the start of each line
}

// FileSet holds the files positions refer to.
type FileSet struct {
	files []*File
}

// NewFileSet returns an empty FileSet.
func NewFileSet() *FileSet { return &FileSet{} }

// AddFile registers a file and returns the position of its first byte.
func (fs *FileSet) AddFile(name string, src []byte) Pos {
	f := &File{Name: name, Src: src, lines: []int32{0}}
	for i, b := range src {
		if b == '\n' {
			f.lines = append(f.lines, int32(i+1))
		}
	}
	fs.files = append(fs.files, f)
	return Pos{File: int32(len(fs.files)), Off: 0}
}

// Files returns the files of the set, in the order they were added.
func (fs *FileSet) Files() []*File { return fs.files }

// File returns the file p lies in, or nil.
func (fs *FileSet) File(p Pos) *File {
	if fs == nil || p.File <= 0 || int(p.File) > len(fs.files) {
		return nil
	}
	return fs.files[p.File-1]
}

// Position expands p.
func (fs *FileSet) Position(p Pos) Position {
	f := fs.File(p)
	if f == nil {
		return Position{}
	}
	return f.Position(int(p.Off))
}

// Position expands a byte offset of f.
func (f *File) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(f.Src) {
		off = len(f.Src)
	}
	i := sort.Search(len(f.lines), func(i int) bool { return int(f.lines[i]) > off }) - 1
	if i < 0 {
		i = 0
	}
	start := int(f.lines[i])
	col := utf8.RuneCount(f.Src[start:off]) + 1
	return Position{Filename: f.Name, Line: i + 1, Col: col}
}

// Line returns the text of the given 1-based line, without its newline.
func (f *File) Line(line int) string {
	if line < 1 || line > len(f.lines) {
		return ""
	}
	start := int(f.lines[line-1])
	end := len(f.Src)
	if line < len(f.lines) {
		end = int(f.lines[line]) - 1
	}
	if end < start {
		end = start
	}
	s := string(f.Src[start:end])
	if n := len(s); n > 0 && s[n-1] == '\r' {
		s = s[:n-1]
	}
	return s
}

// Offset returns the byte offset of a 1-based line and column in f, or -1.
func (f *File) Offset(line, col int) int {
	if line < 1 || line > len(f.lines) {
		return -1
	}
	off := int(f.lines[line-1])
	for c := 1; c < col && off < len(f.Src) && f.Src[off] != '\n'; c++ {
		_, n := utf8.DecodeRune(f.Src[off:])
		off += n
	}
	return off
}
