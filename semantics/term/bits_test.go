package term

import "testing"

// TestBitsCanonical checks that bitstrings built different ways are one
// value: a whole number of bytes is a Binary, and a BitString's unused
// bits are zero.
func TestBitsCanonical(t *testing.T) {
	if got := MkBits([]byte{1, 2}, 16); got != Term(Binary("\x01\x02")) {
		t.Errorf("MkBits 16 bits = %#v, want a Binary", got)
	}
	got := MkBits([]byte{0xFF}, 3)
	if got != Term(BitString{Bytes: "\xE0", Bits: 3}) {
		t.Errorf("MkBits(0xFF, 3) = %#v, want the low bits cleared", got)
	}
	var w BitBuf
	w.AppendInt(7, 3, false)
	if !Equal(w.Term(), got) {
		t.Errorf("<<7:3>> built by BitBuf = %#v, want %#v", w.Term(), got)
	}
	var w2 BitBuf
	w2.AppendBits("\xE0", 3)
	w2.AppendInt(0, 5, false)
	if _, ok := w2.Term().(Binary); !ok {
		t.Errorf("<<7:3, 0:5>> = %#v, want a Binary", w2.Term())
	}
}

// TestBitsOrder checks OTP 25's order of bitstrings (asked of erl): bit
// by bit, a proper prefix first.
func TestBitsOrder(t *testing.T) {
	bits := func(v int64, n int) Term {
		var w BitBuf
		w.AppendInt(v, n, false)
		return w.Term()
	}
	cases := []struct {
		a, b Term
		want int
	}{
		{bits(1, 1), bits(0, 8), 1},
		{bits(1, 1), bits(128, 8), -1},
		{bits(2, 2), MkBits([]byte{128, 0}, 9), -1},
		{MkBits([]byte{1, 0x40}, 11), Binary("\x01\x02"), 1},
		{Binary(""), bits(0, 1), -1},
		{bits(5, 3), bits(5, 3), 0},
	}
	for _, c := range cases {
		if got := Compare(c.a, c.b); got != c.want {
			t.Errorf("Compare(%v, %v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestBitsETF checks BIT_BINARY_EXT: <<1,2:3>> is <<131,77,0,0,0,2,3,1,64>>
// under erl.
func TestBitsETF(t *testing.T) {
	b, ok := TermToBinary(nil, MkBits([]byte{1, 0x40}, 11))
	if !ok || b != Binary("\x83\x4d\x00\x00\x00\x02\x03\x01\x40") {
		t.Errorf("term_to_binary(<<1,2:3>>) = %v, %v", []byte(b), ok)
	}
}

// TestBitsInts checks integer segments read back as written, little-endian
// and signed included.
func TestBitsInts(t *testing.T) {
	for _, size := range []int{1, 3, 8, 12, 16, 31, 64} {
		for _, little := range []bool{false, true} {
			for _, v := range []int64{0, 1, -1, 5, -3, 1000} {
				var w BitBuf
				w.AppendInt(v, size, little)
				data, n, _ := BitsOf(w.Term())
				got, ok := ReadInt(data, 0, n, true, little)
				want := v << (64 - size) >> (64 - size)
				if !ok || int64(got) != want {
					t.Errorf("size %d little %v: %d read back as %d, want %d", size, little, v, got, want)
				}
			}
		}
	}
}
