package term

import (
	"math"
)

// Exc is an Erlang exception: class error, exit or throw, and a reason.
type Exc struct {
	Class  Atom
	Reason Term
}

func ErrorExc(reason Term) *Exc { return &Exc{Class: AError, Reason: reason} }

var (
	ExcBadarg   = ErrorExc(ABadarg)
	ExcBadarith = ErrorExc(ABadarith)
)

var BinopNames = [NumBinops]string{
	OpAdd:      "+",
	opSub:      "-",
	opMul:      "*",
	opFDiv:     "/",
	opDiv:      "div",
	opRem:      "rem",
	opBand:     "band",
	opBor:      "bor",
	opBxor:     "bxor",
	opBsl:      "bsl",
	opBsr:      "bsr",
	opAnd:      "and",
	opOr:       "or",
	opXor:      "xor",
	opEq:       "==",
	opNe:       "/=",
	opLe:       "=<",
	opLt:       "<",
	opGe:       ">=",
	opGt:       ">",
	opEqx:      "=:=",
	opNex:      "=/=",
	OpAppend:   "++",
	OpSubtract: "--",
}

const (
	OpAdd = iota
	opSub
	opMul
	opFDiv
	opDiv
	opRem
	opBand
	opBor
	opBxor
	opBsl
	opBsr
	opAnd
	opOr
	opXor
	opEq
	opNe
	opLe
	opLt
	opGe
	opGt
	opEqx
	opNex
	OpAppend
	OpSubtract

	NumBinops // the number of binary operators
)

var UnopNames = [NumUnops]string{
	OpNeg:  "-",
	opPlus: "+",
	opNot:  "not",
	opBnot: "bnot",
}

const (
	OpNeg = iota
	opPlus
	opNot
	opBnot

	NumUnops // the number of unary operators
)

func BinopIndex(op string) int {
	for i, n := range BinopNames {
		if n == op {
			return i
		}
	}
	return -1
}

func UnopIndex(op string) int {
	for i, n := range UnopNames {
		if n == op {
			return i
		}
	}
	return -1
}

func ToBool(t Term) (bool, bool) {
	switch t {
	case ATrue:
		return true, true
	case AFalse:
		return false, true
	}
	return false, false
}

// binop applies a binary operator (not andalso/orelse).
func Binop(op int, a, b Term) (Term, *Exc) {
	switch op {
	case opEqx:
		return Bool(Equal(a, b)), nil
	case opNex:
		return Bool(!Equal(a, b)), nil
	case opEq:
		return Bool(Compare(a, b) == 0), nil
	case opNe:
		return Bool(Compare(a, b) != 0), nil
	case opLt:
		return Bool(Compare(a, b) < 0), nil
	case opLe:
		return Bool(Compare(a, b) <= 0), nil
	case opGt:
		return Bool(Compare(a, b) > 0), nil
	case opGe:
		return Bool(Compare(a, b) >= 0), nil
	case opAnd, opOr, opXor:
		x, ok1 := ToBool(a)
		y, ok2 := ToBool(b)
		if !ok1 || !ok2 {
			return nil, ExcBadarg
		}
		switch op {
		case opAnd:
			return Bool(x && y), nil
		case opOr:
			return Bool(x || y), nil
		}
		return Bool(x != y), nil
	case OpAppend:
		elems, ok := ListToSlice(a)
		if !ok {
			return nil, ExcBadarg
		}
		return ListWithTail(elems, b), nil
	case OpSubtract:
		xs, ok1 := ListToSlice(a)
		ys, ok2 := ListToSlice(b)
		if !ok1 || !ok2 {
			return nil, ExcBadarg
		}
		out := append([]Term(nil), xs...)
		for _, y := range ys {
			for i, x := range out {
				if Equal(x, y) {
					out = append(out[:i:i], out[i+1:]...)
					break
				}
			}
		}
		return MkList(out...), nil
	}
	x, ok1 := a.(Int)
	y, ok2 := b.(Int)
	if !ok1 || !ok2 || op == opFDiv {
		return floatBinop(op, a, b)
	}
	switch op {
	case OpAdd:
		r, overflow := addInt(int64(x), int64(y))
		if overflow {
			return nil, ExcBadarith
		}
		return Int(r), nil
	case opSub:
		r, overflow := subInt(int64(x), int64(y))
		if overflow {
			return nil, ExcBadarith
		}
		return Int(r), nil
	case opMul:
		r := x * y
		if x != 0 && (r/x != y || (x == -1 && y == math.MinInt64) || (y == -1 && x == math.MinInt64)) {
			return nil, ExcBadarith
		}
		return r, nil
	case opDiv:
		if y == 0 || (x == math.MinInt64 && y == -1) {
			return nil, ExcBadarith
		}
		return x / y, nil
	case opRem:
		if y == 0 {
			return nil, ExcBadarith
		}
		if y == -1 {
			return Int(0), nil
		}
		return x % y, nil
	case opBand:
		return x & y, nil
	case opBor:
		return x | y, nil
	case opBxor:
		return x ^ y, nil
	case opBsl, opBsr:
		n := int64(y)
		if op == opBsr {
			n = -n
		}
		if n >= 0 {
			if n >= 63 {
				if x == 0 {
					return Int(0), nil
				}
				return nil, ExcBadarith
			}
			r := int64(x) << uint(n)
			if r>>uint(n) != int64(x) {
				return nil, ExcBadarith
			}
			return Int(r), nil
		}
		n = -n
		if n >= 63 {
			if x < 0 {
				return Int(-1), nil
			}
			return Int(0), nil
		}
		return x >> uint(n), nil
	}
	return nil, ExcBadarith
}

// ToFloat returns the value of a number as a float: an integer is
// converted (rounded to the nearest double, as Erlang does).
func ToFloat(t Term) (float64, bool) {
	switch x := t.(type) {
	case Int:
		return float64(x), true
	case Float:
		return float64(x), true
	}
	return 0, false
}

// MkFloat is a float result of arithmetic: a NaN or an infinity is
// badarith, as Erlang checks every float operation.
func MkFloat(f float64) (Term, *Exc) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, ExcBadarith
	}
	return Float(f), nil
}

// floatBinop applies + - * / where an operand is a float (or for /,
// always): the result is a float. div, rem and the bitwise operators take
// integers only.
func floatBinop(op int, a, b Term) (Term, *Exc) {
	x, ok1 := ToFloat(a)
	y, ok2 := ToFloat(b)
	if !ok1 || !ok2 {
		return nil, ExcBadarith
	}
	switch op {
	case OpAdd:
		return MkFloat(x + y)
	case opSub:
		return MkFloat(x - y)
	case opMul:
		return MkFloat(x * y)
	case opFDiv:
		if y == 0 {
			return nil, ExcBadarith
		}
		return MkFloat(x / y)
	}
	return nil, ExcBadarith
}

func addInt(a, b int64) (int64, bool) {
	r := a + b
	return r, (a > 0 && b > 0 && r < 0) || (a < 0 && b < 0 && r >= 0)
}

func subInt(a, b int64) (int64, bool) {
	r := a - b
	return r, (a >= 0 && b < 0 && r < 0) || (a < 0 && b > 0 && r >= 0)
}

func Unop(op int, a Term) (Term, *Exc) {
	switch op {
	case opNot:
		x, ok := ToBool(a)
		if !ok {
			return nil, ExcBadarg
		}
		return Bool(!x), nil
	}
	if f, ok := a.(Float); ok {
		switch op {
		case OpNeg:
			return -f, nil
		case opPlus:
			return f, nil
		}
		return nil, ExcBadarith
	}
	x, ok := a.(Int)
	if !ok {
		return nil, ExcBadarith
	}
	switch op {
	case OpNeg:
		if x == math.MinInt64 {
			return nil, ExcBadarith
		}
		return -x, nil
	case opPlus:
		return x, nil
	case opBnot:
		return ^x, nil
	}
	return nil, ExcBadarith
}
