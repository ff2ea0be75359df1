package lang

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mcgo-dev/mcgo/lang/token"
)

// tokKind classifies a scanned token.
type tokKind int

const (
	tEOF     tokKind = iota
	tAtom            // foo, 'quoted atom'
	tVar             // X, _Y, _
	tInt             // 42, 16#ff, 1_000
	tChar            // $a, $\n
	tString          // "abc"
	tFloat           // 1.5, 2.5e-3, 1_000.5
	tPunct           // operators and punctuation
	tKeyword         // reserved words: case, end, fun, ...
	tDot             // the end of a form: '.' followed by white space, '%' or EOF
	tBad             // a token the scanner already reported
)

var kindNames = [...]string{"EOF", "Atom", "Var", "Int", "Char", "String", "Float", "Punct", "Keyword", "Dot", "Bad"}

func (k tokKind) String() string { return kindNames[k] }

// tok is one token. text is its source text (for a token produced by a
// macro, the text of the token in the macro body); off is the byte offset of
// its first character, or of the macro use for tokens from a macro body.
type tok struct {
	kind tokKind
	text string
	off  int32
	end  int32 // byte offset just past the token in the source (for macro arguments)
}

// keywords are Erlang's reserved words (OTP 25, without the maybe feature).
var keywords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true,
	"bnot": true, "bor": true, "bsl": true, "bsr": true, "bxor": true,
	"case": true, "catch": true, "cond": true, "div": true, "end": true,
	"fun": true, "if": true, "let": true, "not": true, "of": true, "or": true,
	"orelse": true, "receive": true, "rem": true, "try": true, "when": true,
	"xor": true,
}

// puncts are the operator and punctuation tokens, longest first for each
// leading character.
var puncts = []string{
	"=:=", "=/=", "...", "<<", ">>", "<-", "<=", "->", "=>", ":=", "::", "||",
	"++", "--", "==", "/=", "=<", ">=", "??", "?=", "..",
	"(", ")", "[", "]", "{", "}", ",", ";", ":", "|", "!", "=", "<", ">",
	"+", "-", "*", "/", "#", ".", "?",
}

// scanner turns source text into tokens, reporting lexical errors.
type scanner struct {
	src  []byte
	file int32
	fs   *token.FileSet
	errs *token.ErrorList
	off  int
}

func (s *scanner) errorf(off int, format string, args ...any) {
	s.errs.Addf(s.fs.Position(token.Pos{File: s.file, Off: int32(off)}), format, args...)
}

// scanAll scans the whole source.
func (s *scanner) scanAll() []tok {
	var toks []tok
	for {
		t := s.next()
		toks = append(toks, t)
		if t.kind == tEOF {
			return toks
		}
	}
}

func isIdentChar(r rune) bool {
	return r == '_' || r == '@' || isLetter(r) || (r >= '0' && r <= '9')
}

func isLetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
		(r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7)
}

func isLowerStart(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 0xDF && r <= 0xFF && r != 0xF7)
}

func isUpperStart(r rune) bool {
	return (r >= 'A' && r <= 'Z') || r == '_' || (r >= 0xC0 && r <= 0xDE && r != 0xD7)
}

func (s *scanner) peekRune(off int) (rune, int) {
	if off >= len(s.src) {
		return -1, 0
	}
	r, n := utf8.DecodeRune(s.src[off:])
	return r, n
}

func (s *scanner) next() tok {
	// Skip white space and comments.
	for s.off < len(s.src) {
		c := s.src[s.off]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			s.off++
			continue
		}
		if c == '%' {
			for s.off < len(s.src) && s.src[s.off] != '\n' {
				s.off++
			}
			continue
		}
		r, n := s.peekRune(s.off)
		if r == 0xA0 { // no-break space is white space for erl_scan
			s.off += n
			continue
		}
		break
	}
	start := s.off
	mk := func(k tokKind) tok {
		return tok{kind: k, text: string(s.src[start:s.off]), off: int32(start), end: int32(s.off)}
	}
	if s.off >= len(s.src) {
		return tok{kind: tEOF, off: int32(start), end: int32(start)}
	}
	r, n := s.peekRune(s.off)
	switch {
	case r == utf8.RuneError && n <= 1:
		s.off++
		s.errorf(start, "illegal character")
		return mk(tBad)
	case isLowerStart(r):
		s.off += n
		s.identRest()
		t := mk(tAtom)
		if keywords[t.text] {
			t.kind = tKeyword
		}
		return t
	case isUpperStart(r):
		s.off += n
		s.identRest()
		return mk(tVar)
	case r >= '0' && r <= '9':
		return s.number()
	case r == '\'':
		return s.quoted('\'', tAtom, "atom")
	case r == '"':
		return s.quoted('"', tString, "string")
	case r == '$':
		return s.char()
	case r == '.':
		nr, _ := s.peekRune(s.off + 1)
		if nr == -1 || nr == ' ' || nr == '\t' || nr == '\n' || nr == '\r' || nr == '%' || nr == '\f' || nr == '\v' {
			s.off++
			return mk(tDot)
		}
	}
	for _, p := range puncts {
		if strings.HasPrefix(string(s.src[s.off:min(len(s.src), s.off+3)]), p) {
			s.off += len(p)
			return mk(tPunct)
		}
	}
	s.off += n
	s.errorf(start, "illegal character")
	return mk(tBad)
}

func (s *scanner) identRest() {
	for s.off < len(s.src) {
		r, n := s.peekRune(s.off)
		if !isIdentChar(r) {
			return
		}
		s.off += n
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitsRun consumes digits (in base) with single '_' separators between
// them and reports whether the run was well formed.
func (s *scanner) digitsRun(base int) (ok bool, any bool) {
	ok = true
	for s.off < len(s.src) {
		c := s.src[s.off]
		if digitVal(c) < base {
			s.off++
			any = true
			continue
		}
		if c == '_' && any && s.off+1 < len(s.src) && digitVal(s.src[s.off+1]) < base {
			s.off++
			continue
		}
		break
	}
	return ok, any
}

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

func (s *scanner) number() tok {
	start := s.off
	s.digitsRun(10)
	mk := func(k tokKind) tok {
		return tok{kind: k, text: string(s.src[start:s.off]), off: int32(start), end: int32(s.off)}
	}
	if s.off < len(s.src) && s.src[s.off] == '#' {
		baseText := string(s.src[start:s.off])
		base, err := strconv.Atoi(strings.ReplaceAll(baseText, "_", ""))
		s.off++
		if err != nil || base < 2 || base > 36 {
			s.digitsRun(36)
			s.errorf(start, "illegal base '%s'", baseText)
			return mk(tBad)
		}
		if _, any := s.digitsRun(base); !any {
			s.identRest()
			s.errorf(start, "illegal integer")
			return mk(tBad)
		}
		if s.off < len(s.src) {
			if r, _ := s.peekRune(s.off); isIdentChar(r) {
				s.identRest()
				s.errorf(start, "illegal integer")
				return mk(tBad)
			}
		}
		return mk(tInt)
	}
	if s.off+1 < len(s.src) && s.src[s.off] == '.' && isDigit(s.src[s.off+1]) {
		s.off++
		s.digitsRun(10)
		if s.off < len(s.src) && (s.src[s.off] == 'e' || s.src[s.off] == 'E') {
			save := s.off
			s.off++
			if s.off < len(s.src) && (s.src[s.off] == '+' || s.src[s.off] == '-') {
				s.off++
			}
			if _, any := s.digitsRun(10); !any {
				// 1.0e and 1.5e+ are illegal floats (erl_scan).
				s.off = save + 1
				s.errorf(start, "illegal float")
				return mk(tBad)
			}
		}
		if _, err := floatValue(string(s.src[start:s.off])); err != nil {
			s.errorf(start, "illegal float")
			return mk(tBad)
		}
		return mk(tFloat)
	}
	if s.off < len(s.src) && s.src[s.off] == '_' {
		// A separator not followed by a digit: erl_scan calls it an
		// illegal integer.
		s.identRest()
		s.errorf(start, "illegal integer")
		return mk(tBad)
	}
	return mk(tInt)
}

// quoted scans a quoted atom or a string.
func (s *scanner) quoted(q byte, kind tokKind, what string) tok {
	start := s.off
	s.off++
	bad := -1
	for s.off < len(s.src) {
		c := s.src[s.off]
		if c == q {
			s.off++
			t := tok{kind: kind, text: string(s.src[start:s.off]), off: int32(start), end: int32(s.off)}
			if bad >= 0 {
				s.errorf(start, "illegal character")
				t.kind = tBad
			}
			return t
		}
		if c == '\\' {
			n, ok := escapeLen(s.src[s.off:])
			if !ok && bad < 0 {
				bad = s.off
			}
			s.off += n
			continue
		}
		_, n := utf8.DecodeRune(s.src[s.off:])
		if r, _ := utf8.DecodeRune(s.src[s.off:]); r == utf8.RuneError && n <= 1 && bad < 0 {
			bad = s.off
		}
		s.off += n
	}
	body := string(s.src[start+1:])
	if utf8.RuneCountInString(body) > 16 {
		body = string([]rune(body)[:16])
	}
	if q == '"' {
		s.errorf(start, "unterminated string starting with %s", strconv.Quote(body))
	} else {
		qs := strconv.Quote(body)
		s.errorf(start, "unterminated atom starting with '%s'", strings.ReplaceAll(qs[1:len(qs)-1], `\"`, `"`))
	}
	return tok{kind: tBad, text: string(s.src[start:]), off: int32(start), end: int32(s.off)}
}

// char scans $c.
func (s *scanner) char() tok {
	start := s.off
	s.off++
	mk := func(k tokKind) tok {
		return tok{kind: k, text: string(s.src[start:s.off]), off: int32(start), end: int32(s.off)}
	}
	if s.off >= len(s.src) {
		s.errorf(start, "unterminated character")
		return mk(tBad)
	}
	if s.src[s.off] == '\\' {
		n, ok := escapeLen(s.src[s.off:])
		s.off += n
		if !ok {
			s.errorf(start, "illegal character")
			return mk(tBad)
		}
		if n == 1 {
			s.errorf(start, "unterminated character")
			return mk(tBad)
		}
		return mk(tChar)
	}
	r, n := utf8.DecodeRune(s.src[s.off:])
	s.off += n
	if r == utf8.RuneError && n <= 1 {
		s.errorf(start, "illegal character")
		return mk(tBad)
	}
	return mk(tChar)
}

// escapeLen returns the length of the escape sequence at the start of b
// (which starts with a backslash) and whether it is valid.
func escapeLen(b []byte) (int, bool) {
	if len(b) < 2 {
		return len(b), true
	}
	c := b[1]
	switch {
	case c >= '0' && c <= '7':
		n := 2
		for n < 4 && n < len(b) && b[n] >= '0' && b[n] <= '7' {
			n++
		}
		return n, true
	case c == 'x':
		if len(b) > 2 && b[2] == '{' {
			i := 3
			for i < len(b) && digitVal(b[i]) < 16 {
				i++
			}
			if i >= len(b) || b[i] != '}' || i == 3 {
				return i, false
			}
			v, err := strconv.ParseUint(string(b[3:i]), 16, 32)
			if err != nil || v > unicode.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
				return i + 1, false
			}
			return i + 1, true
		}
		if len(b) > 3 && digitVal(b[2]) < 16 && digitVal(b[3]) < 16 {
			return 4, true
		}
		return 2, false
	case c == '^':
		if len(b) > 2 {
			_, n := utf8.DecodeRune(b[2:])
			return 2 + n, true
		}
		return 2, false
	}
	_, n := utf8.DecodeRune(b[1:])
	return 1 + n, true
}

// unescape resolves the escapes of the body of a quoted atom, string or
// character literal (without the quotes). The scanner has validated it.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			r, n := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += n
			continue
		}
		n, _ := escapeLen([]byte(s[i:]))
		b.WriteRune(escapeValue(s[i : i+n]))
		i += n
	}
	return b.String()
}

// escapeValue is the character an escape sequence stands for.
func escapeValue(e string) rune {
	if len(e) < 2 {
		return '\\'
	}
	c := e[1]
	switch {
	case c >= '0' && c <= '7':
		v, _ := strconv.ParseUint(e[1:], 8, 32)
		return rune(v)
	case c == 'x':
		h := strings.Trim(e[2:], "{}")
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return utf8.RuneError
		}
		return rune(v)
	case c == '^':
		r, _ := utf8.DecodeRuneInString(e[2:])
		return r & 31
	}
	switch c {
	case 'b':
		return '\b'
	case 'd':
		return 127
	case 'e':
		return 27
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 's':
		return ' '
	case 't':
		return '\t'
	case 'v':
		return '\v'
	}
	r, _ := utf8.DecodeRuneInString(e[1:])
	return r
}

// atomValue is the name of an atom token.
func atomValue(text string) string {
	if len(text) >= 2 && text[0] == '\'' {
		return unescape(text[1 : len(text)-1])
	}
	return text
}

// stringValue is the value of a string token.
func stringValue(text string) string {
	if len(text) >= 2 && text[0] == '"' {
		return unescape(text[1 : len(text)-1])
	}
	return text
}

// intValue is the value of an integer or character token.
func intValue(text string) (int64, error) {
	if strings.HasPrefix(text, "$") {
		body := text[1:]
		if strings.HasPrefix(body, `\`) {
			return int64(escapeValue(body)), nil
		}
		r, _ := utf8.DecodeRuneInString(body)
		return int64(r), nil
	}
	text = strings.ReplaceAll(text, "_", "")
	base := 10
	if i := strings.IndexByte(text, '#'); i >= 0 {
		b, err := strconv.Atoi(text[:i])
		if err != nil {
			return 0, err
		}
		base, text = b, text[i+1:]
	}
	v, err := strconv.ParseInt(text, base, 64)
	if err != nil {
		return 0, fmt.Errorf("integer %s does not fit in 64 bits", text)
	}
	return v, nil
}

// floatValue is the value of a float literal (1.5, 1_000.5, 2.5e-3); a
// literal beyond the range of a double is an error ("illegal float"), one
// too small to represent is 0.0, as in erl_scan.
func floatValue(text string) (float64, error) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64)
	if err != nil && !(errors.Is(err, strconv.ErrRange) && f == 0) {
		return 0, err
	}
	return f, nil
}

// quoteAtom writes an atom name as Erlang source: bare when it can be,
// quoted with escapes otherwise.
func quoteAtom(name string) string {
	if name != "" && isLowerStart(rune(name[0])) && !keywords[name] {
		plain := true
		for _, r := range name {
			if !isIdentChar(r) || r > 0x7F {
				plain = false
				break
			}
		}
		if plain {
			return name
		}
	}
	return quoteText(name, '\'')
}

// quoteString writes a string as an Erlang string literal.
func quoteString(v string) string { return quoteText(v, '"') }

// quoteText writes v between quote characters q, escaping q, backslash and
// control characters as erlc's pretty printer does.
func quoteText(v string, q rune) string {
	var b strings.Builder
	b.WriteRune(q)
	for _, r := range v {
		switch {
		case r == q || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\x{%X}`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteRune(q)
	return b.String()
}
