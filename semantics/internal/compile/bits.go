package compile

import (
	"fmt"
	"math"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// This file compiles bitstrings: constructions (OpBin), patterns (PBin),
// binary comprehensions and bitstring generators; and holds the segment
// semantics that the machine runs (BinSeg.Append, BinSeg.Read).

// maxBits bounds the length of a bitstring a model builds (2^27 bits, 16
// MiB); beyond it the construction raises system_limit.
const maxBits = 1 << 27

// segSpec converts a segment's type specifiers; ok is false (and the error
// reported) for a segment mcgo does not build.
func (g *fnc) segSpec(sg *ast.BinSeg) (*BinSeg, bool) {
	sp, msg := sg.Spec()
	if msg != "" {
		g.c.errorf(sg.Value.Pos(), "%s", msg)
		return nil, false
	}
	seg := &BinSeg{Unit: sp.Unit, Signed: sp.Signed, Little: sp.Little || sp.Native, Pos: sg.Value.Pos()}
	switch sp.Type {
	case "integer":
		seg.Type = BInt
	case "binary":
		seg.Type = BBits
	case "utf8":
		seg.Type = BUtf8
	case "utf16":
		seg.Type = BUtf16
	case "utf32":
		seg.Type = BUtf32
	case "float":
		seg.Type = BFloat
	default:
		g.c.errorf(sg.Value.Pos(), "%s segments are not supported yet", sp.Type)
		return nil, false
	}
	return seg, true
}

// bin compiles a bitstring construction: the segments' values and sizes,
// left to right, then OpBin.
func (g *fnc) bin(x *ast.Bin) {
	b := &Bin{Pos: x.Lbin}
	operands := 0
	for _, sg := range x.Segs {
		proto, ok := g.segSpec(sg)
		if !ok {
			continue
		}
		vals := []ast.Expr{sg.Value}
		if s, isStr := sg.Value.(*ast.String); isStr {
			// "abc" is one segment per character.
			vals = vals[:0]
			for _, r := range s.Value {
				vals = append(vals, &ast.Int{ValuePos: s.ValuePos, Value: int64(r)})
			}
		}
		for _, v := range vals {
			seg := *proto
			g.expr(v, false)
			operands++
			if sg.Size != nil {
				seg.HasSize = true
				g.expr(sg.Size, false)
				operands++
			}
			b.Segs = append(b.Segs, &seg)
		}
	}
	i := int32(len(g.c.prog.Bins))
	g.c.prog.Bins = append(g.c.prog.Bins, b)
	g.emit(OpBin, i, int32(operands), x.Lbin)
}

// sizeBifs are the built-ins a size expression of a pattern may call.
var sizeBifs = map[string]bool{"byte_size": true, "bit_size": true, "tuple_size": true, "length": true, "abs": true, "size": true, "element": true, "hd": true, "tl": true}

// binPat compiles a bitstring pattern.
func (g *fnc) binPat(x *ast.Bin) *Pat {
	p := &Pat{Kind: PBin}
	for _, sg := range x.Segs {
		proto, ok := g.segSpec(sg)
		if !ok {
			continue
		}
		if sg.Size != nil {
			proto.Size = g.gexpr(sg.Size)
			if !pureSize(proto.Size) {
				g.c.errorf(sg.Size.Pos(), "only arithmetic and %s are supported in a size expression", "byte_size/bit_size/length")
			}
		}
		if s, isStr := sg.Value.(*ast.String); isStr {
			for _, r := range s.Value {
				seg := *proto
				seg.Val = &Pat{Kind: PConst, Const: term.Int(r)}
				p.Bin = append(p.Bin, &seg)
			}
			continue
		}
		proto.Val = g.pat(sg.Value)
		p.Bin = append(p.Bin, proto)
	}
	return p
}

// pureSize reports whether a size expression calls only built-ins that
// read nothing but their arguments.
func pureSize(e *GExpr) bool {
	if e.Kind == GBif && !sizeBifs[builtinAt(e.Op).F] {
		return false
	}
	for _, a := range e.Args {
		if !pureSize(a) {
			return false
		}
	}
	return true
}

// constBin evaluates a bitstring of literals (in a guard).
func constBin(x *ast.Bin) (term.Term, bool) {
	var w term.BitBuf
	for _, sg := range x.Segs {
		sp, msg := sg.Spec()
		if msg != "" {
			return nil, false
		}
		seg := &BinSeg{Unit: sp.Unit, Signed: sp.Signed, Little: sp.Little || sp.Native}
		switch sp.Type {
		case "integer":
		case "utf8":
			seg.Type = BUtf8
		default:
			return nil, false
		}
		var size term.Term
		if sg.Size != nil {
			v, ok := ConstExpr(sg.Size)
			if !ok {
				return nil, false
			}
			size = v
		}
		var vals []term.Term
		switch v := sg.Value.(type) {
		case *ast.String:
			for _, r := range v.Value {
				vals = append(vals, term.Int(r))
			}
		default:
			c, ok := ConstExpr(v)
			if !ok {
				return nil, false
			}
			vals = append(vals, c)
		}
		for _, v := range vals {
			if seg.Append(&w, v, size, sg.Size != nil) != nil {
				return nil, false
			}
		}
	}
	return w.Term(), true
}

// Append appends the segment of value v (and size, when hasSize) to w, or
// returns the exception the construction raises.
func (s *BinSeg) Append(w *term.BitBuf, v, size term.Term, hasSize bool) *term.Exc {
	n := -1
	if hasSize {
		sz, ok := size.(term.Int)
		if !ok || sz < 0 || int64(sz)*int64(s.Unit) > maxBits {
			if ok && sz >= 0 {
				return term.ErrorExc(term.ASystemLimit)
			}
			return term.ExcBadarg
		}
		n = int(sz) * s.Unit
	}
	if w.Len()+max(n, 0) > maxBits {
		return term.ErrorExc(term.ASystemLimit)
	}
	switch s.Type {
	case BInt:
		i, ok := v.(term.Int)
		if !ok {
			return term.ExcBadarg
		}
		if n < 0 {
			n = 8
		}
		w.AppendInt(int64(i), n, s.Little)
	case BBits:
		data, l, ok := term.BitsOf(v)
		if !ok {
			return term.ExcBadarg
		}
		if n < 0 {
			if l%s.Unit != 0 {
				return term.ExcBadarg
			}
			n = l
		}
		if n > l {
			return term.ExcBadarg
		}
		w.AppendBits(data, n)
	case BFloat:
		var f float64
		switch x := v.(type) {
		case term.Int:
			f = float64(x)
		case term.Float:
			f = float64(x)
		default:
			return term.ExcBadarg
		}
		if n < 0 {
			n = 64
		}
		// As OTP 25: a value too large for the size is an infinity.
		switch n {
		case 64:
			w.AppendInt(int64(math.Float64bits(f)), 64, s.Little)
		case 32:
			w.AppendInt(int64(math.Float32bits(float32(f))), 32, s.Little)
		case 16:
			w.AppendInt(int64(float16bits(f)), 16, s.Little)
		default:
			return term.ExcBadarg
		}
	case BUtf8, BUtf16, BUtf32:
		c, ok := v.(term.Int)
		if !ok || c < 0 || c > 0x10FFFF || c >= 0xD800 && c <= 0xDFFF {
			return term.ExcBadarg
		}
		switch s.Type {
		case BUtf8:
			w.AppendUTF8(c)
		case BUtf16:
			if c < 0x10000 {
				w.AppendInt(int64(c), 16, s.Little)
			} else {
				c -= 0x10000
				w.AppendInt(int64(0xD800|c>>10), 16, s.Little)
				w.AppendInt(int64(0xDC00|c&0x3FF), 16, s.Little)
			}
		case BUtf32:
			w.AppendInt(int64(c), 32, s.Little)
		}
	}
	return nil
}

// Read reads the segment at bit off of a bitstring of n bits (data). size
// is the evaluated size (hasSize), and last says whether the segment is
// the pattern's last. It returns the value and the bits it takes, or
// ok=false when the segment does not match.
func (s *BinSeg) Read(data string, off, n int, size term.Term, hasSize, last bool) (v term.Term, width int, ok bool) {
	rest := n - off
	w := -1
	if hasSize {
		sz, isInt := size.(term.Int)
		if !isInt || sz < 0 || int64(sz)*int64(s.Unit) > int64(rest) {
			return nil, 0, false
		}
		w = int(sz) * s.Unit
	}
	switch s.Type {
	case BInt:
		if w < 0 {
			w = 8
		}
		if w > rest {
			return nil, 0, false
		}
		i, fits := term.ReadInt(data, off, w, s.Signed, s.Little)
		if !fits {
			return nil, 0, false
		}
		return i, w, true
	case BBits:
		if w < 0 {
			w = rest
			if w%s.Unit != 0 {
				return nil, 0, false
			}
		}
		return term.SubBits(data, off, w), w, true
	case BFloat:
		if w < 0 {
			w = 64
		}
		if w > rest || w != 16 && w != 32 && w != 64 {
			return nil, 0, false
		}
		var f float64
		switch w {
		case 64:
			hi, _ := term.ReadInt(data, off, 32, false, s.Little)
			lo, _ := term.ReadInt(data, off+32, 32, false, s.Little)
			if s.Little {
				hi, lo = lo, hi
			}
			f = math.Float64frombits(uint64(hi)<<32 | uint64(lo))
		case 32:
			b, _ := term.ReadInt(data, off, 32, false, s.Little)
			f = float64(math.Float32frombits(uint32(b)))
		case 16:
			b, _ := term.ReadInt(data, off, 16, false, s.Little)
			f = float16value(uint16(b))
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, 0, false // OTP matches no infinity and no NaN
		}
		return term.Float(f), w, true
	case BUtf8:
		c, l, good := term.ReadUTF8(data, off, n)
		if !good {
			return nil, 0, false
		}
		return c, l, true
	case BUtf16:
		if rest < 16 {
			return nil, 0, false
		}
		hi, _ := term.ReadInt(data, off, 16, false, s.Little)
		if hi < 0xD800 || hi > 0xDFFF {
			return hi, 16, true
		}
		if hi > 0xDBFF || rest < 32 {
			return nil, 0, false
		}
		lo, _ := term.ReadInt(data, off+16, 16, false, s.Little)
		if lo < 0xDC00 || lo > 0xDFFF {
			return nil, 0, false
		}
		return 0x10000 + (hi-0xD800)<<10 + (lo - 0xDC00), 32, true
	case BUtf32:
		if rest < 32 {
			return nil, 0, false
		}
		c, _ := term.ReadInt(data, off, 32, false, s.Little)
		if c > 0x10FFFF || c >= 0xD800 && c <= 0xDFFF {
			return nil, 0, false
		}
		return c, 32, true
	}
	return nil, 0, false
}

// float16bits is the IEEE half-precision encoding of f, rounded to the
// nearest (ties to even); too large a value is an infinity, as in OTP.
func float16bits(f float64) uint16 {
	var sign uint16
	if math.Signbit(f) {
		sign = 0x8000
		f = -f
	}
	if f == 0 {
		return sign
	}
	_, e := math.Frexp(f) // f = m * 2^e, m in [0.5, 1)
	exp := e - 1          // f = 1.x * 2^exp
	if exp < -14 {
		exp = -14 // subnormal: units of 2^-24
	}
	// q counts units of the last place; a value that rounds up into the
	// next binade (or from subnormal to normal) carries into the exponent.
	q := math.RoundToEven(math.Ldexp(f, 10-exp))
	bits := float64((exp+15)<<10) + q - 1024
	if exp == -14 && q < 1024 {
		bits = q
	}
	if bits >= 0x7C00 {
		return sign | 0x7C00
	}
	return sign | uint16(bits)
}

// float16value is the value of a half-precision encoding.
func float16value(b uint16) float64 {
	exp := int(b>>10) & 0x1F
	frac := float64(b & 0x3FF)
	var f float64
	switch exp {
	case 0:
		f = math.Ldexp(frac, -24)
	case 31:
		f = math.Inf(1)
		if frac != 0 {
			f = math.NaN()
		}
	default:
		f = math.Ldexp(1024+frac, exp-25)
	}
	if b&0x8000 != 0 {
		f = -f
	}
	return f
}

// collectHeadVars adds the variables a fun head binds to binds and the
// ones it only reads (sizes of bitstring segments) to uses.
func collectHeadVars(p ast.Expr, binds, uses map[string]bool) {
	switch x := p.(type) {
	case *ast.Bin:
		for _, sg := range x.Segs {
			collectHeadVars(sg.Value, binds, uses)
			if sg.Size != nil {
				sz := map[string]bool{}
				collectVars(sg.Size, sz)
				for v := range sz {
					if !binds[v] {
						uses[v] = true
					}
				}
			}
		}
	case *ast.Tuple:
		for _, e := range x.Elems {
			collectHeadVars(e, binds, uses)
		}
	case *ast.List:
		for _, e := range x.Elems {
			collectHeadVars(e, binds, uses)
		}
		if x.Tail != nil {
			collectHeadVars(x.Tail, binds, uses)
		}
	case *ast.Match:
		collectHeadVars(x.Left, binds, uses)
		collectHeadVars(x.Right, binds, uses)
	case *ast.BinaryOp:
		collectHeadVars(x.X, binds, uses)
		collectHeadVars(x.Y, binds, uses)
	default:
		collectVars(p, binds)
	}
}

// bitsGenerator rewrites the generator Pattern <= Bits of a comprehension
// into a named fun over the bitstring:
//
//	(fun Lc(<<Segs..., T/bitstring>>) -> <rest> ++ Lc(T);
//	     Lc(<<Segs' ..., T/bitstring>>) -> Lc(T);
//	     Lc(<<_/bitstring>>) -> [];
//	     Lc(X) -> erlang:error({bad_generator, X}) end)(Bits)
//
// where Segs' are the segments with their values replaced by fresh
// variables (a segment that fits but does not match is skipped, as in
// Erlang) and a bitstring too short for the pattern ends the generator.
func bitsGenerator(head ast.Expr, q *ast.Generator, quals []ast.Qualifier, pos token.Pos, n, depth int) ast.Expr {
	name := func(s string) string { return fmt.Sprintf("_mcgo_lc%d_%d_%s", n, depth, s) }
	v := func(s string) *ast.Var { return &ast.Var{NamePos: pos, Name: name(s)} }
	atom := func(s string) *ast.Atom { return &ast.Atom{NamePos: pos, Name: s} }
	rest := lcRest(head, quals, pos, n, depth+1)
	self := fmt.Sprintf("_mcgo_Lc%d_%d", n, depth)
	selfVar := &ast.Var{NamePos: pos, Name: self}
	t := v("T")
	tail := &ast.BinSeg{Value: t, Types: []ast.BinType{{NamePos: pos, Name: "bitstring"}}}
	recur := &ast.Call{Fun: selfVar, Lparen: pos, Args: []ast.Expr{t}}
	pat := q.Pattern.(*ast.Bin)
	match := &ast.Bin{Lbin: pat.Lbin, Segs: append(append([]*ast.BinSeg(nil), pat.Segs...), tail)}
	// The skipping pattern: fresh variables for the values, the same sizes.
	rename := map[string]string{}
	var skip []*ast.BinSeg
	for i, sg := range pat.Segs {
		fresh := func() ast.Expr { return v(fmt.Sprintf("S%d_%d", i, len(skip))) }
		switch x := sg.Value.(type) {
		case *ast.String:
			for range x.Value {
				skip = append(skip, &ast.BinSeg{Value: fresh(), Size: sg.Size, Types: sg.Types})
			}
			continue
		case *ast.Var:
			if x.Name != "_" {
				if _, ok := rename[x.Name]; !ok {
					rename[x.Name] = name(fmt.Sprintf("V%d", i))
				}
				skip = append(skip, &ast.BinSeg{Value: &ast.Var{NamePos: pos, Name: rename[x.Name]}, Size: renameVars(sg.Size, rename), Types: sg.Types})
				continue
			}
		}
		skip = append(skip, &ast.BinSeg{Value: fresh(), Size: renameVars(sg.Size, rename), Types: sg.Types})
	}
	skip = append(skip, tail)
	wild := &ast.Bin{Lbin: pos, Segs: []*ast.BinSeg{{Value: &ast.Var{NamePos: pos, Name: "_"}, Types: tail.Types}}}
	fun := &ast.Fun{FunPos: pos, Name: self, Clauses: []*ast.Clause{
		{ClausePos: pos, Params: []ast.Expr{match}, Body: []ast.Expr{&ast.BinaryOp{X: rest, OpPos: pos, Op: "++", Y: recur}}},
		{ClausePos: pos, Params: []ast.Expr{&ast.Bin{Lbin: pos, Segs: skip}}, Body: []ast.Expr{recur}},
		{ClausePos: pos, Params: []ast.Expr{wild}, Body: []ast.Expr{&ast.List{Lbrack: pos}}},
		{ClausePos: pos, Params: []ast.Expr{v("X")}, Body: []ast.Expr{&ast.Call{Module: atom("erlang"), Fun: atom("error"), Lparen: pos,
			Args: []ast.Expr{&ast.Tuple{Lbrace: pos, Elems: []ast.Expr{atom("bad_generator"), v("X")}}}}}},
	}}
	return &ast.Call{Fun: fun, Lparen: pos, Args: []ast.Expr{q.List}}
}

// renameVars copies a size expression with some variables renamed.
func renameVars(e ast.Expr, m map[string]string) ast.Expr {
	switch x := e.(type) {
	case *ast.Var:
		if r, ok := m[x.Name]; ok {
			return &ast.Var{NamePos: x.NamePos, Name: r}
		}
	case *ast.BinaryOp:
		return &ast.BinaryOp{X: renameVars(x.X, m), OpPos: x.OpPos, Op: x.Op, Y: renameVars(x.Y, m)}
	case *ast.UnaryOp:
		return &ast.UnaryOp{OpPos: x.OpPos, Op: x.Op, X: renameVars(x.X, m)}
	case *ast.Call:
		c := *x
		c.Args = make([]ast.Expr, len(x.Args))
		for i, a := range x.Args {
			c.Args[i] = renameVars(a, m)
		}
		return &c
	}
	return e
}

// desugarBinComp rewrites << Head || Quals >> into
// erlang:list_to_bitstring([<<Head/bitstring>> || Quals]).
func desugarBinComp(x *ast.BinComp, g *fnc) ast.Expr {
	pos := x.Lbin
	head := &ast.Bin{Lbin: pos, Segs: []*ast.BinSeg{{Value: x.Head, Types: []ast.BinType{{NamePos: pos, Name: "bitstring"}}}}}
	lc := desugarListComp(&ast.ListComp{Lbrack: pos, Head: head, Quals: x.Quals}, g)
	return &ast.Call{Module: &ast.Atom{NamePos: pos, Name: "erlang"}, Fun: &ast.Atom{NamePos: pos, Name: "list_to_bitstring"}, Lparen: pos, Args: []ast.Expr{lc}}
}
