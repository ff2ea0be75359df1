package vm

import (
	"math"
	"math/big"
	"strconv"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// The built-ins of floats: conversions, rounding, float_to_list and the
// math functions whose results mcgo computes bit for bit as OTP 25 (C's
// libm on Debian 12) does: the exact ones (sqrt, floor, ceil, fmod) and pow
// with an integral exponent, correctly rounded. Go's exp, log, sin... are
// not correctly rounded and differ from glibc's in the last bit for some
// arguments: they have no row and are refused. The differential programs
// float_*.erl check these.

func registerFloats() {
	impl("erlang", "float", 1, toFloat)
	impl("erlang", "round", 1, rounding(math.Round))
	impl("erlang", "trunc", 1, rounding(math.Trunc))
	impl("erlang", "floor", 1, rounding(math.Floor))
	impl("erlang", "ceil", 1, rounding(math.Ceil))
	impl("erlang", "float_to_list", 1, floatToList1)
	impl("erlang", "float_to_list", 2, floatToList2)
	impl("erlang", "list_to_float", 1, listToFloat)

	impl("math", "pi", 0, func(_ *Machine, _ *Proc, _ []term.Term) (term.Term, *term.Exc) {
		return term.Float(math.Pi), nil
	})
	impl("math", "sqrt", 1, math1(math.Sqrt))
	impl("math", "floor", 1, math1(math.Floor))
	impl("math", "ceil", 1, math1(math.Ceil))
	impl("math", "pow", 2, mathPow)
	impl("math", "fmod", 2, math2(math.Mod))
}

// number is argument i as a float (an integer converted), or bad.
func (x *args) number(i int) float64 {
	f, ok := term.ToFloat(x.a[i])
	x.bad = x.bad || !ok
	return f
}

func toFloat(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	f := x.number(0)
	if x.bad {
		return nil, term.ExcBadarg
	}
	return term.Float(f), nil
}

// rounding is round/1, trunc/1, floor/1 or ceil/1: an integer is itself;
// a float is rounded to an integer (beyond 64 bits, badarith: mcgo has no
// bignums, see docs/semantics.md).
func rounding(r func(float64) float64) bifFn {
	return func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		switch v := a[0].(type) {
		case term.Int:
			return v, nil
		case term.Float:
			f := r(float64(v))
			if f < -(1<<63) || f >= 1<<63 {
				return nil, term.ExcBadarith
			}
			return term.Int(int64(f)), nil
		}
		return nil, term.ExcBadarg
	}
}

func floatToList1(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	f, ok := a[0].(term.Float)
	if !ok {
		return nil, term.ExcBadarg
	}
	return term.MkString(term.FloatScientific(float64(f), 20)), nil
}

// floatToList2 is float_to_list(F, Options): the last of {decimals, N},
// {scientific, N} and short decides the form; compact applies to decimals.
func floatToList2(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	f, ok := a[0].(term.Float)
	opts, ok2 := term.ListToSlice(a[1])
	if !ok || !ok2 {
		return nil, term.ExcBadarg
	}
	const (
		legacy = iota
		decimals
		scientific
		short
	)
	form, n, compact := legacy, 0, false
	aCompact, aDecimals, aScientific, aShort := term.Intern("compact"), term.Intern("decimals"), term.Intern("scientific"), term.Intern("short")
	for _, o := range opts {
		switch o := o.(type) {
		case term.Atom:
			switch o {
			case aCompact:
				compact = true
				continue
			case aShort:
				form = short
				continue
			}
		case term.Tuple:
			if len(o) == 2 {
				if d, ok := o[1].(term.Int); ok {
					switch o[0] {
					case aDecimals:
						form, n = decimals, int(d)
						continue
					case aScientific:
						form, n = scientific, int(d)
						continue
					}
				}
			}
		}
		return nil, term.ExcBadarg
	}
	switch form {
	case decimals:
		if n < 0 || n > 253 {
			return nil, term.ExcBadarg
		}
		s, ok := term.FloatDecimals(float64(f), n, compact)
		if !ok {
			return nil, term.ExcBadarg
		}
		return term.MkString(s), nil
	case scientific:
		if n < 0 || n > 249 {
			return nil, term.ExcBadarg
		}
		return term.MkString(term.FloatScientific(float64(f), n)), nil
	case short:
		return term.MkString(term.FloatShort(float64(f))), nil
	}
	return term.MkString(term.FloatScientific(float64(f), 20)), nil
}

// listToFloat is list_to_float/1: digits, a point, digits, and an
// optional exponent (e or E, a sign, digits), with an optional sign in
// front; nothing else ("1", "1e5", ".5" and "1." are badarg).
func listToFloat(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	s := x.str(0)
	if x.bad || !floatSyntax(s) {
		return nil, term.ExcBadarg
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return nil, term.ExcBadarg
	}
	return term.Float(f), nil
}

func floatSyntax(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() bool {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > start
	}
	if !digits() || i >= len(s) || s[i] != '.' {
		return false
	}
	i++
	if !digits() {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(s)
}

// math1 and math2 are math functions of numbers: badarg for another
// argument, badarith where the result is not a finite float.
func math1(fn func(float64) float64) bifFn {
	return func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		x := args{a: a}
		f := x.number(0)
		if x.bad {
			return nil, term.ExcBadarg
		}
		return term.MkFloat(fn(f))
	}
}

func math2(fn func(float64, float64) float64) bifFn {
	return func(_ *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
		x := args{a: a}
		f, g := x.number(0), x.number(1)
		if x.bad {
			return nil, term.ExcBadarg
		}
		return term.MkFloat(fn(f, g))
	}
}

// mathPow is math:pow/2 for an integral exponent (as a float or an
// integer): the power computed exactly (or to thousands of bits) and
// rounded once, as glibc's pow (at most 0.52 ulp off) gives it when the
// power is not within 0.02 ulp of a midpoint; one that is ends the run. Another
// exponent ends the run as unsupported: Go's math.Pow is not correctly
// rounded.
func mathPow(m *Machine, _ *Proc, a []term.Term) (term.Term, *term.Exc) {
	x := args{a: a}
	b, e := x.number(0), x.number(1)
	if x.bad {
		return nil, term.ExcBadarg
	}
	if e != math.Trunc(e) || math.Abs(e) > 1<<20 {
		return nil, m.unsupported("math:pow/2 with an exponent that is not an integer: mcgo computes only integral powers as OTP's C library does")
	}
	n := int64(math.Abs(e))
	prec := uint(53*n + 64)
	if prec > 8192 {
		prec = 8192
	}
	base := new(big.Float).SetPrec(prec).SetFloat64(b)
	r := new(big.Float).SetPrec(prec).SetFloat64(1)
	for k := n; k > 0; k >>= 1 {
		if k&1 == 1 {
			r.Mul(r, base)
		}
		if k > 1 {
			base.Mul(base, base)
		}
	}
	if e < 0 {
		if r.Sign() == 0 {
			return nil, term.ExcBadarith
		}
		r.Quo(new(big.Float).SetPrec(prec).SetFloat64(1), r)
	}
	f, _ := r.Float64()
	if math.IsInf(f, 0) || f == 0 {
		return term.MkFloat(f)
	}
	// glibc's pow errs by at most 0.52 ulp: it may round the other way
	// only when the exact power is within 0.02 ulp of a midpoint.
	ulp := math.Nextafter(math.Abs(f), math.Inf(1)) - math.Abs(f)
	d := new(big.Float).SetPrec(prec).Sub(r, new(big.Float).SetFloat64(f))
	d.Abs(d).Quo(d, new(big.Float).SetFloat64(ulp))
	if q, _ := d.Float64(); q > 0.48 {
		return nil, m.unsupported("math:pow/2 of a power within 0.02 ulp of a midpoint: OTP's C library may round it either way")
	}
	return term.MkFloat(f)
}
