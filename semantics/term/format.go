package term

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file formats terms as Erlang/OTP 25 does: io_lib:write (~w) and
// io_lib_pretty:print (~p), ported from OTP's stdlib (io_lib.erl,
// io_lib_format.erl, io_lib_pretty.erl; Apache License 2.0) without
// records, depth limits and character limits, which mcgo models do not use.
// Characters are runes; characters below 256 are written as single bytes
// (latin1), as an erl node with a latin1 standard output does.

// termWriter writes terms as seen from one node (pids of other nodes print
// as <K.Lid.0>).
type termWriter struct {
	n      Namer
	viewer NodeID
}

// Namer supplies what a term does not hold itself: the names of its nodes,
// how its pids and references print, and the code behind local funs. The
// system of a model implements it.
type Namer interface {
	// NodeName is the name of node n ("n1@host").
	NodeName(n NodeID) string
	// OneNode is true under single-node semantics: every pid and
	// reference prints as local.
	OneNode() bool
	// Legacy is true for the 2007 runtime: the external term format has
	// two-bit creations.
	Legacy() bool
	// FunCode names the module and the arity (captured values excluded)
	// of local fun code fn.
	FunCode(fn int32) (module Atom, arity int)
}

// PidText is erlang:pid_to_list's text as seen from node viewer:
// <0.Lid.0> for a local pid, <K.Lid.0> for a pid of node index K-1.
func PidText(n Namer, p Pid, viewer NodeID) string {
	k := 0
	if p.Node != viewer && !n.OneNode() {
		k = int(p.Node) + 1
	}
	return "<" + strconv.Itoa(k) + "." + strconv.FormatUint(uint64(p.Lid), 10) + ".0>"
}

// Write is io_lib:write/1: the term on one line, strings as lists, as
// printed on node viewer.
func Write(n Namer, t Term, viewer NodeID) string {
	w := termWriter{n, viewer}
	var b strings.Builder
	w.write(&b, t)
	return b.String()
}

// Print is io_lib_pretty:print/1 at column 1, line length 80: what ~p
// prints at the start of a line.
func Print(n Namer, t Term, viewer NodeID) string {
	w := termWriter{n, viewer}
	return w.print(t, 1, 80)
}

func (w termWriter) write(b *strings.Builder, t Term) {
	switch x := t.(type) {
	case Int:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case Float:
		b.WriteString(FloatShort(float64(x)))
	case Atom:
		b.WriteString(writeAtom(x.Name()))
	case Pid:
		b.WriteString(PidText(w.n, x, w.viewer))
	case Ref:
		b.WriteString(w.refText(x))
	case Binary, BitString:
		b.WriteString("<<")
		for i, s := range binElems(x) {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(s)
		}
		b.WriteString(">>")
	case Nil:
		b.WriteString("[]")
	case Tuple:
		b.WriteByte('{')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			w.write(b, e)
		}
		b.WriteByte('}')
	case *Map:
		b.WriteString("#{")
		for i := range x.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			w.write(b, x.Keys[i])
			b.WriteString(" => ")
			w.write(b, x.Vals[i])
		}
		b.WriteByte('}')
	case *Cons:
		b.WriteByte('[')
		w.write(b, x.Head)
		t := x.Tail
		for {
			switch c := t.(type) {
			case Nil:
				b.WriteByte(']')
				return
			case *Cons:
				b.WriteByte(',')
				w.write(b, c.Head)
				t = c.Tail
				continue
			default:
				b.WriteByte('|')
				w.write(b, c)
				b.WriteByte(']')
				return
			}
		}
	case *Fun:
		b.WriteString(w.funText(x))
	default:
		b.WriteString("?")
	}
}

func (w termWriter) refText(r Ref) string {
	k := 0
	if r.Node != w.viewer && !w.n.OneNode() {
		k = int(r.Node) + 1
	}
	return "#Ref<" + strconv.Itoa(k) + ".0.0." + strconv.FormatUint(uint64(r.N), 10) + ">"
}

func (w termWriter) funText(f *Fun) string {
	if f.Fn < 0 {
		return "fun " + writeAtom(f.M.Name()) + ":" + writeAtom(f.F.Name()) + "/" + strconv.Itoa(f.Arity)
	}
	mod, _ := w.n.FunCode(f.Fn)
	return "#Fun<" + mod.Name() + "." + strconv.Itoa(int(f.Fn)) + ".0>"
}

// reservedWords are the words erl_scan reserves; such atoms are quoted.
var reservedWords = map[string]bool{
	"after": true, "begin": true, "case": true, "try": true, "cond": true, "catch": true,
	"andalso": true, "orelse": true, "end": true, "fun": true, "if": true, "let": true, "of": true,
	"receive": true, "when": true, "bnot": true, "not": true, "div": true, "rem": true, "band": true,
	"and": true, "bor": true, "bxor": true, "bsl": true, "bsr": true, "or": true, "xor": true,
}

func AtomNeedsQuotes(s string) bool {
	if reservedWords[s] {
		return true
	}
	rs := []rune(s)
	if len(rs) == 0 {
		return true
	}
	c := rs[0]
	if !(c >= 'a' && c <= 'z' || c >= 0xDF && c <= 0xFF && c != 0xF7) {
		return true
	}
	for _, c := range rs[1:] {
		switch {
		case c >= 'a' && c <= 'z', c >= 0xDF && c <= 0xFF && c != 0xF7,
			c >= 'A' && c <= 'Z', c >= 0xC0 && c <= 0xDE && c != 0xD7,
			c >= '0' && c <= '9', c == '_', c == '@':
		default:
			return true
		}
	}
	return false
}

// writeAtom is io_lib:write_atom_as_latin1/1.
func writeAtom(s string) string {
	if AtomNeedsQuotes(s) {
		return WriteString([]rune(s), '\'', true)
	}
	return latin1(s)
}

func EscapeAtom(s string) string {
	q := WriteString([]rune(s), '\'', true)
	return q[1 : len(q)-1]
}

// latin1 returns s with characters below 256 as single bytes.
func latin1(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		writeRune(&b, r)
	}
	return b.String()
}

func writeRune(b *strings.Builder, r rune) {
	if r < 256 {
		b.WriteByte(byte(r))
	} else {
		b.WriteRune(r)
	}
}

// writeString is io_lib:write_string1 for latin1 (asLatin1: characters
// above 255 as \x{...}).
func WriteString(rs []rune, q rune, asLatin1 bool) string {
	var b strings.Builder
	writeRune(&b, q)
	for _, c := range rs {
		switch {
		case c == q:
			b.WriteByte('\\')
			writeRune(&b, q)
		case c == '\\':
			b.WriteString(`\\`)
		case c >= ' ' && c <= '~':
			b.WriteByte(byte(c))
		case c >= 0xA0 && c <= 0xFF:
			b.WriteByte(byte(c))
		case c > 0xFF && asLatin1:
			b.WriteString(`\x{` + strings.ToUpper(strconv.FormatInt(int64(c), 16)) + `}`)
		case c > 0xFF:
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
			b.WriteByte('\\')
			b.WriteByte(byte('0' + (c >> 6)))
			b.WriteByte(byte('0' + ((c >> 3) & 7)))
			b.WriteByte(byte('0' + (c & 7)))
		}
	}
	writeRune(&b, q)
	return b.String()
}

// printableLatin1 is io_lib:printable_latin1_list/1.
func PrintableLatin1(t Term) ([]rune, bool) {
	var rs []rune
	for {
		switch c := t.(type) {
		case Nil:
			return rs, true
		case *Cons:
			i, ok := c.Head.(Int)
			if !ok {
				return nil, false
			}
			switch {
			case i >= 32 && i <= 126, i >= 0xA0 && i <= 0xFF,
				i == '\n', i == '\r', i == '\t', i == '\v', i == '\b', i == '\f', i == 27:
				rs = append(rs, rune(i))
			default:
				return nil, false
			}
			t = c.Tail
		default:
			return nil, false
		}
	}
}

// binElems are the elements of a bitstring as ~w writes them: its bytes,
// then its last partial byte as Value:Bits.
func binElems(t Term) []string {
	data, n, _ := BitsOf(t)
	out := make([]string, 0, len(data))
	for i := 0; i < n/8; i++ {
		out = append(out, strconv.Itoa(int(data[i])))
	}
	if r := n % 8; r != 0 {
		out = append(out, strconv.Itoa(int(data[n/8]>>uint(8-r)))+":"+strconv.Itoa(r))
	}
	return out
}

func printableBytes(b Binary) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= 32 && c <= 126, c >= 0xA0,
			c == '\n', c == '\r', c == '\t', c == '\v', c == '\b', c == '\f', c == 27:
		default:
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------------
// io_lib_pretty

type ppKind uint8

const (
	ppLeaf ppKind = iota
	ppList
	ppTuple
	ppTagTuple
	ppBin
	ppMap  // elems are its pairs
	ppPair // a map's K => V: elems are K and V
)

// ppNode is io_lib_pretty's intermediate format: a leaf string, or a list,
// tuple or binary with its elements, and the length of its one-line form.
type ppNode struct {
	kind  ppKind
	s     string
	elems []*ppNode
	tail  *ppNode // improper list tail
	bin   []string
	n     int // length in characters of the one-line form
}

func (p *ppNode) atomic() bool { return p.kind == ppLeaf }

func leaf(s string) *ppNode { return &ppNode{kind: ppLeaf, s: s, n: utf8.RuneCountInString(s)} }

func (w termWriter) printLength(t Term) *ppNode {
	switch x := t.(type) {
	case Nil:
		return leaf("[]")
	case Tuple:
		if len(x) == 0 {
			return leaf("{}")
		}
		p := &ppNode{kind: ppTuple}
		if _, ok := x[0].(Atom); ok && len(x) > 1 {
			p.kind = ppTagTuple
		}
		n := 2
		for i, e := range x {
			c := w.printLength(e)
			p.elems = append(p.elems, c)
			n += c.n
			if i > 0 {
				n++
			}
		}
		p.n = n
		return p
	case *Map:
		if len(x.Keys) == 0 {
			return leaf("#{}")
		}
		p := &ppNode{kind: ppMap}
		n := 3
		for i := range x.Keys {
			k, v := w.printLength(x.Keys[i]), w.printLength(x.Vals[i])
			pair := &ppNode{kind: ppPair, elems: []*ppNode{k, v}, n: k.n + 4 + v.n}
			p.elems = append(p.elems, pair)
			n += pair.n
			if i > 0 {
				n++
			}
		}
		p.n = n
		return p
	case *Cons:
		if rs, ok := PrintableLatin1(x); ok {
			return leaf(WriteString(rs, '"', true))
		}
		p := &ppNode{kind: ppList}
		n := 2
		var t Term = x
		for {
			c, ok := t.(*Cons)
			if !ok {
				break
			}
			e := w.printLength(c.Head)
			if len(p.elems) > 0 {
				n++
			}
			p.elems = append(p.elems, e)
			n += e.n
			t = c.Tail
		}
		if _, ok := t.(Nil); !ok {
			p.tail = w.printLength(t)
			n += 1 + p.tail.n
		}
		p.n = n
		return p
	case Binary:
		if len(x) == 0 {
			return leaf("<<>>")
		}
		if printableBytes(x) {
			rs := make([]rune, len(x))
			for i := 0; i < len(x); i++ {
				rs[i] = rune(x[i])
			}
			return leaf("<<" + WriteString(rs, '"', false) + ">>")
		}
		return binNode(x)
	case BitString:
		return binNode(x)
	}
	var b strings.Builder
	w.write(&b, t)
	return leaf(b.String())
}

// binNode is a bitstring printed as its elements.
func binNode(t Term) *ppNode {
	p := &ppNode{kind: ppBin, bin: binElems(t)}
	n := 4
	for i, s := range p.bin {
		n += len(s)
		if i > 0 {
			n++
		}
	}
	p.n = n
	return p
}

// print is io_lib_pretty:print(Term, Col, Ll, -1, -1, -1).
func (w termWriter) print(t Term, col, ll int) string {
	if col <= 0 {
		col = 1
	}
	switch t.(type) {
	case Tuple, *Cons, Nil, Binary, BitString, *Map:
	default:
		var b strings.Builder
		w.write(&b, t)
		return b.String()
	}
	ifm := w.printLength(t)
	m := ifm.n
	var b strings.Builder
	if ll == 0 || ifm.n < ll-col && ifm.n <= m {
		ppWrite(&b, ifm)
		return b.String()
	}
	tind := 1
	for _, i := range []int{-1, 4} {
		if cindOK(ifm, col, ll, m, i) {
			tind = i
			break
		}
	}
	pr := &pretty{b: &b}
	pr.pp(ifm, col, ll, m, tind, strings.Repeat(" ", col-1), 0, 0)
	return b.String()
}

func ppWrite(b *strings.Builder, p *ppNode) {
	switch p.kind {
	case ppLeaf:
		b.WriteString(p.s)
	case ppTuple, ppTagTuple:
		b.WriteByte('{')
		for i, e := range p.elems {
			if i > 0 {
				b.WriteByte(',')
			}
			ppWrite(b, e)
		}
		b.WriteByte('}')
	case ppList:
		b.WriteByte('[')
		for i, e := range p.elems {
			if i > 0 {
				b.WriteByte(',')
			}
			ppWrite(b, e)
		}
		if p.tail != nil {
			b.WriteByte('|')
			ppWrite(b, p.tail)
		}
		b.WriteByte(']')
	case ppBin:
		b.WriteString("<<")
		b.WriteString(strings.Join(p.bin, ","))
		b.WriteString(">>")
	case ppMap:
		b.WriteString("#{")
		for i, e := range p.elems {
			if i > 0 {
				b.WriteByte(',')
			}
			ppWrite(b, e)
		}
		b.WriteByte('}')
	case ppPair:
		ppWrite(b, p.elems[0])
		b.WriteString(" => ")
		ppWrite(b, p.elems[1])
	}
}

type pretty struct {
	b *strings.Builder
}

func lastDepth(more bool, ld int) int {
	if more {
		return 0
	}
	return ld + 1
}

func (pr *pretty) pp(p *ppNode, col, ll, m, tind int, ind string, ld, w int) {
	if p.n < ll-col-ld && p.n+w+ld <= m {
		ppWrite(pr.b, p)
		return
	}
	switch p.kind {
	case ppList:
		pr.b.WriteByte('[')
		pr.ppList(p.elems, p.tail, col+1, ll, m, tind, " "+ind, ld, '|', w+1)
		pr.b.WriteByte(']')
	case ppTagTuple:
		pr.b.WriteByte('{')
		pr.ppTagTuple(p.elems, col, ll, m, tind, ind, ld, w+1)
		pr.b.WriteByte('}')
	case ppTuple:
		pr.b.WriteByte('{')
		pr.ppList(p.elems, nil, col+1, ll, m, tind, " "+ind, ld, ',', w+1)
		pr.b.WriteByte('}')
	case ppBin:
		pr.ppBinary(p, col+2, ll, m, "  "+ind, ld, w)
	case ppMap:
		pr.b.WriteString("#{")
		pr.ppMap(p.elems, col+2, ll, m, tind, "  "+ind, ld, w+1)
		pr.b.WriteByte('}')
	default:
		pr.b.WriteString(p.s)
	}
}

func (pr *pretty) ppTagTuple(elems []*ppNode, col, ll, m, tind int, ind string, ld, w int) {
	tag := elems[0]
	tagInd := tag.n + 2
	tcol := col + tagInd
	if tind > 0 && tagInd > tind {
		col1 := col + tind
		indent := strings.Repeat(" ", tind) + ind
		ppWrite(pr.b, tag)
		pr.ppTail(elems[1:], nil, col1, tcol, ll, m, tind, indent, ld, ',', w+tag.n)
		return
	}
	indent := strings.Repeat(" ", tagInd) + ind
	ppWrite(pr.b, tag)
	pr.b.WriteByte(',')
	pr.ppList(elems[1:], nil, tcol, ll, m, tind, indent, ld, ',', w+tag.n+1)
}

// ppList prints elements E1,...,En (then |Tail for an improper list).
func (pr *pretty) ppList(elems []*ppNode, tail *ppNode, col0, ll, m, tind int, ind string, ld int, sep byte, w int) {
	more := len(elems) > 1 || tail != nil
	we := pr.ppElement(elems[0], col0, ll, m, tind, ind, lastDepth(more, ld), w)
	pr.ppTail(elems[1:], tail, col0, col0+we, ll, m, tind, ind, ld, sep, w+we)
}

func (pr *pretty) ppTail(elems []*ppNode, tail *ppNode, col0, col, ll, m, tind int, ind string, ld int, sep byte, w int) {
	for i, e := range elems {
		more := i < len(elems)-1 || tail != nil
		ld1 := lastDepth(more, ld)
		elen := 1 + e.n
		if ld1 == 0 && elen+1 < ll-col && w+elen+1 <= m && e.atomic() ||
			ld1 > 0 && elen < ll-col-ld1 && w+elen+ld1 <= m && e.atomic() {
			pr.b.WriteByte(',')
			ppWrite(pr.b, e)
			col += elen
			w += elen
			continue
		}
		pr.b.WriteString(",\n")
		pr.b.WriteString(ind)
		we := pr.ppElement(e, col0, ll, m, tind, ind, ld1, 0)
		col = col0 + we
		w = we
	}
	if tail == nil {
		return
	}
	if tail.n+1 < ll-col-(ld+1) && tail.n+1+w+(ld+1) <= m && tail.atomic() {
		pr.b.WriteByte(sep)
		ppWrite(pr.b, tail)
		return
	}
	pr.b.WriteByte(sep)
	pr.b.WriteByte('\n')
	pr.b.WriteString(ind)
	pr.pp(tail, col0, ll, m, tind, ind, ld+1, 0)
}

func (pr *pretty) ppElement(e *ppNode, col, ll, m, tind int, ind string, ld, w int) int {
	if e.n < ll-col-ld && e.n+w+ld <= m && e.atomic() {
		ppWrite(pr.b, e)
		return e.n
	}
	pr.pp(e, col, ll, m, tind, ind, ld, w)
	return ll // force a new line
}

// atomicPair is io_lib_pretty's ?ATM_PAIR: a pair whose key and value
// are both leaves.
func atomicPair(p *ppNode) bool { return p.elems[0].atomic() && p.elems[1].atomic() }

// mapValueIndent is how far a map value that does not fit after its key
// is indented on the next line.
func mapValueIndent(tind int) int {
	if tind > 0 {
		return tind
	}
	return 4
}

// ppMap prints the pairs of a map (pp_map).
func (pr *pretty) ppMap(pairs []*ppNode, col, ll, m, tind int, ind string, ld, w int) {
	pw := pr.ppPair(pairs[0], col, ll, m, tind, ind, lastDepth(len(pairs) > 1, ld), w)
	pr.ppPairsTail(pairs[1:], col, col+pw, ll, m, tind, ind, ld, pw)
}

func (pr *pretty) ppPairsTail(pairs []*ppNode, col0, col, ll, m, tind int, ind string, ld, w int) {
	for i, p := range pairs {
		ld1 := lastDepth(i < len(pairs)-1, ld)
		elen := 1 + p.n
		if ld1 == 0 && elen+1 < ll-col && w+elen+1 <= m && atomicPair(p) ||
			ld1 > 0 && elen < ll-col-ld1 && w+elen+ld1 <= m && atomicPair(p) {
			pr.b.WriteByte(',')
			ppWrite(pr.b, p)
			col += elen
			w += elen
			continue
		}
		pr.b.WriteString(",\n")
		pr.b.WriteString(ind)
		pw := pr.ppPair(p, col0, ll, m, tind, ind, ld1, 0)
		col = col0 + pw
		w = pw
	}
}

// ppPair prints K => V and returns its width (ll to force a new line).
func (pr *pretty) ppPair(p *ppNode, col, ll, m, tind int, ind string, ld, w int) int {
	if p.n < ll-col-ld && p.n+w+ld <= m {
		ppWrite(pr.b, p)
		if atomicPair(p) {
			return p.n
		}
		return ll
	}
	i := mapValueIndent(tind)
	vind := strings.Repeat(" ", i) + ind
	pr.pp(p.elems[0], col, ll, m, tind, ind, ld, w)
	pr.b.WriteString(" =>\n")
	pr.b.WriteString(vind)
	pr.pp(p.elems[1], col+i, ll, m, tind, vind, ld, 0)
	return ll
}

func (pr *pretty) ppBinary(p *ppNode, col, ll, m int, ind string, ld, w int) {
	n := ll - col
	if x := m - 4 - w; x < n {
		n = x
	}
	n -= ld
	if n < 8 {
		n = 8
	}
	pr.b.WriteString("<<")
	n0 := n
	bs := p.bin
	for i, s := range bs {
		if i < len(bs)-1 {
			l := len(s) + 1
			if n-l < 0 {
				pr.b.WriteByte('\n')
				pr.b.WriteString(ind)
				pr.b.WriteString(s)
				pr.b.WriteByte(',')
				n = n0 - l
			} else {
				pr.b.WriteString(s)
				pr.b.WriteByte(',')
				n -= l
			}
			continue
		}
		if len(s) > n {
			pr.b.WriteByte('\n')
			pr.b.WriteString(ind)
		}
		pr.b.WriteString(s)
	}
	pr.b.WriteString(">>")
}

// cindOK runs io_lib_pretty's cind: false when the indentation ind would
// make the term exceed half the line ("no_good").
func cindOK(p *ppNode, col, ll, m, ind int) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if r != errNoGood {
				panic(r)
			}
			ok = false
		}
	}()
	cind(p, col, ll, m, ind, 0, 0)
	return true
}

type noGood struct{}

var errNoGood = noGood{}

func cind(p *ppNode, col, ll, m, ind, ld, w int) {
	if p.n < ll-col-ld && p.n+w+ld <= m {
		return
	}
	switch p.kind {
	case ppList:
		cindList(p.elems, p.tail, col+1, ll, m, ind, ld, w+1)
	case ppTagTuple:
		cindTagTuple(p.elems, col, ll, m, ind, ld, w+1)
	case ppTuple:
		cindList(p.elems, nil, col+1, ll, m, ind, ld, w+1)
	case ppMap:
		cindMap(p.elems, col+2, ll, m, ind, ld, w+2)
	}
}

func cindMap(pairs []*ppNode, col, ll, m, ind, ld, w int) {
	pw := cindPair(pairs[0], col, ll, m, ind, lastDepth(len(pairs) > 1, ld), w)
	col0 := col
	col += pw
	w += pw
	for i, p := range pairs[1:] {
		ld1 := lastDepth(i < len(pairs)-2, ld)
		elen := 1 + p.n
		if ld1 == 0 && elen+1 < ll-col && w+elen+1 <= m && atomicPair(p) ||
			ld1 > 0 && elen < ll-col-ld1 && w+elen+ld1 <= m && atomicPair(p) {
			col += elen
			w += elen
			continue
		}
		pw := cindPair(p, col0, ll, m, ind, ld1, 0)
		col = col0 + pw
		w = pw
	}
}

func cindPair(p *ppNode, col, ll, m, ind, ld, w int) int {
	if p.n < ll-col-ld && p.n+w+ld <= m {
		if atomicPair(p) {
			return p.n
		}
		return ll
	}
	cind(p.elems[0], col, ll, m, ind, ld, w)
	cind(p.elems[1], col+mapValueIndent(ind), ll, m, ind, ld, 0)
	return ll
}

func cindTagTuple(elems []*ppNode, col, ll, m, ind, ld, w int) {
	tlen := elems[0].n
	tagInd := tlen + 2
	tcol := col + tagInd
	if ind > 0 && tagInd > ind {
		col1 := col + ind
		if m+col1 <= ll || col1 <= ll/2 {
			cindTail(elems[1:], nil, col1, tcol, ll, m, ind, ld, w+tlen)
			return
		}
		panic(errNoGood)
	}
	if m+tcol < ll || tcol < ll/2 {
		cindList(elems[1:], nil, tcol, ll, m, ind, ld, w+tlen+1)
		return
	}
	panic(errNoGood)
}

func cindList(elems []*ppNode, tail *ppNode, col0, ll, m, ind, ld, w int) {
	more := len(elems) > 1 || tail != nil
	we := cindElement(elems[0], col0, ll, m, ind, lastDepth(more, ld), w)
	cindTail(elems[1:], tail, col0, col0+we, ll, m, ind, ld, w+we)
}

func cindTail(elems []*ppNode, tail *ppNode, col0, col, ll, m, ind, ld, w int) {
	for i, e := range elems {
		more := i < len(elems)-1 || tail != nil
		ld1 := lastDepth(more, ld)
		elen := 1 + e.n
		if ld1 == 0 && elen+1 < ll-col && w+elen+1 <= m && e.atomic() ||
			ld1 > 0 && elen < ll-col-ld1 && w+elen+ld1 <= m && e.atomic() {
			col += elen
			w += elen
			continue
		}
		we := cindElement(e, col0, ll, m, ind, ld1, 0)
		col = col0 + we
		w = we
	}
	if tail == nil {
		return
	}
	if tail.n+1 < ll-col-(ld+1) && tail.n+1+w+(ld+1) <= m && tail.atomic() {
		return
	}
	cind(tail, col, ll, m, ind, ld+1, 0)
}

func cindElement(e *ppNode, col, ll, m, ind, ld, w int) int {
	if e.n < ll-col-ld && e.n+w+ld <= m && e.atomic() {
		return e.n
	}
	cind(e, col, ll, m, ind, ld, w)
	return ll
}

// ---------------------------------------------------------------------------
// io:format

// Format is io_lib:format(Format, Args) as printed by io:format on node
// viewer. It reports false where Erlang raises badarg.
func Format(n Namer, f, args Term, viewer NodeID) (string, bool) {
	var fr []rune
	switch x := f.(type) {
	case Atom:
		fr = []rune(x.Name())
	case Binary:
		for i := 0; i < len(x); i++ {
			fr = append(fr, rune(x[i]))
		}
	default:
		var b strings.Builder
		if !charData(x, &b) {
			return "", false
		}
		fr = []rune(b.String())
	}
	as, ok := ListToSlice(args)
	if !ok {
		return "", false
	}
	w := termWriter{n, viewer}
	var out strings.Builder
	col := 0 // indentation: characters since the last newline
	emit := func(str string) {
		out.WriteString(str)
		for _, r := range str {
			switch r {
			case '\n':
				col = 0
			case '\t':
				col = (col + 8) / 8 * 8
			default:
				col++
			}
		}
	}
	next := func() (Term, bool) {
		if len(as) == 0 {
			return nil, false
		}
		a := as[0]
		as = as[1:]
		return a, true
	}
	for i := 0; i < len(fr); i++ {
		c := fr[i]
		if c != '~' {
			emit(latin1(string(c)))
			continue
		}
		i++
		// Field width, precision, pad character, modifiers.
		width, prec := -1, -1
		left := false
		pad := ' '
		unicode := false
		if i < len(fr) && fr[i] == '-' {
			left = true
			i++
		}
		// readNum reads a number or '*'; has is false when there is none.
		readNum := func() (n int, has, ok bool) {
			if i < len(fr) && fr[i] == '*' {
				i++
				a, ok := next()
				v, isInt := a.(Int)
				if !ok || !isInt {
					return 0, false, false
				}
				return int(v), true, true
			}
			start := i
			for i < len(fr) && fr[i] >= '0' && fr[i] <= '9' {
				n = n*10 + int(fr[i]-'0')
				i++
			}
			return n, i > start, true
		}
		n, has, ok := readNum()
		if !ok {
			return "", false
		}
		if has {
			if left {
				n = -n
			}
			left = n < 0
			if n < 0 {
				n = -n
			}
			width = n
		} else if left {
			return "", false
		}
		if i < len(fr) && fr[i] == '.' {
			i++
			n, has, ok := readNum()
			if !ok {
				return "", false
			}
			if has {
				prec = n
			}
			if i < len(fr) && fr[i] == '.' {
				i++
				if i < len(fr) && fr[i] == '*' {
					i++
					a, ok := next()
					pc, isInt := a.(Int)
					if !ok || !isInt {
						return "", false
					}
					pad = rune(pc)
				} else if i < len(fr) {
					pad = fr[i]
					i++
				}
			}
		}
		for i < len(fr) && (fr[i] == 't' || fr[i] == 'l') {
			if fr[i] == 't' {
				unicode = true
			}
			i++
		}
		if i >= len(fr) {
			return "", false
		}
		switch fr[i] {
		case '~':
			emit(charField('~', width, prec, pad, left))
		case 'n':
			if width > 0 {
				emit(strings.Repeat("\n", width))
			} else {
				emit("\n")
			}
		case 'c':
			a, ok := next()
			ch, isInt := a.(Int)
			if !ok || !isInt {
				return "", false
			}
			if !unicode {
				ch &= 255
			}
			emit(charField(rune(ch), width, prec, pad, left))
		case 'i':
			if _, ok := next(); !ok {
				return "", false
			}
		case 'w':
			a, ok := next()
			if !ok {
				return "", false
			}
			var b strings.Builder
			w.write(&b, a)
			emit(termField(b.String(), width, prec, pad, left))
		case 'p':
			a, ok := next()
			if !ok || left {
				return "", false
			}
			ll := 80
			if width >= 0 {
				ll = width
			}
			c0 := col + 1
			if prec >= 0 {
				c0 = prec
			}
			emit(w.print(a, c0, ll))
		case 's':
			a, ok := next()
			if !ok {
				return "", false
			}
			var b strings.Builder
			if at, isAtom := a.(Atom); isAtom {
				b.WriteString(at.Name())
			} else if unicode {
				if !unicodeData(a, &b, new(bool)) {
					return "", false
				}
			} else if !charData(a, &b) {
				return "", false
			}
			str := b.String()
			if !unicode {
				for _, r := range str {
					if r > 255 {
						return "", false
					}
				}
			}
			emit(stringField([]rune(str), width, prec, pad, left))
		case 'b', 'B', 'x', 'X', '+', '#':
			a, ok := next()
			v, isInt := a.(Int)
			if !ok || !isInt {
				return "", false
			}
			base := 10
			if prec >= 0 {
				base = prec
			}
			if base < 2 || base > 36 {
				return "", false
			}
			lower := fr[i] == 'b' || fr[i] == 'x' || fr[i] == '+'
			prefix := ""
			switch fr[i] {
			case 'x', 'X':
				pa, ok := next()
				if !ok {
					return "", false
				}
				if at, isAtom := pa.(Atom); isAtom {
					prefix = at.Name()
				} else {
					var pb strings.Builder
					if !charData(pa, &pb) {
						return "", false
					}
					prefix = pb.String()
				}
			case '+', '#':
				prefix = strconv.Itoa(base) + "#"
			}
			neg := v < 0
			var digits string
			if neg {
				digits = strconv.FormatUint(uint64(-int64(v)), base)
			} else {
				digits = strconv.FormatInt(int64(v), base)
			}
			if !lower {
				digits = strings.ToUpper(digits)
			}
			str := prefix + digits
			if neg {
				str = "-" + str
			}
			emit(termField(str, width, -1, pad, left))
		case 'e', 'f', 'g':
			a, ok := next()
			v, isFloat := a.(Float)
			if !ok || !isFloat {
				return "", false
			}
			fw := fwriteE
			switch fr[i] {
			case 'f':
				fw = fwriteF
			case 'g':
				fw = fwriteG
			}
			str, ok := fw(float64(v), width, prec, pad, left)
			if !ok {
				return "", false
			}
			emit(str)
		default:
			return "", false
		}
	}
	if len(as) != 0 {
		return "", false
	}
	return out.String(), true
}

// unicodeData is charData for ~ts: binaries are UTF-8. As
// unicode:characters_to_list/1 and io_lib_format do, the characters from
// the first invalid sequence on are taken as latin1 bytes (bad is set
// from there).
func unicodeData(t Term, b *strings.Builder, bad *bool) bool { return chars(t, b, bad) }

// charData appends the characters of a (possibly deep) list of characters
// and binaries.
func charData(t Term, b *strings.Builder) bool { return chars(t, b, nil) }

// chars is charData, and with bad non-nil unicodeData.
func chars(t Term, b *strings.Builder, bad *bool) bool {
	for {
		switch c := t.(type) {
		case Nil:
			return true
		case Binary:
			s := string(c)
			for bad != nil && len(s) > 0 && !*bad {
				r, n := utf8.DecodeRuneInString(s)
				if r == utf8.RuneError && n <= 1 {
					*bad = true
					break
				}
				b.WriteRune(r)
				s = s[n:]
			}
			for i := 0; i < len(s); i++ {
				b.WriteRune(rune(s[i]))
			}
			return true
		case *Cons:
			switch h := c.Head.(type) {
			case Int:
				if h < 0 || h > 0x10FFFF {
					return false
				}
				b.WriteRune(rune(h))
			default:
				if !chars(h, b, bad) {
					return false
				}
			}
			t = c.Tail
		default:
			return false
		}
	}
}

// termField is io_lib_format:term/5.
func termField(t string, f, p int, pad rune, left bool) string {
	if f < 0 && p < 0 {
		return t
	}
	if f < 0 {
		f = p
	}
	l := utf8.RuneCountInString(t)
	pp := l
	lim := f
	if p >= 0 && p < lim {
		lim = p
	}
	if lim < pp {
		pp = lim
	}
	if l > pp {
		return adjust(strings.Repeat("*", pp), strings.Repeat(string(pad), f-pp), left)
	}
	return adjust(t, strings.Repeat(string(pad), f-l), left)
}

func adjust(data, pad string, left bool) string {
	if left {
		return data + pad
	}
	return pad + data
}

// stringField is io_lib_format:string/6.
func stringField(s []rune, f, p int, pad rune, left bool) string {
	n := len(s)
	str := latin1(string(s))
	field := func(width int, l bool) string {
		if n > width {
			return latin1(string(s[:width]))
		}
		if n < width {
			return adjust(str, strings.Repeat(string(pad), width-n), l)
		}
		return str
	}
	switch {
	case f < 0 && p < 0:
		return str
	case p < 0:
		return field(f, left)
	case f < 0:
		return field(p, true)
	case f > p:
		var body string
		switch {
		case n > p:
			body = latin1(string(s[:p]))
		case n < p:
			body = str + strings.Repeat(string(pad), p-n)
		default:
			body = str
		}
		return adjust(body, strings.Repeat(string(pad), f-p), left)
	case f == p:
		return field(f, left)
	}
	return "" // f < p: Erlang fails (badarg) here; treat as empty
}

// charField is io_lib_format:char/5.
func charField(c rune, f, p int, pad rune, left bool) string {
	ch := latin1(string(c))
	switch {
	case f < 0 && p < 0:
		return ch
	case p < 0:
		return strings.Repeat(ch, f)
	case f < 0:
		return strings.Repeat(ch, p)
	}
	return adjust(strings.Repeat(ch, p), strings.Repeat(string(pad), f-p), left)
}
