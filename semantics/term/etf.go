package term

import (
	"encoding/binary"
	"math"
	"unicode/utf8"
)

// External term format tags (erl_ext_dist).
const (
	etfVersion     = 131
	etfSmallInt    = 97
	etfInt         = 98
	etfAtom        = 100
	etfPid         = 103
	etfSmallTuple  = 104
	etfLargeTuple  = 105
	etfNil         = 106
	etfString      = 107
	etfList        = 108
	etfBinary      = 109
	etfBitBinary   = 77
	etfSmallBig    = 110
	etfNewFun      = 112
	etfExport      = 113
	etfNewRef      = 114
	etfSmallAtomU8 = 119
	etfAtomU8      = 118
	etfNewPid      = 88
	etfNewerRef    = 90
	etfMap         = 116
	etfNewFloat    = 70
)

// TermToBinary is term_to_binary/1 with the encodings of OTP 25: latin1
// atoms as ATOM_EXT, pids as NEW_PID_EXT (32-bit creation); under runtime
// legacy pids are PID_EXT with a one-byte creation, as the 2007 runtime
// wrote them (the paper's figure 3).
func TermToBinary(n Namer, t Term) (Binary, bool) {
	s := etfWriter{n}
	b := []byte{etfVersion}
	b, ok := s.etf(b, t)
	return Binary(b), ok
}

// etfWriter encodes terms in the external term format.
type etfWriter struct{ n Namer }

func (s etfWriter) etfAtom(b []byte, name string) []byte {
	latin := true
	for _, r := range name {
		if r > 255 {
			latin = false
		}
	}
	if latin {
		var raw []byte
		for _, r := range name {
			raw = append(raw, byte(r))
		}
		b = append(b, etfAtom)
		b = binary.BigEndian.AppendUint16(b, uint16(len(raw)))
		return append(b, raw...)
	}
	if len(name) < 256 {
		b = append(b, etfSmallAtomU8, byte(len(name)))
		return append(b, name...)
	}
	b = append(b, etfAtomU8)
	b = binary.BigEndian.AppendUint16(b, uint16(len(name)))
	return append(b, name...)
}

func (s etfWriter) etf(b []byte, t Term) ([]byte, bool) {
	switch x := t.(type) {
	case Int:
		switch {
		case x >= 0 && x <= 255:
			return append(b, etfSmallInt, byte(x)), true
		case x >= -1<<31 && x < 1<<31:
			b = append(b, etfInt)
			return binary.BigEndian.AppendUint32(b, uint32(int32(x))), true
		}
		sign := byte(0)
		v := uint64(x)
		if x < 0 {
			sign = 1
			v = uint64(-x)
		}
		var digits []byte
		for v > 0 {
			digits = append(digits, byte(v))
			v >>= 8
		}
		b = append(b, etfSmallBig, byte(len(digits)), sign)
		return append(b, digits...), true
	case Float:
		b = append(b, etfNewFloat)
		return binary.BigEndian.AppendUint64(b, math.Float64bits(float64(x))), true
	case Atom:
		return s.etfAtom(b, x.Name()), true
	case Nil:
		return append(b, etfNil), true
	case Tuple:
		if len(x) < 256 {
			b = append(b, etfSmallTuple, byte(len(x)))
		} else {
			b = append(b, etfLargeTuple)
			b = binary.BigEndian.AppendUint32(b, uint32(len(x)))
		}
		for _, e := range x {
			var ok bool
			if b, ok = s.etf(b, e); !ok {
				return nil, false
			}
		}
		return b, true
	case *Map:
		// MAP_EXT, pairs in key order: the order of a flatmap. (A map of
		// more than FlatMapKeys keys is written in the same order, not in
		// OTP's hash order: term_to_binary/1 refuses it, see LargeMap.)
		b = append(b, etfMap)
		b = binary.BigEndian.AppendUint32(b, uint32(len(x.Keys)))
		for i := range x.Keys {
			var ok bool
			if b, ok = s.etf(b, x.Keys[i]); !ok {
				return nil, false
			}
			if b, ok = s.etf(b, x.Vals[i]); !ok {
				return nil, false
			}
		}
		return b, true
	case *Cons:
		// A list of bytes is a STRING_EXT.
		if str, ok := byteString(x); ok && len(str) <= 65535 {
			b = append(b, etfString)
			b = binary.BigEndian.AppendUint16(b, uint16(len(str)))
			return append(b, str...), true
		}
		elems, tail := []Term{}, Term(x)
		for {
			c, ok := tail.(*Cons)
			if !ok {
				break
			}
			elems = append(elems, c.Head)
			tail = c.Tail
		}
		b = append(b, etfList)
		b = binary.BigEndian.AppendUint32(b, uint32(len(elems)))
		for _, e := range elems {
			var ok bool
			if b, ok = s.etf(b, e); !ok {
				return nil, false
			}
		}
		return s.etf(b, tail)
	case Binary:
		b = append(b, etfBinary)
		b = binary.BigEndian.AppendUint32(b, uint32(len(x)))
		return append(b, x...), true
	case BitString:
		b = append(b, etfBitBinary)
		b = binary.BigEndian.AppendUint32(b, uint32(len(x.Bytes)))
		b = append(b, x.Bits)
		return append(b, x.Bytes...), true
	case Pid:
		if s.n.Legacy() {
			b = append(b, etfPid)
			b = s.etfAtom(b, s.n.NodeName(x.Node))
			b = binary.BigEndian.AppendUint32(b, x.Lid)
			b = binary.BigEndian.AppendUint32(b, 0)
			return append(b, byte(x.Cr&3)), true
		}
		b = append(b, etfNewPid)
		b = s.etfAtom(b, s.n.NodeName(x.Node))
		b = binary.BigEndian.AppendUint32(b, x.Lid)
		b = binary.BigEndian.AppendUint32(b, 0)
		return binary.BigEndian.AppendUint32(b, x.Cr), true
	case Ref:
		if s.n.Legacy() {
			b = append(b, etfNewRef, 0, 1)
			b = s.etfAtom(b, s.n.NodeName(x.Node))
			b = append(b, byte(x.Cr&3))
			return binary.BigEndian.AppendUint32(b, x.N), true
		}
		b = append(b, etfNewerRef, 0, 1)
		b = s.etfAtom(b, s.n.NodeName(x.Node))
		b = binary.BigEndian.AppendUint32(b, x.Cr)
		return binary.BigEndian.AppendUint32(b, x.N), true
	case *Fun:
		if x.Fn < 0 {
			b = append(b, etfExport)
			b = s.etfAtom(b, x.M.Name())
			b = s.etfAtom(b, x.F.Name())
			return append(b, etfSmallInt, byte(x.Arity)), true
		}
		// Local funs: NEW_FUN_EXT with mcgo's own index and no MD5.
		mod, arity := s.n.FunCode(x.Fn)
		body := []byte{byte(arity)}
		body = append(body, make([]byte, 16)...)
		body = binary.BigEndian.AppendUint32(body, uint32(x.Fn))
		body = binary.BigEndian.AppendUint32(body, uint32(len(x.Env)))
		body = s.etfAtom(body, mod.Name())
		body = append(body, etfSmallInt, 0, etfSmallInt, 0)
		body, _ = s.etf(body, Pid{})
		for _, e := range x.Env {
			var ok bool
			if body, ok = s.etf(body, e); !ok {
				return nil, false
			}
		}
		b = append(b, etfNewFun)
		b = binary.BigEndian.AppendUint32(b, uint32(len(body)+4))
		return append(b, body...), true
	}
	return nil, false
}

// byteString returns the bytes of a proper list of integers 0..255.
func byteString(l *Cons) ([]byte, bool) {
	var out []byte
	var t Term = l
	for {
		switch c := t.(type) {
		case Nil:
			return out, true
		case *Cons:
			i, ok := c.Head.(Int)
			if !ok || i < 0 || i > 255 {
				return nil, false
			}
			out = append(out, byte(i))
			t = c.Tail
		default:
			return nil, false
		}
	}
}

var _ = utf8.RuneLen
