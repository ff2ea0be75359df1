package lang

import (
	"strings"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// record parses a -record(Name, {Field, Field = Default, Field :: Type,
// ...}) form into the module's record definitions. The field types are
// skipped (mcgo reads no types); the rest is read as the term {Name,
// {Fields}}, so that defaults are ordinary expressions with their
// positions. The checker (checkRecords) reports what erl_lint reports
// about the definition.
func (p *parser) record(toks []tok) {
	afterFuncs := len(p.mod.Funcs)
	bad := func(off int32) {
		p.errs.Add(p.position(off), "bad record declaration")
	}
	end := len(toks) - 1
	if toks[end].kind == tDot || toks[end].kind == tEOF {
		end--
	}
	if len(toks) < 4 || toks[2].text != "(" || toks[end].text != ")" || end < 3 {
		p.syntaxOrBad(toks)
		return
	}
	// {Inner} with the types of the fields left out.
	inner := stripFieldTypes(toks[3:end])
	if len(inner) == 0 {
		bad(toks[end].off)
		return
	}
	wrapped := make([]tok, 0, len(inner)+3)
	wrapped = append(wrapped, tok{kind: tPunct, text: "{", off: toks[2].off, end: toks[2].off + 1})
	wrapped = append(wrapped, inner...)
	wrapped = append(wrapped, tok{kind: tPunct, text: "}", off: toks[end].off, end: toks[end].off + 1})
	wrapped = append(wrapped, tok{kind: tEOF, off: toks[end].end, end: toks[end].end})
	if off, deep := tooDeep(wrapped); deep {
		p.errs.Add(p.position(off), "expression nested too deeply")
		return
	}
	g, err := runParser(termParser, toLexer(wrapped))
	if err != nil {
		p.syntaxError(err, wrapped)
		return
	}
	l := &lowerer{file: p.file, errFile: p.file, fs: p.fs, errs: p.errs}
	nerr := len(*p.errs)
	val := l.expr(g.X)
	if len(*p.errs) > nerr {
		return
	}
	args, _ := val.(*ast.Tuple)
	if args == nil || len(args.Elems) != 2 {
		bad(inner[0].off)
		return
	}
	name, ok := args.Elems[0].(*ast.Atom)
	if !ok {
		bad(inner[0].off)
		return
	}
	fields, ok := args.Elems[1].(*ast.Tuple)
	if !ok {
		p.errs.Add(p.fs.Position(args.Elems[1].Pos()), "bad record declaration")
		return
	}
	def := &ast.RecordDef{AttrPos: p.pos(toks[1].off), NamePos: name.NamePos, Name: name.Name, FuncsBefore: afterFuncs}
	for _, e := range fields.Elems {
		switch f := e.(type) {
		case *ast.Atom:
			def.Fields = append(def.Fields, &ast.RecordField{NamePos: f.NamePos, Name: f.Name})
			continue
		case *ast.Match:
			if a, ok := f.Left.(*ast.Atom); ok {
				def.Fields = append(def.Fields, &ast.RecordField{NamePos: a.NamePos, Name: a.Name, Default: f.Right})
				continue
			}
		}
		p.errs.Add(p.fs.Position(e.Pos()), "bad record field")
		return
	}
	p.mod.Records = append(p.mod.Records, def)
}

// syntaxOrBad reports a -record form that is not -record(...).
func (p *parser) syntaxOrBad(toks []tok) {
	at := toks[1].off
	if len(toks) > 2 {
		at = toks[2].off
	}
	p.errs.Add(p.position(at), "bad record declaration")
}

// stripFieldTypes drops the ':: Type' of each field of the tokens of a
// record declaration (Name, {Fields}): from '::' inside the fields' braces
// to the ',' or '}' that ends the field.
func stripFieldTypes(toks []tok) []tok {
	out := make([]tok, 0, len(toks))
	depth := 0
	skipping := false
	for _, t := range toks {
		if t.kind == tPunct {
			switch t.text {
			case "(", "[", "{", "<<":
				depth++
			case ")", "]", "}", ">>":
				depth--
				if depth == 0 {
					skipping = false
				}
			case ",":
				if depth == 1 {
					skipping = false
				}
			case "::":
				if depth == 1 {
					skipping = true
					continue
				}
			}
		}
		if !skipping {
			out = append(out, t)
		}
	}
	return out
}

// recordKey is the caller, in the call graph, of the functions that the
// defaults of record name call: a function that uses the record calls
// them, as erl_lint counts it.
func recordKey(name string) funcKey { return funcKey{"#" + name, -1} }

// recordDefs checks the record definitions in order: duplicate records and
// fields, and the default values, which are expressions evaluated where the
// record is built, so they may use no variable.
func (k *checker) recordDefs() {
	k.records = map[string]*ast.RecordDef{}
	k.recordUsed = map[string]bool{}
	k.inRecordDefs = true
	defer func() { k.inRecordDefs = false }()
	for _, def := range k.m.Records {
		if _, dup := k.records[def.Name]; dup {
			k.errorf(def.AttrPos, "record %s already defined", quoteAtom(def.Name))
			continue
		}
		seen := map[string]bool{}
		for _, f := range def.Fields {
			if seen[f.Name] {
				k.errorf(f.NamePos, "field %s already defined in record %s", quoteAtom(f.Name), quoteAtom(def.Name))
				continue
			}
			seen[f.Name] = true
			if f.Default != nil {
				k.cur = recordKey(def.Name)
				k.bindings = nil
				k.expr(f.Default, scope{})
			}
		}
		k.records[def.Name] = def
	}
	k.bindings = nil
}

// unusedRecords warns about records no function uses, as erl_lint does
// (a use in the default of a used record counts; of an unused one, not).
func (k *checker) unusedRecords() {
	if k.nowarnRecords {
		return
	}
	var work []string
	for name := range k.recordUsed {
		work = append(work, name)
	}
	for len(work) > 0 {
		name := work[len(work)-1]
		work = work[:len(work)-1]
		for _, c := range k.calls[recordKey(name)] {
			if r, ok := strings.CutPrefix(c.name, "#"); ok && c.arity == -1 && !k.recordUsed[r] {
				k.recordUsed[r] = true
				work = append(work, r)
			}
		}
	}
	for _, def := range k.m.Records {
		if k.records[def.Name] == def && !k.recordUsed[def.Name] {
			k.warnf(def.AttrPos, "record %s is unused", quoteAtom(def.Name))
		}
	}
}

// recordDef returns the definition of the record name as seen from the
// form being checked, reporting "record r undefined" at pos when there is
// none.
func (k *checker) recordDef(name string, pos token.Pos) *ast.RecordDef {
	def := k.records[name]
	if def != nil && !k.inRecordDefs && def.FuncsBefore > k.funcIdx {
		def = nil // defined after this function
	}
	if def == nil {
		k.errorf(pos, "record %s undefined", quoteAtom(name))
		return nil
	}
	if !k.inRecordDefs {
		k.recordUsed[name] = true
	}
	k.calls[k.cur] = append(k.calls[k.cur], recordKey(name))
	return def
}

// recordField reports a field that the record does not have.
func (k *checker) recordField(def *ast.RecordDef, name string, pos token.Pos) bool {
	for _, f := range def.Fields {
		if f.Name == name {
			return true
		}
	}
	k.errorf(pos, "field %s undefined in record %s", quoteAtom(name), quoteAtom(def.Name))
	return false
}

// record checks #r{...} and X#r{...} (whose X the caller checks); value
// checks each field's value in the context (expression, pattern, guard).
func (k *checker) record(x *ast.Record, value func(ast.Expr)) {
	def := k.recordDef(x.Name, x.HashPos)
	seen := map[string]bool{}
	var wild *ast.RecordFieldValue
	for _, f := range x.Fields {
		switch {
		case def == nil:
		case f.Wild:
			if wild != nil {
				k.errorf(f.NamePos, "'_' initializes no omitted fields")
			}
			wild = f
		case seen[f.Name]:
			k.errorf(f.NamePos, "field %s already defined in record %s", quoteAtom(f.Name), quoteAtom(def.Name))
		case k.recordField(def, f.Name, f.NamePos):
			seen[f.Name] = true
		}
		value(f.Value)
	}
}

// recordAccess checks X#r.f (whose X the caller checks).
func (k *checker) recordAccess(x *ast.RecordAccess) {
	if def := k.recordDef(x.Name, x.HashPos); def != nil {
		k.recordField(def, x.Field, x.FieldPos)
	}
}

// recordIndex checks #r.f.
func (k *checker) recordIndex(x *ast.RecordIndex) {
	if def := k.recordDef(x.Name, x.HashPos); def != nil {
		k.recordField(def, x.Field, x.FieldPos)
	}
}

// isRecordInfo reports whether x is a call of record_info/2 (not a
// function of the module: erl_lint reads it before any function).
func isRecordInfo(x *ast.Call) bool {
	name, ok := atomOf(x.Fun)
	return ok && x.Module == nil && name == "record_info" && len(x.Args) == 2
}

// recordInfo checks record_info(fields | size, Name): both arguments are
// literal atoms.
func (k *checker) recordInfo(x *ast.Call) {
	what, ok1 := atomOf(x.Args[0])
	name, ok2 := atomOf(x.Args[1])
	if !ok1 || !ok2 {
		k.errorf(x.Pos(), "illegal record info")
		return
	}
	if what != "fields" && what != "size" {
		k.errorf(x.Args[0].Pos(), "illegal record info")
		return
	}
	k.recordDef(name, x.Pos())
}

// guardDefaults reports a record built in a guard whose fields left to
// their defaults have a default that is not a guard expression (a call of
// a local function, say): the default is evaluated in the guard.
func (k *checker) guardDefaults(x *ast.Record) {
	def := k.records[x.Name]
	if def == nil || x.Expr != nil {
		return
	}
	given := map[string]bool{}
	for _, f := range x.Fields {
		if f.Wild {
			return // every field has a value
		}
		given[f.Name] = true
	}
	for _, f := range def.Fields {
		if f.Default == nil || given[f.Name] {
			continue
		}
		n := len(k.errs)
		k.gexpr(f.Default, scope{})
		if len(k.errs) > n {
			k.errs = k.errs[:n]
			k.errorf(x.HashPos, "illegal guard expression")
			return
		}
	}
}
