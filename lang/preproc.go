package lang

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"

	"github.com/mcgo-dev/mcgo/lang/token"
)

// maxExpansion bounds the number of tokens that macro expansion may produce
// in one file, so that exponential macro definitions cannot exhaust memory.
const maxExpansion = 1 << 17

// macroDef is one -define. params is nil for a constant macro.
type macroDef struct {
	name   string
	params []string
	arity  int // -1 for a constant macro
	body   []tok
}

// rawForm is the tokens of one form, up to and including its dot.
type rawForm struct {
	toks []tok
	bad  bool  // some token was already reported (by the scanner or preprocessor)
	file int32 // the file the form was read from (its tokens' offsets are in it)
}

// ifFrame is an open -ifdef/-ifndef/-if section.
type ifFrame struct {
	active     bool // the current section is being read
	parentSkip bool // the whole section is skipped because an outer one is
	seenElse   bool
	taken      bool   // some section of the chain was (or is being) read
	name       string // "ifdef", "ifndef", "if"
	off        int32
}

// preproc expands macros and conditional sections form by form, as epp
// does, producing the forms the parser reads.
type preproc struct {
	fs       *token.FileSet
	file     int32
	filename string
	errs     *token.ErrorList
	macros   map[string]map[int]*macroDef
	module   string
	produced int
	tooLarge bool
	stack    []ifFrame
	// expanding holds the macros being expanded.
	expanding map[string]bool

	// per form, for ?FUNCTION_NAME and ?FUNCTION_ARITY
	funName       string
	funArity      int
	funMacroStart bool // the form starts with a macro that does not expand
	keepFunMacros bool // leave ?FUNCTION_NAME and ?FUNCTION_ARITY unexpanded

	// -include: the directory of the current file ("" for a bundled
	// header), of the main file, the -I directories, and how many files
	// are open (the main file is depth 0).
	dir         string
	mainDir     string
	includeDirs []string
	depth       int
	out         []rawForm
}

func (p *preproc) pos(off int32) token.Position {
	return p.fs.Position(token.Pos{File: p.file, Off: off})
}

func (p *preproc) errorf(off int32, format string, args ...any) {
	p.errs.Addf(p.pos(off), format, args...)
}

func (p *preproc) skipping() bool {
	return len(p.stack) > 0 && !p.stack[len(p.stack)-1].active
}

// splitForms cuts a token stream at its dot tokens. The last form may end
// at EOF without a dot.
func splitForms(toks []tok) [][]tok {
	var forms [][]tok
	start := 0
	for i, t := range toks {
		switch t.kind {
		case tDot:
			forms = append(forms, toks[start:i+1])
			start = i + 1
		case tEOF:
			if i > start {
				forms = append(forms, toks[start:i+1])
			}
		}
	}
	return forms
}

// directives are the attributes that the preprocessor handles.
var directives = map[string]bool{
	"define": true, "undef": true, "ifdef": true, "ifndef": true,
	"else": true, "endif": true, "if": true, "elif": true,
	"include": true, "include_lib": true,
}

// run preprocesses the forms of the main file (and of the files it
// includes).
func (p *preproc) run(toks []tok) []rawForm {
	p.runFile(toks)
	return p.out
}

// runFile preprocesses the forms of one file, appending them to p.out. The
// conditional sections of a file must end in it, as in epp.
func (p *preproc) runFile(toks []tok) {
	outer := p.stack
	p.stack = nil
	for _, f := range splitForms(toks) {
		if len(f) >= 2 && f[0].kind == tPunct && f[0].text == "-" &&
			(f[1].kind == tAtom || f[1].kind == tKeyword) && directives[f[1].text] {
			p.directive(f)
			continue
		}
		if p.skipping() {
			continue
		}
		bad := false
		for _, t := range f {
			if t.kind == tBad {
				bad = true
			}
		}
		p.formContext(f)
		exp, ok := p.expand(nil, f)
		if !ok {
			bad = true
		}
		if len(exp) >= 5 && exp[0].text == "-" && exp[1].text == "module" && exp[2].text == "(" && exp[3].kind == tAtom && exp[4].text == ")" && p.module == "" {
			p.module = atomValue(exp[3].text)
		}
		p.out = append(p.out, rawForm{toks: exp, bad: bad, file: p.file})
	}
	for _, fr := range p.stack {
		p.errorf(fr.off, "unterminated '-%s'", fr.name)
	}
	p.stack = outer
}

// formContext records the function name and arity of a function form for
// ?FUNCTION_NAME and ?FUNCTION_ARITY.
func (p *preproc) formContext(f []tok) {
	p.funName, p.funArity, p.funMacroStart = "", -1, false
	if len(f) > 0 && f[0].kind == tPunct && f[0].text == "?" {
		// As epp: the form's macros are expanded to find its name (the
		// errors are reported when the form itself is expanded).
		// The tokens it makes count against the file's bound (so that no
		// file costs more than about twice the bound); the error, if the
		// bound is reached, is reported by the form's own expansion.
		saveErrs, saveLarge := p.errs, p.tooLarge
		var scratch token.ErrorList
		p.errs, p.keepFunMacros = &scratch, true
		exp, _ := p.expand(nil, f)
		p.errs, p.tooLarge, p.keepFunMacros = saveErrs, saveLarge, false
		if len(exp) > 0 && exp[0].kind == tPunct && exp[0].text == "?" {
			p.funMacroStart = true
			return
		}
		f = exp
	}
	if len(f) < 2 || f[0].kind != tAtom || f[1].text != "(" {
		return
	}
	p.funName = atomValue(f[0].text)
	depth, n := 0, 0
	for _, t := range f[1:] {
		if t.kind != tPunct {
			if depth == 1 && n == 0 {
				n = 1
			}
			continue
		}
		switch t.text {
		case "(", "[", "{", "<<":
			if depth == 1 && n == 0 {
				n = 1
			}
			depth++
		case ")", "]", "}", ">>":
			depth--
			if depth == 0 {
				p.funArity = n
				return
			}
		case ",":
			if depth == 1 {
				n++
			}
		default:
			if depth == 1 && n == 0 {
				n = 1
			}
		}
	}
}

// directive handles -define, -undef, -ifdef, -ifndef, -else, -endif, -if
// and -elif.
func (p *preproc) directive(f []tok) {
	name := f[1].text
	// Arguments between the parentheses, when there are some.
	var args []tok
	hasParens := false
	last := len(f) - 1
	if f[last].kind == tDot || f[last].kind == tEOF {
		last--
	}
	if len(f) > 2 && f[2].text == "(" {
		hasParens = true
		if last >= 2 && f[last].text == ")" {
			args = f[3:last]
		} else {
			args = nil
			hasParens = false
		}
	}
	simpleName := func() (string, bool) {
		if !hasParens || len(args) != 1 || (args[0].kind != tAtom && args[0].kind != tVar) {
			return "", false
		}
		return atomValue(args[0].text), true
	}
	badOff := f[1].off
	if len(f) > 2 {
		badOff = f[2].off
	}
	if len(f) > 3 {
		badOff = f[3].off
	}
	skipping := p.skipping()
	switch name {
	case "include", "include_lib":
		if !skipping {
			p.include(f)
		}
	case "ifdef", "ifndef", "if":
		fr := ifFrame{name: name, off: f[1].off, parentSkip: skipping}
		if !skipping {
			switch name {
			case "if":
				fr.active = p.ifCondition(f)
			default:
				m, ok := simpleName()
				if !ok {
					p.errorf(badOff, "badly formed '%s'", name)
				} else {
					fr.active = p.defined(m) == (name == "ifdef")
				}
			}
			fr.taken = fr.active
		}
		p.stack = append(p.stack, fr)
	case "else", "elif":
		if len(p.stack) == 0 {
			p.errorf(f[1].off, "unbalanced '-%s'", name)
			return
		}
		fr := &p.stack[len(p.stack)-1]
		if fr.seenElse {
			if name == "elif" && !fr.active && !fr.parentSkip {
				p.errorf(f[1].off, "'elif' following 'else'")
			} else if !fr.parentSkip {
				p.errorf(f[1].off, "unbalanced '-%s'", name)
			}
			return
		}
		if name == "elif" {
			// As epp: the condition is read only when no earlier section
			// was taken.
			fr.active = false
			if !fr.parentSkip && !fr.taken {
				fr.active = p.ifCondition(f)
				fr.taken = fr.active
			}
			return
		}
		if len(f) > 2 && f[2].kind != tDot && f[2].kind != tEOF && !fr.parentSkip {
			p.errorf(f[2].off, "badly formed 'else'")
		}
		fr.seenElse = true
		fr.active = !fr.parentSkip && !fr.taken
		fr.taken = true
	case "endif":
		if len(p.stack) == 0 {
			p.errorf(f[1].off, "unbalanced '-endif'")
			return
		}
		if len(f) > 2 && f[2].kind != tDot && f[2].kind != tEOF && !skipping {
			p.errorf(f[2].off, "badly formed 'endif'")
		}
		p.stack = p.stack[:len(p.stack)-1]
	case "undef":
		if skipping {
			return
		}
		m, ok := simpleName()
		if !ok {
			p.errorf(badOff, "badly formed 'undef'")
			return
		}
		delete(p.macros, m)
	case "define":
		if !skipping {
			p.define(f)
		}
	}
}

// predefinedMacros are the macros every module has; as in epp, neither
// -define nor -D may redefine them.
var predefinedMacros = map[string]bool{
	"MODULE": true, "MODULE_STRING": true, "LINE": true, "FILE": true, "MACHINE": true,
	"BEAM": true, "OTP_RELEASE": true, "FUNCTION_NAME": true, "FUNCTION_ARITY": true,
}

func (p *preproc) defined(name string) bool {
	if len(p.macros[name]) > 0 {
		return true
	}
	switch name {
	case "MODULE", "MODULE_STRING":
		return p.module != ""
	case "LINE", "FILE", "MACHINE", "BEAM", "OTP_RELEASE", "FUNCTION_NAME", "FUNCTION_ARITY":
		return true
	}
	return false
}

// define handles -define(Name, Body). and -define(Name(P1, ..., Pn), Body).
func (p *preproc) define(f []tok) {
	n := len(f)
	end := n - 1 // index of the dot
	if f[end].kind != tDot {
		p.errorf(f[end].off, "badly formed 'define'")
		return
	}
	if n < 4 || f[2].text != "(" || (f[3].kind != tAtom && f[3].kind != tVar) {
		off := f[1].off
		if n > 3 {
			off = f[3].off
		} else if n > 2 {
			off = f[2].off
		}
		p.errorf(off, "badly formed 'define'")
		return
	}
	name := atomValue(f[3].text)
	i := 4
	var params []string
	arity := -1
	if i < end && f[i].text == "(" {
		params = []string{}
		i++
		for i < end && f[i].text != ")" {
			if f[i].kind != tVar {
				p.errorf(f[i].off, "badly formed 'define'")
				return
			}
			params = append(params, f[i].text)
			i++
			if i < end && f[i].text == "," {
				i++
				continue
			}
			if i < end && f[i].text != ")" {
				p.errorf(f[i].off, "badly formed 'define'")
				return
			}
		}
		if i >= end {
			p.errorf(f[end].off, "badly formed 'define'")
			return
		}
		i++ // ')'
		arity = len(params)
	}
	if i >= end || f[i].text != "," {
		off := f[end].off
		if i < end {
			off = f[i].off
		}
		p.errorf(off, "badly formed 'define'")
		return
	}
	i++
	if f[end-1].text != ")" || end-1 < i {
		p.errorf(f[end].off, "badly formed define: missing closing right parenthesis")
		return
	}
	body := f[i : end-1]
	for _, t := range body {
		if t.kind == tBad {
			return // already reported
		}
	}
	if predefinedMacros[name] {
		p.errorf(f[3].off, "redefining predefined macro '%s'", name)
		return
	}
	if p.macros[name][arity] != nil {
		p.errorf(f[3].off, "redefining macro '%s'", name)
		return
	}
	if p.macros[name] == nil {
		p.macros[name] = map[int]*macroDef{}
	}
	p.macros[name][arity] = &macroDef{name: name, params: params, arity: arity, body: body}
}

// blockOpeners are keywords closed by 'end'.
var blockOpeners = map[string]bool{"begin": true, "if": true, "case": true, "receive": true, "try": true, "cond": true, "let": true}

// macroArgs collects the arguments of a macro call whose '(' is at in[i].
// It returns the arguments and the index just past the ')'.
func macroArgs(in []tok, i int) ([][]tok, int, bool) {
	var args [][]tok
	depth := 0
	start := i + 1
	for j := i + 1; j < len(in); j++ {
		t := in[j]
		switch t.kind {
		case tDot, tEOF:
			return nil, j, false
		case tKeyword:
			if blockOpeners[t.text] {
				depth++
			} else if t.text == "fun" && j+1 < len(in) && (in[j+1].text == "(" || (in[j+1].kind == tVar && j+2 < len(in) && in[j+2].text == "(")) {
				depth++
			} else if t.text == "end" {
				depth--
			}
		case tPunct:
			switch t.text {
			case "(", "[", "{", "<<":
				depth++
			case ")", "]", "}", ">>":
				if depth == 0 {
					if t.text != ")" {
						return nil, j, false
					}
					if j > start || len(args) > 0 {
						args = append(args, in[start:j])
					}
					return args, j + 1, true
				}
				depth--
			case ",":
				if depth == 0 {
					args = append(args, in[start:j])
					start = j + 1
				}
			}
		}
	}
	return nil, len(in), false
}

// expand appends to out the tokens of in with their macro calls expanded.
// p.expanding holds the macros being expanded (to report circular
// definitions): a set, so that a chain of n macros costs O(n), not O(n²).
// The boolean is false when an error was reported.
func (p *preproc) expand(out, in []tok) ([]tok, bool) {
	ok := true
	for i := 0; i < len(in); i++ {
		t := in[i]
		if t.kind != tPunct || t.text != "?" {
			out = append(out, t)
			continue
		}
		if p.tooLarge {
			return out, false
		}
		if i+1 >= len(in) || (in[i+1].kind != tAtom && in[i+1].kind != tVar && in[i+1].kind != tKeyword) {
			found := "'EOF'"
			if i+1 < len(in) {
				found = describeTok(in[i+1])
			}
			p.errorf(t.off, "expected macro name, found %s", found)
			ok = false
			continue
		}
		nameTok := in[i+1]
		name := atomValue(nameTok.text)
		use := t.off
		next := i + 2
		var args [][]tok
		hasArgs := false
		if next < len(in) && in[next].kind == tPunct && in[next].text == "(" {
			a, after, aok := macroArgs(in, next)
			if aok {
				args, hasArgs = a, true
			} else if p.macros[name] != nil && p.macros[name][-1] == nil {
				p.errorf(nameTok.off, "badly formed argument for macro '%s'", name)
				return out, false
			}
			if aok {
				_ = after
			}
		}
		if p.expanding[name] {
			p.errorf(nameTok.off, "circular macro '%s'", name)
			return out, false
		}
		defs := p.macros[name]
		var def *macroDef
		if hasArgs && defs[len(args)] != nil {
			def = defs[len(args)]
			_, after, _ := macroArgs(in, next)
			next = after
		} else if defs[-1] != nil {
			def = defs[-1]
		} else if len(defs) > 0 {
			p.errorf(nameTok.off, "argument mismatch for macro '%s'", name)
			ok = false
			if hasArgs {
				_, after, _ := macroArgs(in, next)
				i = after - 1
			} else {
				i++
			}
			continue
		}
		if def == nil {
			v, found := p.predefined(name, use)
			if !found && (name == "FUNCTION_NAME" || name == "FUNCTION_ARITY") {
				if p.keepFunMacros {
					out = append(out, t, nameTok)
					i++
					continue
				}
				if p.funMacroStart {
					p.errorf(nameTok.off, "?%s must not begin a form", name)
				} else {
					p.errorf(nameTok.off, "?%s can only be used within a function", name)
				}
				ok = false
				i++
				continue
			}
			if !found {
				p.errorf(nameTok.off, "undefined macro '%s'", name)
				ok = false
				i++
				continue
			}
			out = append(out, v)
			i++
			continue
		}
		// Expand the arguments first, then substitute them into the body.
		var expArgs [][]tok
		for _, a := range args {
			ea, aok := p.expand(nil, a)
			if !aok {
				ok = false
			}
			expArgs = append(expArgs, ea)
		}
		var body []tok
		for j := 0; j < len(def.body); j++ {
			bt := def.body[j]
			if bt.kind == tVar && def.params != nil {
				if k := indexOf(def.params, bt.text); k >= 0 && k < len(expArgs) {
					body = append(body, expArgs[k]...)
					continue
				}
			}
			if bt.kind == tPunct && bt.text == "??" && j+1 < len(def.body) && def.body[j+1].kind == tVar && def.params != nil {
				if k := indexOf(def.params, def.body[j+1].text); k >= 0 && k < len(args) {
					body = append(body, tok{kind: tString, text: quoteString(tokensText(args[k])), off: use, end: use})
					j++
					continue
				}
			}
			bt.off, bt.end = use, use
			body = append(body, bt)
		}
		p.produced += len(body)
		if p.produced > maxExpansion {
			p.errorf(nameTok.off, "macro expansion too large")
			p.tooLarge = true
			return out, false
		}
		var eok bool
		if p.expanding == nil {
			p.expanding = map[string]bool{}
		}
		p.expanding[name] = true
		out, eok = p.expand(out, body)
		delete(p.expanding, name)
		if !eok {
			ok = false
		}
		i = next - 1
	}
	return out, ok
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// tokensText renders tokens as epp renders the argument of ??Arg: each
// token as its value is written by ~w (atoms quoted only when needed,
// integers in decimal, characters and strings with io_lib's escapes),
// separated by single spaces.
func tokensText(ts []tok) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tokenSrc(t))
	}
	return b.String()
}

// tokenSrc is epp's token_src: how ??Arg writes one token.
func tokenSrc(t tok) string {
	switch t.kind {
	case tAtom:
		return writeAtom(atomValue(t.text))
	case tString:
		return writeString(stringValue(t.text), '"', false)
	case tChar:
		v, err := intValue(t.text)
		if err != nil {
			return t.text
		}
		if v == ' ' {
			return `$\s`
		}
		return "$" + writeString(string(rune(v)), -1, false)
	case tInt:
		text := strings.ReplaceAll(t.text, "_", "")
		base := 10
		if i := strings.IndexByte(text, '#'); i >= 0 {
			b, err := strconv.Atoi(text[:i])
			if err != nil {
				return t.text
			}
			base, text = b, text[i+1:]
		}
		n, ok := new(big.Int).SetString(text, base)
		if !ok {
			return t.text
		}
		return n.String()
	case tFloat:
		f, err := strconv.ParseFloat(strings.ReplaceAll(t.text, "_", ""), 64)
		if err != nil {
			return t.text
		}
		return shortFloat(f)
	}
	return t.text
}

// writeAtom is io_lib:write_atom_as_latin1 (how ~w writes an atom).
func writeAtom(name string) string {
	quote := keywords[name] || name == ""
	if !quote {
		for i, r := range name {
			lower := (r >= 'a' && r <= 'z') || (r >= 0xDF && r <= 0xFF && r != 0xF7)
			if i == 0 && !lower {
				quote = true
				break
			}
			if !(lower || (r >= 'A' && r <= 'Z') || (r >= 0xC0 && r <= 0xDE && r != 0xD7) ||
				(r >= '0' && r <= '9') || r == '_' || r == '@') {
				quote = true
				break
			}
		}
	}
	if !quote {
		return name
	}
	return writeString(name, '\'', true)
}

// writeString is io_lib's write_string (latin1 false) and
// write_string_as_latin1 (latin1 true) with quote q; q < 0 writes the
// characters without quotes (for write_char).
func writeString(s string, q rune, latin1 bool) string {
	var b strings.Builder
	if q >= 0 {
		b.WriteRune(q)
	}
	for _, c := range s {
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c >= ' ' && c <= '~':
			b.WriteRune(c)
		case latin1 && c > 0xFF:
			fmt.Fprintf(&b, "\\x{%X}", c)
		case c >= 0xA0:
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\v':
			b.WriteString(`\v`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c == 27:
			b.WriteString(`\e`)
		case c == 127:
			b.WriteString(`\d`)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	if q >= 0 {
		b.WriteRune(q)
	}
	return b.String()
}

// shortFloat writes a float as OTP 25's float_to_list(F, [short]): the
// shortest digits that read back to F, in plain or scientific notation,
// whichever is shorter (plain on a tie).
func shortFloat(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	sign := ""
	if f < 0 || (f == 0 && math.Signbit(f)) {
		sign, f = "-", -f
	}
	if f == 0 {
		return sign + "0.0"
	}
	// digits and exponent: f = 0.d1d2... * 10^exp
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expStr, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(expStr)
	// scientific: d.ddd e X (at least one digit after the point)
	sci := digits[:1] + "." + digits[1:]
	if len(digits) == 1 {
		sci += "0"
	}
	sci += "e" + strconv.Itoa(x)
	// plain
	var plain string
	switch {
	case x < 0:
		plain = "0." + strings.Repeat("0", -x-1) + digits
	case x+1 >= len(digits):
		plain = digits + strings.Repeat("0", x+1-len(digits)) + ".0"
	default:
		plain = digits[:x+1] + "." + digits[x+1:]
	}
	if len(sci) < len(plain) {
		return sign + sci
	}
	return sign + plain
}

// predefined expands the macros every module has.
func (p *preproc) predefined(name string, use int32) (tok, bool) {
	switch name {
	case "MODULE":
		if p.module != "" {
			return tok{kind: tAtom, text: quoteAtom(p.module), off: use, end: use}, true
		}
	case "MODULE_STRING":
		if p.module != "" {
			return tok{kind: tString, text: quoteString(p.module), off: use, end: use}, true
		}
	case "LINE":
		return tok{kind: tInt, text: strconv.Itoa(p.pos(use).Line), off: use, end: use}, true
	case "FILE":
		return tok{kind: tString, text: quoteString(p.filename), off: use, end: use}, true
	case "MACHINE":
		return tok{kind: tAtom, text: "'BEAM'", off: use, end: use}, true
	case "BEAM":
		return tok{kind: tAtom, text: "true", off: use, end: use}, true
	case "OTP_RELEASE":
		return tok{kind: tInt, text: "25", off: use, end: use}, true
	case "FUNCTION_NAME":
		if p.funName != "" {
			return tok{kind: tAtom, text: quoteAtom(p.funName), off: use, end: use}, true
		}
	case "FUNCTION_ARITY":
		if p.funArity >= 0 {
			return tok{kind: tInt, text: strconv.Itoa(p.funArity), off: use, end: use}, true
		}
	}
	return tok{}, false
}

// describeTok renders a token for "found X" in Go's style: literals as
// written, keywords and punctuation quoted.
func describeTok(t tok) string {
	switch t.kind {
	case tEOF:
		return "'EOF'"
	case tKeyword, tPunct, tDot:
		return "'" + t.text + "'"
	}
	s := t.text
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// defineFromOption turns a -D option into a macro definition.
func (p *preproc) defineFromOption(name, value string) error {
	if predefinedMacros[name] {
		return fmt.Errorf("redefining predefined macro '%s'", name)
	}
	if !isMacroName(name) {
		return fmt.Errorf("-D%s: not a macro name (a letter or _, then letters, digits, _ or @)", name)
	}
	if value == "" {
		value = "true"
	}
	var errs token.ErrorList
	fs := token.NewFileSet()
	base := fs.AddFile("-D"+name, []byte(value))
	sc := &scanner{src: []byte(value), file: base.File, fs: fs, errs: &errs}
	toks := sc.scanAll()
	if len(errs) > 0 {
		return fmt.Errorf("-D%s=%s: %s", name, value, errs[0].Msg)
	}
	body := toks[:len(toks)-1]
	for _, t := range body {
		if t.kind == tDot {
			return fmt.Errorf("-D%s=%s: unexpected '.'", name, value)
		}
	}
	if p.macros[name] == nil {
		p.macros[name] = map[int]*macroDef{}
	}
	p.macros[name][-1] = &macroDef{name: name, arity: -1, body: body}
	return nil
}

// isMacroName reports whether name can follow ? unquoted: an atom or a
// variable name. (erlc also takes names that only ?'quoted name' can use;
// mcgo refuses them, as they are most often a typing mistake.)
func isMacroName(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		switch {
		case r == '_' || isLetter(r):
		case i > 0 && (r == '@' || (r >= '0' && r <= '9')):
		default:
			return false
		}
	}
	return true
}

// sortedDefines returns the names of opts.Defines in order.
func sortedDefines(m map[string]string) []string {
	var names []string
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
