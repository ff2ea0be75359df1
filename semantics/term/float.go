package term

import (
	"math"
	"strconv"
	"strings"
)

// This file writes floats as Erlang/OTP 25 does: the shortest form that
// reads back to the same float (float_to_list(F, [short]), what ~p and ~w
// print), the "%.20e" form of float_to_list/1, the {decimals, N} and
// {scientific, N} forms of float_to_list/2, and io_lib_format's ~f, ~e
// and ~g (ported from OTP's erts and stdlib; Apache License 2.0).

// FloatShort is float_to_list(F, [short]): the shortest digits that read
// back to f (Go's strconv finds the same digits as OTP's Ryu), written in
// fixed or scientific notation by OTP's rule (erts/emulator/ryu/to_chars.h):
// 1.0e10, 123456789.0, 0.0001, 1.0e-5.
func FloatShort(f float64) string {
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	// Shortest digits and exponent: d.ddddde±x.
	s := strconv.FormatFloat(math.Abs(f), 'e', -1, 64)
	i := strings.IndexByte(s, 'e')
	sciExp, _ := strconv.Atoi(s[i+1:])
	digits := strings.Replace(s[:i], ".", "", 1)
	olen := len(digits)
	exp := sciExp - olen + 1 // the value is digits * 10^exp
	var lower, upper int
	switch {
	case olen == 1:
		lower, upper = -4, 2
	case sciExp >= 10:
		lower, upper = -(olen + 2), 2
	default:
		lower, upper = -(olen + 2), 1
	}
	fixed := lower <= exp && exp <= upper
	if fixed {
		out, _ := strconv.ParseUint(digits, 10, 64)
		if out >= 1<<53 && exp == 0 || out > (1<<52)/5 && exp == 1 || out > (1<<51)/25 && exp == 2 {
			fixed = false
		}
	}
	var b strings.Builder
	if math.Signbit(f) {
		b.WriteByte('-')
	}
	if fixed {
		whole := olen + exp
		switch {
		case exp >= 0:
			b.WriteString(digits)
			b.WriteString(strings.Repeat("0", exp))
			b.WriteString(".0")
		case whole > 0:
			b.WriteString(digits[:whole])
			b.WriteByte('.')
			b.WriteString(digits[whole:])
		default:
			b.WriteString("0.")
			b.WriteString(strings.Repeat("0", -whole))
			b.WriteString(digits)
		}
		return b.String()
	}
	b.WriteByte(digits[0])
	b.WriteByte('.')
	if olen > 1 {
		b.WriteString(digits[1:])
	} else {
		b.WriteByte('0')
	}
	b.WriteByte('e')
	b.WriteString(strconv.Itoa(sciExp))
	return b.String()
}

// FloatScientific is C's "%.*e" with n decimals: float_to_list/1 (n = 20)
// and float_to_list(F, [{scientific, N}]). C and Go both round exactly.
func FloatScientific(f float64, n int) string {
	return strconv.FormatFloat(f, 'e', n, 64)
}

// FloatDecimals is float_to_list(F, [{decimals, N}]) (with compact):
// erts's sys_double_to_chars_fast, which rounds half away from zero on
// the binary value and keeps the sign of -0.0. ok is false where erts's
// 256-byte buffer overflows (badarg).
func FloatDecimals(f float64, decimals int, compact bool) (string, bool) {
	neg := math.Signbit(f)
	af := math.Abs(f)
	if af > 1<<53 || decimals >= 19 {
		s := strconv.FormatFloat(f, 'f', decimals, 64)
		if len(s) >= 256 {
			return "", false
		}
		if compact {
			s = trimTrailingZeros(s)
		}
		return s, true
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if decimals == 0 {
		b.WriteString(strconv.FormatUint(uint64(math.Round(af)), 10))
		return b.String(), true
	}
	pow := math.Pow10(decimals)
	intF := math.Floor(af)
	fracF := math.Round((af - intF) * pow)
	intPart, fracPart := uint64(intF), uint64(fracF)
	if fracF >= pow {
		intPart++
		fracPart = 0
	}
	b.WriteString(strconv.FormatUint(intPart, 10))
	b.WriteByte('.')
	fs := strconv.FormatUint(fracPart, 10)
	b.WriteString(strings.Repeat("0", decimals-len(fs)))
	b.WriteString(fs)
	s := b.String()
	if compact {
		s = trimTrailingZeros(s)
	}
	return s, true
}

// trimTrailingZeros is erts's find_first_trailing_zero: the zeros at the
// end go, but one digit stays after the point.
func trimTrailingZeros(s string) string {
	p := len(s)
	for p > 0 && s[p-1] == '0' {
		p--
	}
	if p > 0 && s[p-1] == '.' {
		p++
	}
	return s[:p]
}

// floatData is io_lib_format:float_data/1: the 21 significant digits of
// float_to_list/1 and the exponent plus one.
func floatData(f float64) (ds []byte, e int) {
	s := FloatScientific(f, 20)
	i := strings.IndexByte(s, 'e')
	for _, c := range []byte(s[:i]) {
		if c >= '0' && c <= '9' {
			ds = append(ds, c)
		}
	}
	e, _ = strconv.Atoi(s[i+1:])
	return ds, e + 1
}

// floatMan is io_lib_format:float_man/3: the mantissa's characters with
// icount digits before the point and dcount after, rounded half up on the
// digits, and whether a carry left the top.
func floatMan(ds []byte, icount, dcount int) ([]byte, bool) {
	var out []byte
	i := 0
	for ; icount > 0; icount-- {
		if i < len(ds) {
			out = append(out, ds[i])
			i++
		} else {
			out = append(out, '0')
		}
	}
	out = append(out, '.')
	for ; dcount > 0; dcount-- {
		if i < len(ds) {
			out = append(out, ds[i])
			i++
		} else {
			out = append(out, '0')
		}
	}
	carry := i < len(ds) && ds[i] >= '5'
	for j := len(out) - 1; carry && j >= 0; j-- {
		switch out[j] {
		case '.':
		case '9':
			out[j] = '0'
		default:
			out[j]++
			carry = false
		}
	}
	return out, carry
}

func floatSign(f float64) string {
	if math.Signbit(f) {
		return "-"
	}
	return ""
}

// floatE is io_lib_format:float_e/3: ~.Pe.
func floatE(f float64, p int) string {
	ds, e := floatData(f)
	fs, carry := floatMan(ds, 1, p-1)
	if carry {
		fs[0] = '1' // [$0|Fs] with a carry: 9.99 became 0.00
		return floatSign(f) + string(fs) + floatExp(e)
	}
	return floatSign(f) + string(fs) + floatExp(e-1)
}

func floatExp(e int) string {
	if e >= 0 {
		return "e+" + strconv.Itoa(e)
	}
	return "e" + strconv.Itoa(e)
}

// floatF is io_lib_format:float_f/3: ~.Pf.
func floatF(f float64, p int) string {
	ds, e := floatData(f)
	if e <= 0 {
		ds = append([]byte(strings.Repeat("0", -e+1)), ds...)
		e = 1
	}
	fs, carry := floatMan(ds, e, p)
	if carry {
		return floatSign(f) + "1" + string(fs)
	}
	return floatSign(f) + string(fs)
}

// fwriteE, fwriteF and fwriteG are io_lib_format's ~e, ~f and ~g with
// field width w and precision p (-1: none). ok is false where io_lib
// fails (a precision too small).
func fwriteE(f float64, w, p int, pad rune, left bool) (string, bool) {
	if p < 0 {
		p = 6
	}
	if p < 2 {
		return "", false
	}
	return floatField(floatE(f, p), w, pad, left), true
}

func fwriteF(f float64, w, p int, pad rune, left bool) (string, bool) {
	if p < 0 {
		p = 6
	}
	if p < 1 {
		return "", false
	}
	return floatField(floatF(f, p), w, pad, left), true
}

func fwriteG(f float64, w, p int, pad rune, left bool) (string, bool) {
	if p < 0 {
		p = 6
	}
	if p < 1 {
		return "", false
	}
	a := math.Abs(f)
	var e int
	fixed := true
	switch {
	case a < 1.0e-1:
		e = -2
	case a < 1.0e0:
		e = -1
	case a < 1.0e1:
		e = 0
	case a < 1.0e2:
		e = 1
	case a < 1.0e3:
		e = 2
	case a < 1.0e4:
		e = 3
	default:
		fixed = false
	}
	switch {
	case fixed && (p <= 1 && e == -1 || p-1 > e && e >= -1):
		return fwriteF(f, w, p-1-e, pad, left)
	case p <= 1:
		return fwriteE(f, w, 2, pad, left)
	}
	return fwriteE(f, w, p, pad, left)
}

// floatField is io_lib_format:term(S, F, Adj, F, Pad): the float in a
// field of width w, or stars where it does not fit.
func floatField(s string, w int, pad rune, left bool) string {
	if w < 0 {
		return s
	}
	return termField(s, w, w, pad, left)
}
