package lang

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// Options are the preprocessor options of [ParseFile] and [Load].
type Options struct {
	// Defines are the -D options, as erlc has them: name to value, where the
	// value is the text of a term; an empty value means true (-DNAME).
	Defines map[string]string
	// Path lists the directories of the code path after the model's own
	// (mcgo's --path), where Load finds the model's library modules.
	Path []string
	// IncludeDirs are the -I options: directories where -include and
	// -include_lib look for files after the directory of the including
	// file and the directory of the main file.
	IncludeDirs []string
}

// tokDef is the participle lexer definition of mcgo's own tokens. The
// scanner and the preprocessor run before participle; tokDef only names the
// token types that the grammar refers to.
type tokDef struct{}

var symbols = map[string]lexer.TokenType{
	"EOF": lexer.EOF, "Atom": lexer.TokenType(tAtom), "Var": lexer.TokenType(tVar),
	"Int": lexer.TokenType(tInt), "Char": lexer.TokenType(tChar), "String": lexer.TokenType(tString),
	"Float": lexer.TokenType(tFloat), "Punct": lexer.TokenType(tPunct), "Keyword": lexer.TokenType(tKeyword),
	"Dot": lexer.TokenType(tDot), "Bad": lexer.TokenType(tBad),
}

func (tokDef) Symbols() map[string]lexer.TokenType { return symbols }

func (tokDef) Lex(string, io.Reader) (lexer.Lexer, error) {
	return nil, errors.New("lang: tokens come from the preprocessor")
}

// sliceLexer feeds preprocessed tokens to participle.
type sliceLexer struct {
	toks []lexer.Token
	i    int
}

func (l *sliceLexer) Next() (lexer.Token, error) {
	if l.i >= len(l.toks) {
		return l.toks[len(l.toks)-1], nil
	}
	t := l.toks[l.i]
	l.i++
	return t, nil
}

var (
	// UseLookahead(0): the grammar is LL(1), so a branch that consumed a
	// token and then failed is the one the input meant; committing to it
	// makes participle report the error where it is, not at the start of
	// the enclosing production.
	formParser = participle.MustBuild[pForm](participle.Lexer(tokDef{}), participle.UseLookahead(0))
	termParser = participle.MustBuild[pTerm](participle.Lexer(tokDef{}), participle.UseLookahead(0))
)

// toLexer converts tokens for participle, ending them with an EOF token.
func toLexer(toks []tok) []lexer.Token {
	out := make([]lexer.Token, 0, len(toks)+1)
	var end int32
	for i, t := range toks {
		if t.kind == tEOF {
			// A form cut short by the end of the file: report what is
			// missing just after its last token, not on a later line.
			if i == 0 {
				end = t.off
			}
			break
		}
		out = append(out, lexer.Token{Type: lexer.TokenType(t.kind), Value: t.text, Pos: lexer.Position{Offset: int(t.off), Line: 1, Column: 1}})
		end = t.end
		if t.end < t.off {
			end = t.off
		}
	}
	out = append(out, lexer.Token{Type: lexer.EOF, Pos: lexer.Position{Offset: int(end), Line: 1, Column: 1}})
	return out
}

// runParser parses tokens with a participle parser, turning any panic into
// an error so that no input can crash the front end.
func runParser[G any](p *participle.Parser[G], toks []lexer.Token) (g *G, err error) {
	defer func() {
		if r := recover(); r != nil {
			g = nil
			err = &participle.ParseError{Msg: fmt.Sprint(r), Pos: toks[0].Pos}
		}
	}()
	pl, err := lexer.Upgrade(&sliceLexer{toks: toks})
	if err != nil {
		return nil, err
	}
	return p.ParseFromLexer(pl)
}

// ParseFile parses an Erlang source file of the supported subset. It runs
// the preprocessor (macros, -ifdef, opts.Defines), parses every form and
// lowers it into the syntax tree. The returned error, if any, is a
// [token.ErrorList] sorted by position; the module is returned as far as
// parsing got (forms with errors are left out).
func ParseFile(fs *token.FileSet, filename string, src []byte, opts *Options) (*ast.Module, error) {
	m, errs, _ := parseFile(fs, filename, src, opts)
	if len(errs) > 0 {
		return m, errs
	}
	return m, nil
}

// parseFile is ParseFile; it also returns the names of the functions whose
// definitions could not be parsed, so that the checker does not report
// their uses as undefined.
func parseFile(fs *token.FileSet, filename string, src []byte, opts *Options) (*ast.Module, token.ErrorList, map[string]bool) {
	base := fs.AddFile(filename, src)
	var errs token.ErrorList
	sc := &scanner{src: src, file: base.File, fs: fs, errs: &errs}
	toks := sc.scanAll()
	pp := &preproc{fs: fs, file: base.File, filename: filename, errs: &errs, macros: map[string]map[int]*macroDef{}}
	pp.dir = filepath.Dir(filename)
	pp.mainDir = pp.dir
	if opts != nil {
		pp.includeDirs = opts.IncludeDirs
		for _, name := range sortedDefines(opts.Defines) {
			if err := pp.defineFromOption(name, opts.Defines[name]); err != nil {
				errs.Add(token.Position{Filename: filename}, err.Error())
			}
		}
	}
	forms := pp.run(toks)
	p := &parser{fs: fs, file: base.File, errs: &errs, mod: &ast.Module{File: base}, broken: map[string]bool{}}
	for _, f := range forms {
		p.file = f.file
		p.form(f)
	}
	p.file = base.File
	p.checkSpecs()
	errs.RemoveMultiples()
	return p.mod, errs, p.broken
}

// parser parses the forms of one file into a module.
type parser struct {
	fs     *token.FileSet
	file   int32
	errs   *token.ErrorList
	mod    *ast.Module
	broken map[string]bool
	specs  []specRef
}

// specRef is the function a -spec is about.
type specRef struct {
	name  string
	arity int
	off   int32
	file  int32
}

// specTarget finds Name and the arity of the first clause of a -spec form
// (-spec Name(A, B) -> R. or -spec Mod:Name(...) -> R.).
func specTarget(toks []tok) (specRef, bool) {
	i := 2
	if i < len(toks) && toks[i].text == "(" {
		i++
	}
	if i+2 < len(toks) && toks[i].kind == tAtom && toks[i+1].text == ":" {
		i += 2
	}
	if i+1 >= len(toks) || toks[i].kind != tAtom || toks[i+1].text != "(" {
		return specRef{}, false
	}
	ref := specRef{name: atomValue(toks[i].text), off: toks[i].off}
	depth, n := 0, 0
	for _, t := range toks[i+1:] {
		switch t.text {
		case "(", "[", "{", "<<":
			depth++
		case ")", "]", "}", ">>":
			depth--
			if depth == 0 {
				ref.arity = n
				return ref, true
			}
		case ",":
			if depth == 1 {
				n++
			}
		}
		if depth == 1 && n == 0 && t.text != "(" {
			n = 1
		}
	}
	return specRef{}, false
}

// checkSpecs reports specs of functions the module does not define, as
// erlc does.
func (p *parser) checkSpecs() {
	defined := map[string]bool{}
	for _, f := range p.mod.Funcs {
		defined[fmt.Sprintf("%s/%d", f.Name, f.Arity)] = true
	}
	for _, s := range p.specs {
		key := fmt.Sprintf("%s/%d", s.name, s.arity)
		if !defined[key] && !p.broken[s.name] {
			p.errs.Addf(p.fs.Position(token.Pos{File: s.file, Off: s.off}), "spec for undefined function %s", key)
		}
	}
}

func (p *parser) position(off int32) token.Position {
	return p.fs.Position(token.Pos{File: p.file, Off: off})
}

// skippedAttrs are attributes whose argument is not a term; mcgo skips
// their tokens.
var skippedAttrs = map[string]bool{"spec": true, "type": true, "opaque": true, "callback": true, "nominal": true}

func (p *parser) form(f rawForm) {
	toks := f.toks
	if len(toks) == 0 || toks[0].kind == tEOF {
		return
	}
	afterFuncs := len(p.mod.Funcs) > 0
	if f.bad {
		p.markBroken(toks)
		return
	}
	if len(toks) >= 2 && toks[0].kind == tPunct && toks[0].text == "-" && toks[1].kind == tAtom {
		name := atomValue(toks[1].text)
		switch {
		case skippedAttrs[name]:
			if name == "spec" {
				if ref, ok := specTarget(toks); ok {
					ref.file = p.file
					p.specs = append(p.specs, ref)
				}
			}
			p.mod.Attrs = append(p.mod.Attrs, &ast.Attribute{
				MinusPos: p.pos(toks[0].off), Name: name, NamePos: p.pos(toks[1].off), AfterFuncs: afterFuncs,
			})
			return
		case name == "record":
			p.record(toks)
			return
		}
	}
	if off, deep := tooDeep(toks); deep {
		p.errs.Add(p.position(off), "expression nested too deeply")
		p.markBroken(toks)
		return
	}
	ltoks := toLexer(toks)
	g, err := runParser(formParser, ltoks)
	if err != nil {
		p.syntaxError(err, toks)
		p.markBroken(toks)
		return
	}
	l := &lowerer{file: p.file, errFile: p.file, fs: p.fs, errs: p.errs}
	nerr := len(*p.errs)
	switch {
	case g.Attr != nil:
		p.attribute(l, g.Attr, afterFuncs)
	case g.Func != nil:
		fn := l.function(g.Func)
		if len(*p.errs) > nerr {
			p.markBroken(toks)
		}
		if fn != nil {
			p.mod.Funcs = append(p.mod.Funcs, fn)
		}
	}
}

func (p *parser) pos(off int32) token.Pos { return token.Pos{File: p.file, Off: off} }

// markBroken remembers the name of a function form that could not be
// parsed.
func (p *parser) markBroken(toks []tok) {
	for i, t := range toks {
		// The form's name, and any atom at the start of a line that is
		// followed by '(' (a function whose definition a missing dot
		// glued to this form).
		if t.kind == tAtom && (i == 0 || (i+1 < len(toks) && toks[i+1].text == "(" && p.position(t.off).Col == 1)) {
			p.broken[atomValue(t.text)] = true
		}
	}
}

// maxNesting bounds the nesting of expressions, so that the recursive
// descent (participle's, the lowering's and the checker's) cannot exhaust
// the stack on hostile input.
const maxNesting = 1000

// tooDeep finds the first token at which a form nests deeper than
// maxNesting: brackets and blocks, plus chains of right-associative
// operators and prefix operators, which nest without brackets.
func tooDeep(toks []tok) (int32, bool) {
	chain := []int{0}
	for _, t := range toks {
		top := len(chain) - 1
		switch t.kind {
		case tPunct:
			switch t.text {
			case "(", "[", "{", "<<":
				chain = append(chain, 0)
			case ")", "]", "}", ">>":
				if top > 0 {
					chain = chain[:top]
				}
			case ",", ";", "->", "||", "|":
				chain[top] = 0
			case "=", "!", "++", "--", "-", "+":
				chain[top]++
			}
		case tKeyword:
			switch t.text {
			case "begin", "case", "if", "receive", "try", "fun":
				chain = append(chain, 0)
			case "end":
				if top > 0 {
					chain = chain[:top]
				}
			case "of", "when", "after", "catch":
				if t.text == "catch" {
					chain[top]++
				} else {
					chain[top] = 0
				}
			case "not", "bnot":
				chain[top]++
			}
		}
		if len(chain)+chain[len(chain)-1] > maxNesting {
			return t.off, true
		}
	}
	return 0, false
}

func (p *parser) attribute(l *lowerer, a *pAttribute, afterFuncs bool) {
	name := atomValue(a.Name.Value)
	namePos := l.pos(a.Name)
	val := l.expr(a.Value)
	switch name {
	case "module":
		at, ok := val.(*ast.Atom)
		if !ok {
			p.errs.Add(p.fs.Position(val.Pos()), "bad module declaration")
			if !p.mod.NamePos.IsValid() {
				p.mod.NamePos = val.Pos() // there is a -module, if a bad one
			}
			return
		}
		if p.mod.Name != "" {
			p.errs.Addf(p.fs.Position(namePos), "redefining module '%s'", p.mod.Name)
			return
		}
		if afterFuncs {
			p.errs.Add(p.fs.Position(namePos), "attribute module after function definitions")
		}
		p.mod.Name, p.mod.NamePos = at.Name, at.NamePos
	case "export":
		if afterFuncs {
			p.errs.Add(p.fs.Position(namePos), "attribute export after function definitions")
		}
		lst, ok := val.(*ast.List)
		if !ok || lst.Tail != nil {
			if s, isStr := val.(*ast.String); isStr && s.Value == "" {
				return
			}
			p.errs.Add(p.fs.Position(val.Pos()), "bad Name/Arity")
			return
		}
		for _, e := range lst.Elems {
			fn, ok := funcName(e)
			if !ok {
				p.errs.Add(p.fs.Position(e.Pos()), "bad Name/Arity")
				continue
			}
			p.mod.Exports = append(p.mod.Exports, fn)
		}
	default:
		p.mod.Attrs = append(p.mod.Attrs, &ast.Attribute{
			MinusPos: l.pos(a.Minus), Name: name, NamePos: namePos, Value: val, AfterFuncs: afterFuncs,
		})
	}
}

// funcName reads Name/Arity.
func funcName(e ast.Expr) (ast.FuncName, bool) {
	b, ok := e.(*ast.BinaryOp)
	if !ok || b.Op != "/" {
		return ast.FuncName{}, false
	}
	at, ok1 := b.X.(*ast.Atom)
	n, ok2 := b.Y.(*ast.Int)
	if !ok1 || !ok2 || n.Value < 0 || n.Value > 255 {
		return ast.FuncName{}, false
	}
	return ast.FuncName{NamePos: at.NamePos, Name: at.Name, Arity: int(n.Value)}, true
}

// syntaxError converts a participle error into Go's wording:
// "expected X, found Y".
func (p *parser) syntaxError(err error, toks []tok) {
	off, msg := describeParseError(err, "attribute or function definition")
	// participle names the innermost production; where the token before
	// says that a pattern or a guard starts here, say so.
	if rest, ok := strings.CutPrefix(msg, "expected expression, "); ok {
		for i := 1; i < len(toks); i++ {
			if int(toks[i].off) == off && toks[i].kind != tEOF {
				if what := expectedAfter[toks[i-1].text]; what != "" && toks[i-1].kind == tKeyword {
					msg = "expected " + what + ", " + rest
				}
				break
			}
		}
	}
	p.errs.Add(p.position(int32(off)), msg)
}

// expectedAfter is what may follow a keyword, for syntax errors.
var expectedAfter = map[string]string{"of": "pattern", "if": "guard", "when": "guard", "receive": "pattern or 'after'"}

// describeParseError turns a participle error into an offset and a
// message; fallback is what to say was expected when participle does not
// say (at the start of a form, or after a complete term).
func describeParseError(err error, fallback string) (int, string) {
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) {
		found := describeLexTok(ute.Unexpected)
		exp := expectedFrom(ute.Message())
		if exp == "" {
			exp = fallback
		}
		return ute.Unexpected.Pos.Offset, fmt.Sprintf("expected %s, found %s", exp, found)
	}
	var perr participle.Error
	if errors.As(err, &perr) {
		return perr.Position().Offset, "syntax error"
	}
	return 0, "syntax error"
}

// describeLexTok renders a token for "found X": literals as written,
// keywords and punctuation quoted, as go/parser does.
func describeLexTok(t lexer.Token) string {
	if t.Type == lexer.EOF {
		return "'EOF'"
	}
	return describeTok(tok{kind: tokKind(t.Type), text: t.Value})
}

// expectedFrom extracts what participle expected from its message
// ("unexpected token "x" (expected EBNF)") and names its first element.
func expectedFrom(msg string) string {
	i := strings.LastIndex(msg, " (expected ")
	if i < 0 || !strings.HasSuffix(msg, ")") {
		return ""
	}
	return describeEBNF(msg[i+len(" (expected ") : len(msg)-1])
}

// productionNames describe the grammar's productions in messages.
var productionNames = map[string]string{
	"PExpr": "expression", "PMatch": "expression", "POrelse": "expression", "PAndalso": "expression",
	"PComp": "expression", "PListOp": "expression", "PAdd": "expression", "PMul": "expression",
	"PUnary": "expression", "PCall": "expression", "PPrimary": "expression", "PQual": "expression",
	"PGuard": "guard", "PGuardAlt": "guard", "PIfClause": "guard",
	"PCaseClause": "pattern", "PCatchClause": "pattern",
	"PFuncClause": "function clause", "PFunction": "function clause", "PAttribute": "attribute",
	"PFunClause": "'('", "PNamedFunClause": "variable", "PFunRefRest": "':'", "PArgs": "'('", "PTuple": "'{'", "PList": "'['", "PBinary": "'<<'", "PBinElem": "expression", "PBinType": "atom", "PFunRef": "function name",
	"PBegin": "'begin'", "PIf": "'if'", "PCase": "'case'", "PReceive": "'receive'", "PFun": "'fun'", "PTry": "'try'", "PMapTuple": "'#'", "PMapField": "expression",
	"POrelseOp": "'orelse'", "PAndalsoOp": "'andalso'",
}

var refNames = map[string]string{
	"<dot>": "'.'", "<atom>": "atom", "<var>": "variable", "<int>": "integer", "<char>": "integer",
	"<string>": "string", "<eof>": "'EOF'",
}

// describeEBNF names the first element of an EBNF fragment.
func describeEBNF(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	switch s[0] {
	case '"':
		j := strings.IndexByte(s[1:], '"')
		if j < 0 {
			return ""
		}
		return "'" + s[1:1+j] + "'"
	case '<':
		j := strings.IndexByte(s, '>')
		if j < 0 {
			return ""
		}
		return refNames[s[:j+1]]
	case '(':
		depth := 0
		for j := 0; j < len(s); j++ {
			switch s[j] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					var alts []string
					seen := map[string]bool{}
					for _, a := range splitAlts(s[1:j]) {
						if d := describeEBNF(a); d != "" && !seen[d] {
							seen[d] = true
							alts = append(alts, d)
						}
					}
					return strings.Join(alts, " or ")
				}
			case '"':
				k := strings.IndexByte(s[j+1:], '"')
				if k < 0 {
					return ""
				}
				j += k + 1
			}
		}
		return ""
	}
	j := strings.IndexAny(s, " ()*?+!")
	if j < 0 {
		j = len(s)
	}
	return productionNames[s[:j]]
}

// splitAlts splits "a | b | (c | d)" at its top-level bars.
func splitAlts(s string) []string {
	var out []string
	depth, start := 0, 0
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			depth--
		case '"':
			if k := strings.IndexByte(s[j+1:], '"'); k >= 0 {
				j += k + 1
			}
		case '|':
			if depth == 0 {
				out = append(out, s[start:j])
				start = j + 1
			}
		}
	}
	return append(out, s[start:])
}

// ParseTerm parses one Erlang term or expression from a string, such as
// the value of a command-line flag. Macros are not expanded. Positions in
// the result are not valid (they refer to no file of any FileSet). The
// error, if any, is a [token.ErrorList] whose positions are line:column in
// text.
func ParseTerm(text string) (ast.Expr, error) {
	fs := token.NewFileSet()
	base := fs.AddFile("", []byte(text))
	var errs token.ErrorList
	sc := &scanner{src: []byte(text), file: base.File, fs: fs, errs: &errs}
	toks := sc.scanAll()
	if len(errs) > 0 {
		return nil, errs
	}
	return parseTermToks(fs, base.File, toks, "end of term")
}

// parseTermToks parses the tokens of one term (ending with EOF) of file;
// end names what the term's end is in a syntax error.
func parseTermToks(fs *token.FileSet, file int32, toks []tok, end string) (ast.Expr, error) {
	var errs token.ErrorList
	for _, t := range toks {
		if t.kind == tPunct && (t.text == "?" || t.text == "??") {
			errs.Add(fs.Position(token.Pos{File: file, Off: t.off}), "macros are not allowed here")
			return nil, errs
		}
	}
	if off, deep := tooDeep(toks); deep {
		errs.Add(fs.Position(token.Pos{File: file, Off: off}), "expression nested too deeply")
		return nil, errs
	}
	g, err := runParser(termParser, toLexer(toks))
	if err != nil {
		off, msg := describeParseError(err, end)
		errs.Add(fs.Position(token.Pos{File: file, Off: int32(off)}), msg)
		return nil, errs
	}
	l := &lowerer{file: 0, errFile: file, fs: fs, errs: &errs}
	x := l.expr(g.X)
	if len(errs) > 0 {
		return nil, errs
	}
	return x, nil
}

// ParseConsult parses a file of Erlang terms each ended by a dot, as
// file:consult/1 reads them (rebar.config). Macros are not expanded.
// Positions in the error name filename.
func ParseConsult(filename string, src []byte) ([]ast.Expr, error) {
	fs := token.NewFileSet()
	base := fs.AddFile(filename, src)
	var errs token.ErrorList
	sc := &scanner{src: src, file: base.File, fs: fs, errs: &errs}
	toks := sc.scanAll()
	if len(errs) > 0 {
		return nil, errs
	}
	var out []ast.Expr
	for _, f := range splitForms(toks) {
		if len(f) == 0 || f[0].kind == tEOF {
			continue
		}
		last := f[len(f)-1]
		if last.kind != tDot {
			errs.Add(fs.Position(token.Pos{File: base.File, Off: last.off}), "a term must end with a dot")
			return nil, errs
		}
		term := append(append([]tok(nil), f[:len(f)-1]...), tok{kind: tEOF, off: last.off, end: last.off})
		x, err := parseTermToks(fs, base.File, term, "'.'")
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}
