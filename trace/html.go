package trace

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"os"
	"strings"
)

//go:embed viewer.html
var viewerHTML string

//go:embed viewer.js
var viewerJS string

//go:embed viewer.css
var viewerCSS string

var viewerTmpl = template.Must(template.New("viewer").Parse(viewerHTML))

// htmlData is what the viewer's script reads: the trace and the source
// lines its steps point at.
type htmlData struct {
	Trace  *File             `json:"trace"`
	Source map[string]string `json:"source"` // "file:line" -> the line's text
	// Funcs names the function a source line is in, "file:line" ->
	// "module:name/arity", for the lifelines' headers: the function each
	// process is in at the current step.
	Funcs map[string]string `json:"funcs"`
}

// WriteHTML writes the trace as one self-contained HTML page: an SVG
// message sequence chart with step controls. The page loads nothing from the
// network: its script, styles and data are inline. sources maps file names
// to their contents, to show the source line of each step (it may be nil).
func WriteHTML(w io.Writer, f *File, sources map[string][]byte) error {
	data := htmlData{Trace: f, Source: map[string]string{}, Funcs: map[string]string{}}
	lines := map[string][]string{}
	for name, src := range sources {
		lines[name] = strings.Split(string(src), "\n")
	}
	addLine := func(p *Pos) {
		if p == nil {
			return
		}
		if ls, ok := lines[p.File]; ok && p.Line >= 1 && p.Line <= len(ls) {
			key := fmt.Sprintf("%s:%d", p.File, p.Line)
			data.Source[key] = strings.TrimRight(ls[p.Line-1], "\r")
			if fn := funcAt(ls, p.Line); fn != "" {
				data.Funcs[key] = fn
			}
		}
	}
	for i := range f.Steps {
		addLine(f.Steps[i].Pos)
		if st := f.Steps[i].State; st != nil {
			for _, p := range st.Procs {
				addLine(p.At)
			}
		}
	}
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(true) // keeps "</script>" out of the page's script
	if err := enc.Encode(data); err != nil {
		return err
	}
	title := fmt.Sprintf("%s: %s violated", f.File, f.Property)
	if f.Property == "" {
		title = f.File + ": unsupported call"
	}
	return viewerTmpl.Execute(w, map[string]any{
		"Title":  title,
		"Data":   template.JS(js.String()),
		"Script": template.JS(viewerJS),
		"Style":  template.CSS(viewerCSS),
	})
}

// SaveHTML writes the HTML viewer of a trace to a file; the sources of the
// model and of its library modules are read from the file names of the
// trace and of its positions, each when it names a regular file of at most
// maxSource bytes (a trace file may name anything: a device, a FIFO).
func SaveHTML(f *File, path string) error {
	sources := map[string][]byte{}
	for _, name := range f.SourceFiles() {
		if src, ok := readSource(name); ok {
			sources[name] = src
		}
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteHTML(out, f, sources); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// maxSource is the largest model source SaveHTML reads to show its lines.
const maxSource = 64 << 20

// readSource reads a model's source for the viewer, or reports false: only
// a regular file, at most maxSource bytes.
func readSource(name string) ([]byte, bool) {
	if name == "" {
		return nil, false
	}
	if fi, err := os.Stat(name); err != nil || !fi.Mode().IsRegular() || fi.Size() > maxSource {
		return nil, false
	}
	in, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	defer in.Close()
	if fi, err := in.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	src, err := io.ReadAll(io.LimitReader(in, maxSource+1))
	if err != nil || len(src) > maxSource {
		return nil, false
	}
	return src, true
}

// funcAt names the function that line (1-based) of an Erlang source is in,
// "module:name/arity", or "" when it cannot tell: the nearest clause head
// above it, a line that starts with an atom and "(" in the first column.
func funcAt(lines []string, line int) string {
	module := ""
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(l), "-module("); ok {
			module, _, _ = strings.Cut(rest, ")")
			module = strings.TrimSpace(module)
			break
		}
	}
	for i := line - 1; i >= 0; i-- {
		l := lines[i]
		if l == "" {
			continue
		}
		c := l[0]
		switch {
		case c == '-':
			return "" // an attribute: not inside a function
		case c >= 'a' && c <= 'z' || c == '\'':
		default:
			continue
		}
		open := strings.IndexByte(l, '(')
		if open < 0 {
			continue
		}
		name := strings.TrimSpace(l[:open])
		if !strings.HasPrefix(name, "'") && strings.ContainsAny(name, " \t,") {
			continue
		}
		// The arity: the arguments up to the matching ")", which may be on
		// the next lines.
		head := strings.Join(lines[i:min(len(lines), i+8)], "\n")[open:]
		arity, depth, args := 0, 0, false
	scan:
		for _, r := range head {
			switch r {
			case '(', '[', '{':
				depth++
				if depth > 1 {
					args = true
				}
			case ')', ']', '}':
				depth--
				if depth == 0 {
					break scan
				}
			case ',':
				if depth == 1 {
					arity++
				}
			case ' ', '\t', '\n', '\r':
			default:
				args = true
			}
		}
		if args {
			arity++
		}
		if module != "" {
			name = module + ":" + name
		}
		return fmt.Sprintf("%s/%d", name, arity)
	}
	return ""
}

// SourceFiles returns the model's file and every other file a position of
// the trace names (the model's library modules), once each, in order of
// appearance.
func (f *File) SourceFiles() []string {
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	add(f.File)
	for i := range f.Steps {
		if p := f.Steps[i].Pos; p != nil {
			add(p.File)
		}
		if st := f.Steps[i].State; st != nil {
			for _, p := range st.Procs {
				if p.At != nil {
					add(p.At.File)
				}
			}
		}
	}
	return out
}
