package vm

import (
	"strings"
	"unicode/utf8"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// The built-ins on binaries and bitstrings: erlang's and the binary
// module's simple pure functions. Errors are OTP 25's: badarg.

func init() {
	impl("erlang", "bit_size", 1, bitSize)
	impl("erlang", "binary_to_list", 3, binaryToList3)
	impl("erlang", "bitstring_to_list", 1, bitstringToList)
	impl("erlang", "list_to_bitstring", 1, listToBitstring)
	impl("erlang", "iolist_size", 1, iolistSize)
	impl("erlang", "binary_part", 2, binaryPart2)
	impl("erlang", "binary_part", 3, binaryPart3)
	impl("erlang", "split_binary", 2, splitBinary)
	impl("erlang", "atom_to_binary", 2, atomToBinary2)
	impl("erlang", "binary_to_atom", 1, binaryToAtom1)
	impl("erlang", "binary_to_atom", 2, binaryToAtom2)
	impl("erlang", "binary_to_integer", 1, binaryToInteger1)
	impl("erlang", "binary_to_integer", 2, binaryToInteger2)
	impl("erlang", "integer_to_binary", 1, integerToBinary1)
	impl("erlang", "integer_to_binary", 2, integerToBinary2)

	impl("binary", "part", 2, binaryPart2)
	impl("binary", "part", 3, binaryPart3)
	impl("binary", "at", 2, binAt)
	impl("binary", "first", 1, binFirst)
	impl("binary", "last", 1, binLast)
	impl("binary", "copy", 1, binCopy1)
	impl("binary", "copy", 2, binCopy2)
	impl("binary", "split", 2, binSplit2)
	impl("binary", "split", 3, binSplit3)
	impl("binary", "match", 2, binMatch)
	impl("binary", "matches", 2, binMatches)
	impl("binary", "replace", 3, binReplace3)
	impl("binary", "replace", 4, binReplace4)
	impl("binary", "bin_to_list", 1, binaryToList)
	impl("binary", "list_to_bin", 1, listToBinary)
	impl("binary", "decode_unsigned", 1, decodeUnsigned)
	impl("binary", "encode_unsigned", 1, encodeUnsigned)
}

func bitSize(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	_, n, ok := term.BitsOf(a[0])
	if !ok {
		return nil, term.ExcBadarg
	}
	return term.Int(n), nil
}

// binaryToList3 is binary_to_list(Bin, Start, Stop), 1-based and
// inclusive.
func binaryToList3(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b, start, stop := x.binary(0), x.int(1), x.int(2)
	if x.bad || start < 1 || stop < start || int(stop) > len(b) {
		return nil, term.ExcBadarg
	}
	return bytesList(string(b[start-1:stop]), term.NilTerm), nil
}

// bytesList is the list of the bytes of s, then tail.
func bytesList(s string, tail term.Term) term.Term {
	l := tail
	for i := len(s) - 1; i >= 0; i-- {
		l = &term.Cons{Head: term.Int(s[i]), Tail: l}
	}
	return l
}

func bitstringToList(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	data, n, ok := term.BitsOf(a[0])
	if !ok {
		return nil, term.ExcBadarg
	}
	if n%8 == 0 {
		return bytesList(data, term.NilTerm), nil
	}
	last := term.SubBits(data, n/8*8, n%8)
	return bytesList(data[:n/8], term.MkList(last)), nil
}

// bitsIolist appends an iolist whose binaries may be bitstrings (the
// argument of list_to_bitstring) to w.
func bitsIolist(t term.Term, w *term.BitBuf) bool {
	for {
		switch c := t.(type) {
		case term.Nil:
			return true
		case term.Binary, term.BitString:
			data, n, _ := term.BitsOf(c)
			w.AppendBits(data, n)
			return true
		case *term.Cons:
			switch h := c.Head.(type) {
			case term.Int:
				if h < 0 || h > 255 {
					return false
				}
				w.AppendInt(int64(h), 8, false)
			default:
				if !bitsIolist(h, w) {
					return false
				}
			}
			t = c.Tail
		default:
			return false
		}
	}
}

func listToBitstring(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	if _, ok := a[0].(*term.Cons); !ok {
		if _, isNil := a[0].(term.Nil); !isNil {
			return nil, term.ExcBadarg
		}
	}
	var w term.BitBuf
	if !bitsIolist(a[0], &w) {
		return nil, term.ExcBadarg
	}
	return w.Term(), nil
}

func iolistSize(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	var sb strings.Builder
	if !iolist(a[0], &sb) {
		return nil, term.ExcBadarg
	}
	return term.Int(sb.Len()), nil
}

// part is binary_part's {Start, Length} of b; Length may be negative.
func part(b term.Binary, start, length term.Int) (term.Term, *term.Exc) {
	if length < 0 {
		start, length = start+length, -length
	}
	if start < 0 || int(start+length) > len(b) {
		return nil, term.ExcBadarg
	}
	return b[start : start+length], nil
}

func binaryPart2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b, pl := x.binary(0), x.tuple(1)
	if x.bad || len(pl) != 2 {
		return nil, term.ExcBadarg
	}
	y := args{a: pl}
	start, length := y.int(0), y.int(1)
	if y.bad {
		return nil, term.ExcBadarg
	}
	return part(b, start, length)
}

func binaryPart3(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b, start, length := x.binary(0), x.int(1), x.int(2)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return part(b, start, length)
}

// splitBinary is split_binary/2, on a bitstring too.
func splitBinary(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	pos := x.int(1)
	data, n, ok := term.BitsOf(a[0])
	if x.bad || !ok || pos < 0 || int(pos)*8 > n {
		return nil, term.ExcBadarg
	}
	return term.MkTuple(term.Binary(data[:pos]), term.SubBits(data, int(pos)*8, n-int(pos)*8)), nil
}

// encoding reads the encoding argument of atom_to_binary/2 and
// binary_to_atom/2: latin1 is true for latin1, false for utf8 or unicode.
func encoding(t term.Term) (latin1, ok bool) {
	switch a, _ := t.(term.Atom); a.Name() {
	case "latin1":
		return true, true
	case "utf8", "unicode":
		return false, true
	}
	return false, false
}

func atomToBinary2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	at := x.atom(0)
	latin, ok := encoding(a[1])
	if x.bad || !ok {
		return nil, term.ExcBadarg
	}
	if !latin {
		return term.Binary(at.Name()), nil
	}
	var b []byte
	for _, r := range at.Name() {
		if r > 255 {
			return nil, term.ExcBadarg
		}
		b = append(b, byte(r))
	}
	return term.Binary(b), nil
}

func binaryToAtom(m *Machine, p *Proc, b term.Binary, latin bool) (term.Term, *term.Exc) {
	var name string
	if latin {
		rs := make([]rune, len(b))
		for i := 0; i < len(b); i++ {
			rs[i] = rune(b[i])
		}
		name = string(rs)
	} else {
		if !utf8.ValidString(string(b)) {
			return nil, term.ExcBadarg
		}
		name = string(b)
	}
	if utf8.RuneCountInString(name) > 255 {
		return nil, term.ErrorExc(term.ASystemLimit)
	}
	return m.newAtom(p.Pid.Node, name), nil
}

func binaryToAtom1(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return binaryToAtom(m, p, b, false)
}

func binaryToAtom2(m *Machine, p *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	latin, ok := encoding(a[1])
	if x.bad || !ok {
		return nil, term.ExcBadarg
	}
	return binaryToAtom(m, p, b, latin)
}

func binaryToInteger1(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return parseInteger(string(b), 10)
}

func binaryToInteger2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b, base := x.binary(0), x.int(1)
	if x.bad || base < 2 || base > 36 {
		return nil, term.ExcBadarg
	}
	return parseInteger(string(b), int(base))
}

func integerToBinary1(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	i := x.int(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return term.Binary(formatInteger(i, 10)), nil
}

func integerToBinary2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	i, base := x.int(0), x.int(1)
	if x.bad || base < 2 || base > 36 {
		return nil, term.ExcBadarg
	}
	return term.Binary(formatInteger(i, int(base))), nil
}

func binAt(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b, i := x.binary(0), x.int(1)
	if x.bad || i < 0 || int(i) >= len(b) {
		return nil, term.ExcBadarg
	}
	return term.Int(b[i]), nil
}

func binFirst(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	if x.bad || len(b) == 0 {
		return nil, term.ExcBadarg
	}
	return term.Int(b[0]), nil
}

func binLast(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	if x.bad || len(b) == 0 {
		return nil, term.ExcBadarg
	}
	return term.Int(b[len(b)-1]), nil
}

func binCopy1(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return b, nil
}

func binCopy2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b, n := x.binary(0), x.int(1)
	if x.bad || n < 0 || int64(n)*int64(len(b)) > 1<<24 {
		return nil, term.ExcBadarg
	}
	return term.Binary(strings.Repeat(string(b), int(n))), nil
}

// patterns reads the pattern argument of binary:split/match/replace: a
// non-empty binary or a non-empty list of them.
func patterns(t term.Term) ([]string, bool) {
	var out []string
	switch x := t.(type) {
	case term.Binary:
		out = append(out, string(x))
	case *term.Cons:
		elems, ok := term.ListToSlice(x)
		if !ok {
			return nil, false
		}
		for _, e := range elems {
			b, isBin := e.(term.Binary)
			if !isBin {
				return nil, false
			}
			out = append(out, string(b))
		}
	default:
		return nil, false
	}
	for _, p := range out {
		if p == "" {
			return nil, false
		}
	}
	return out, true
}

// find is the first match of any of pats in s at or after from: the
// earliest start, the longest pattern there.
func find(s string, pats []string, from int) (pos, length int) {
	pos = -1
	for _, p := range pats {
		i := strings.Index(s[from:], p)
		if i < 0 {
			continue
		}
		i += from
		if pos < 0 || i < pos || i == pos && len(p) > length {
			pos, length = i, len(p)
		}
	}
	return pos, length
}

// splitOpts reads binary:split/3's options.
func splitOpts(t term.Term) (global, trim, trimAll, ok bool) {
	opts, ok := term.ListToSlice(t)
	if !ok {
		return false, false, false, false
	}
	for _, o := range opts {
		a, _ := o.(term.Atom)
		switch a.Name() {
		case "global":
			global = true
		case "trim":
			trim = true
		case "trim_all":
			trimAll = true
		default:
			return false, false, false, false
		}
	}
	return global, trim, trimAll, true
}

func split(b term.Binary, pt, opts term.Term) (term.Term, *term.Exc) {
	pats, ok1 := patterns(pt)
	global, trim, trimAll, ok2 := splitOpts(opts)
	if !ok1 || !ok2 {
		return nil, term.ExcBadarg
	}
	s := string(b)
	var parts []string
	from := 0
	for {
		pos, l := find(s, pats, from)
		if pos < 0 {
			break
		}
		parts = append(parts, s[from:pos])
		from = pos + l
		if !global {
			break
		}
	}
	parts = append(parts, s[from:])
	if trim {
		for len(parts) > 0 && parts[len(parts)-1] == "" {
			parts = parts[:len(parts)-1]
		}
	}
	out := make([]term.Term, 0, len(parts))
	for _, p := range parts {
		if trimAll && p == "" {
			continue
		}
		out = append(out, term.Binary(p))
	}
	return term.MkList(out...), nil
}

func binSplit2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return split(b, a[1], term.NilTerm)
}

func binSplit3(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return split(b, a[1], a[2])
}

func binMatch(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	pats, ok := patterns(a[1])
	if x.bad || !ok {
		return nil, term.ExcBadarg
	}
	pos, l := find(string(b), pats, 0)
	if pos < 0 {
		return term.Intern("nomatch"), nil
	}
	return term.MkTuple(term.Int(pos), term.Int(l)), nil
}

func binMatches(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	pats, ok := patterns(a[1])
	if x.bad || !ok {
		return nil, term.ExcBadarg
	}
	var out []term.Term
	for from := 0; ; {
		pos, l := find(string(b), pats, from)
		if pos < 0 {
			break
		}
		out = append(out, term.MkTuple(term.Int(pos), term.Int(l)))
		from = pos + l
	}
	return term.MkList(out...), nil
}

func replace(a []term.Term, opts term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b, r := x.binary(0), x.binary(2)
	pats, ok := patterns(a[1])
	if x.bad || !ok {
		return nil, term.ExcBadarg
	}
	os, ok := term.ListToSlice(opts)
	if !ok {
		return nil, term.ExcBadarg
	}
	global := false
	for _, o := range os {
		if at, _ := o.(term.Atom); at.Name() != "global" {
			return nil, term.ExcBadarg
		}
		global = true
	}
	s := string(b)
	var sb strings.Builder
	from := 0
	for {
		pos, l := find(s, pats, from)
		if pos < 0 {
			break
		}
		sb.WriteString(s[from:pos])
		sb.WriteString(string(r))
		from = pos + l
		if !global {
			break
		}
	}
	sb.WriteString(s[from:])
	return term.Binary(sb.String()), nil
}

func binReplace3(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	return replace(a, term.NilTerm)
}

func binReplace4(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	return replace(a, a[3])
}

func decodeUnsigned(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b := x.binary(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	s := strings.TrimLeft(string(b), "\x00")
	if len(s) > 8 || len(s) == 8 && s[0] >= 0x80 {
		return nil, term.ExcBadarith // beyond mcgo's 64-bit integers
	}
	var v int64
	for i := 0; i < len(s); i++ {
		v = v<<8 | int64(s[i])
	}
	return term.Int(v), nil
}

func encodeUnsigned(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	i := x.int(0)
	if x.bad || i < 0 {
		return nil, term.ExcBadarg
	}
	var out []byte
	for v := uint64(i); ; v >>= 8 {
		out = append([]byte{byte(v)}, out...)
		if v < 256 {
			break
		}
	}
	return term.Binary(out), nil
}
