package token

import (
	"fmt"
	"sort"
	"strings"
)

// Severity tells errors from warnings.
type Severity uint8

const (
	SevError Severity = iota
	SevWarning
)

// Related is a secondary position of a diagnostic, printed on an indented
// line after the main one ("\tfirst defined at m.erl:4:1").
type Related struct {
	Pos Position
	Msg string
}

// Error is one diagnostic: a position, a lowercase message without a trailing
// period, and optional secondary positions.
type Error struct {
	Pos      Position
	Msg      string
	Severity Severity
	Also     []Related
}

// Error formats the diagnostic as "file:line:col: message", warnings with a
// "warning: " prefix, secondary positions on indented lines.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Pos.String())
	b.WriteString(": ")
	if e.Severity == SevWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Msg)
	for _, r := range e.Also {
		b.WriteString("\n\t")
		b.WriteString(r.Msg)
		if r.Pos.IsValid() || r.Pos.Filename != "" {
			b.WriteString(" at ")
			b.WriteString(r.Pos.String())
		}
	}
	return b.String()
}

// ErrorList is a list of diagnostics. The zero value is an empty list ready
// to use.
type ErrorList []*Error

// Add appends an error.
func (l *ErrorList) Add(pos Position, msg string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg})
}

// Addf appends a formatted error.
func (l *ErrorList) Addf(pos Position, format string, args ...any) {
	l.Add(pos, fmt.Sprintf(format, args...))
}

// Warnf appends a formatted warning.
func (l *ErrorList) Warnf(pos Position, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Severity: SevWarning})
}

// Len, Swap and Less implement sort.Interface: by file, line, column, then
// message.
func (l ErrorList) Len() int      { return len(l) }
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i].Pos, l[j].Pos
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return l[i].Msg < l[j].Msg
}

// Sort sorts the list by position.
func (l ErrorList) Sort() { sort.Stable(l) }

// RemoveMultiples sorts the list and keeps only the first error of each line
// (go/scanner's policy: one error per line is all a reader can use).
// Warnings are counted apart: a line may carry one error and one warning.
func (l *ErrorList) RemoveMultiples() {
	l.Sort()
	type key struct {
		file string
		line int
		sev  Severity
	}
	seen := make(map[key]bool)
	out := (*l)[:0]
	for _, e := range *l {
		k := key{e.Pos.Filename, e.Pos.Line, e.Severity}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	*l = out
}

// Errors returns the number of entries that are errors, not warnings.
func (l ErrorList) Errors() int {
	n := 0
	for _, e := range l {
		if e.Severity == SevError {
			n++
		}
	}
	return n
}

// Error implements the error interface: the first diagnostic and a count of
// the others.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns an error equivalent to l if it holds any error (warnings
// alone do not count), or nil.
func (l ErrorList) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return l
}

// Print writes the diagnostics one per line, at most max of them when max > 0,
// followed by a line saying how many were left out.
func (l ErrorList) Print(w interface{ Write([]byte) (int, error) }, max int) {
	for i, e := range l {
		if max > 0 && i == max {
			fmt.Fprintf(w, "too many errors (%d more; use --all-errors to see them)\n", len(l)-max)
			return
		}
		fmt.Fprintln(w, e.Error())
	}
}
