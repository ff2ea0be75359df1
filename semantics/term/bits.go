package term

import (
	"math/big"
	"strings"
)

// This file builds and takes apart bitstrings: [Binary] when the length is
// a multiple of 8, [BitString] otherwise. Every constructor returns the
// canonical form (a BitString's unused low bits are zero), so Equal and
// the state encoding may compare representations.

// BitsOf returns the bits of a bitstring: its bytes (the last one partial
// when n is not a multiple of 8) and its length in bits.
func BitsOf(t Term) (data string, n int, ok bool) {
	switch x := t.(type) {
	case Binary:
		return string(x), 8 * len(x), true
	case BitString:
		return x.Bytes, 8*(len(x.Bytes)-1) + int(x.Bits), true
	}
	return "", 0, false
}

// MkBits returns the bitstring of the first n bits of data (which holds at
// least (n+7)/8 bytes; data is not kept).
func MkBits(data []byte, n int) Term {
	nb := (n + 7) / 8
	if n%8 == 0 {
		return Binary(data[:nb])
	}
	b := []byte(string(data[:nb]))
	b[nb-1] &^= 0xFF >> uint(n%8)
	return BitString{Bytes: string(b), Bits: uint8(n % 8)}
}

// compareBits orders two bitstrings as Erlang does: bit by bit, a proper
// prefix first.
func compareBits(a, b Term) int {
	da, na, _ := BitsOf(a)
	db, nb, _ := BitsOf(b)
	n := min(na, nb)
	full := n / 8
	if c := strings.Compare(da[:full], db[:full]); c != 0 {
		return c
	}
	if r := n % 8; r != 0 {
		mask := byte(0xFF) << uint(8-r)
		x, y := da[full]&mask, db[full]&mask
		if x != y {
			return cmpInt(int(x), int(y))
		}
	}
	return cmpInt(na, nb)
}

// BitBuf builds a bitstring segment by segment.
type BitBuf struct {
	b []byte
	n int // bits written
}

// Len is the number of bits written.
func (w *BitBuf) Len() int { return w.n }

// Term returns the bitstring built so far.
func (w *BitBuf) Term() Term { return MkBits(w.b, w.n) }

// AppendBit appends one bit.
func (w *BitBuf) AppendBit(bit uint) {
	if w.n%8 == 0 {
		w.b = append(w.b, 0)
	}
	if bit != 0 {
		w.b[w.n/8] |= 0x80 >> uint(w.n%8)
	}
	w.n++
}

// AppendBits appends the first n bits of data.
func (w *BitBuf) AppendBits(data string, n int) {
	if w.n%8 == 0 {
		w.b = append(w.b, data[:n/8]...)
		w.n += n / 8 * 8
		for i := n / 8 * 8; i < n; i++ {
			w.AppendBit(uint(data[i/8]>>uint(7-i%8)) & 1)
		}
		return
	}
	for i := 0; i < n; i++ {
		w.AppendBit(uint(data[i/8]>>uint(7-i%8)) & 1)
	}
}

// AppendInt appends the size low bits of v (two's complement), big-endian
// or, when little, in little-endian byte order (Erlang's rule: the bytes
// of the value reversed, a partial byte last).
func (w *BitBuf) AppendInt(v int64, size int, little bool) {
	if size <= 0 {
		return
	}
	if !little || size <= 8 {
		for i := size - 1; i >= 0; i-- {
			w.AppendBit(uint(bitOf(v, i)))
		}
		return
	}
	// Little-endian: the value's bytes, least significant first; when size
	// is not a multiple of 8 the last (most significant) part has size%8
	// bits.
	full := size / 8
	for k := 0; k < full; k++ {
		for i := 7; i >= 0; i-- {
			w.AppendBit(uint(bitOf(v, 8*k+i)))
		}
	}
	for i := size%8 - 1; i >= 0; i-- {
		w.AppendBit(uint(bitOf(v, 8*full+i)))
	}
}

// bitOf is bit i of v's two's complement (sign-extended beyond 63).
func bitOf(v int64, i int) int64 {
	if i > 63 {
		i = 63
	}
	return (v >> uint(i)) & 1
}

// Bit returns bit i (from the start) of data.
func Bit(data string, i int) uint {
	return uint(data[i/8]>>uint(7-i%8)) & 1
}

// SubBits returns the n bits of data starting at bit off as a bitstring.
func SubBits(data string, off, n int) Term {
	if off%8 == 0 {
		return MkBits([]byte(data[off/8:off/8+(n+7)/8]), n)
	}
	var w BitBuf
	w.b = make([]byte, 0, (n+7)/8)
	for i := 0; i < n; i++ {
		w.AppendBit(Bit(data, off+i))
	}
	return w.Term()
}

// ReadInt reads an integer segment of size bits at bit off of data. ok is
// false when its value does not fit mcgo's 64-bit integers.
func ReadInt(data string, off, size int, signed, little bool) (Int, bool) {
	if size == 0 {
		return 0, true
	}
	// Put the bits in big-endian order.
	var bits []uint
	if little && size > 8 {
		full := size / 8
		rest := size % 8
		// The segment's bytes in reverse order; the last part (rest bits)
		// is the most significant.
		if rest > 0 {
			for i := 0; i < rest; i++ {
				bits = append(bits, Bit(data, off+8*full+i))
			}
		}
		for k := full - 1; k >= 0; k-- {
			for i := 0; i < 8; i++ {
				bits = append(bits, Bit(data, off+8*k+i))
			}
		}
	} else {
		bits = make([]uint, size)
		for i := range bits {
			bits[i] = Bit(data, off+i)
		}
	}
	if size <= 63 || size == 64 && signed {
		var v uint64
		for _, b := range bits {
			v = v<<1 | uint64(b)
		}
		if signed && bits[0] == 1 {
			v |= ^uint64(0) << uint(size)
		}
		return Int(int64(v)), true
	}
	z := new(big.Int)
	for _, b := range bits {
		z.Lsh(z, 1)
		if b == 1 {
			z.SetBit(z, 0, 1)
		}
	}
	if signed && bits[0] == 1 {
		z.Sub(z, new(big.Int).Lsh(big.NewInt(1), uint(size)))
	}
	if !z.IsInt64() {
		return 0, false
	}
	return Int(z.Int64()), true
}

// AppendUTF8 appends the UTF-8 encoding of code point c; ok is false for a
// value that is not a code point (a surrogate or beyond 0x10FFFF).
func (w *BitBuf) AppendUTF8(c Int) bool {
	if c < 0 || c > 0x10FFFF || c >= 0xD800 && c <= 0xDFFF {
		return false
	}
	var buf [4]byte
	n := encodeRune(buf[:], rune(c))
	w.AppendBits(string(buf[:n]), 8*n)
	return true
}

func encodeRune(p []byte, r rune) int {
	switch {
	case r < 0x80:
		p[0] = byte(r)
		return 1
	case r < 0x800:
		p[0] = 0xC0 | byte(r>>6)
		p[1] = 0x80 | byte(r)&0x3F
		return 2
	case r < 0x10000:
		p[0] = 0xE0 | byte(r>>12)
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[2] = 0x80 | byte(r)&0x3F
		return 3
	}
	p[0] = 0xF0 | byte(r>>18)
	p[1] = 0x80 | byte(r>>12)&0x3F
	p[2] = 0x80 | byte(r>>6)&0x3F
	p[3] = 0x80 | byte(r)&0x3F
	return 4
}

// ReadUTF8 decodes one UTF-8 code point at bit off of a bitstring of n
// bits; size is its length in bits. Like Erlang it refuses overlong
// encodings and surrogates.
func ReadUTF8(data string, off, n int) (c Int, size int, ok bool) {
	byteAt := func(k int) (byte, bool) {
		if off+8*(k+1) > n {
			return 0, false
		}
		var v byte
		for i := 0; i < 8; i++ {
			v = v<<1 | byte(Bit(data, off+8*k+i))
		}
		return v, true
	}
	b0, ok := byteAt(0)
	if !ok {
		return 0, 0, false
	}
	var l int
	var r rune
	switch {
	case b0 < 0x80:
		return Int(b0), 8, true
	case b0&0xE0 == 0xC0:
		l, r = 2, rune(b0&0x1F)
	case b0&0xF0 == 0xE0:
		l, r = 3, rune(b0&0x0F)
	case b0&0xF8 == 0xF0:
		l, r = 4, rune(b0&0x07)
	default:
		return 0, 0, false
	}
	for k := 1; k < l; k++ {
		b, ok := byteAt(k)
		if !ok || b&0xC0 != 0x80 {
			return 0, 0, false
		}
		r = r<<6 | rune(b&0x3F)
	}
	min := [5]rune{0, 0, 0x80, 0x800, 0x10000}[l]
	if r < min || r > 0x10FFFF || r >= 0xD800 && r <= 0xDFFF {
		return 0, 0, false
	}
	return Int(r), 8 * l, true
}
