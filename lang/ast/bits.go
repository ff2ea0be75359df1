package ast

import (
	"fmt"
	"strconv"
)

// BinSpec is what a segment's type specifiers say, defaults applied as
// erl_bits does: the type (integer, float, binary, utf8, utf16, utf32),
// the unit (0 when none applies), signedness and endianness.
type BinSpec struct {
	Type   string
	Unit   int
	Signed bool
	Little bool
	Native bool
	// UnitGiven is true when unit:N was written (or implied by bits).
	UnitGiven bool
}

// Spec resolves the segment's type specifiers. The message, if any, is
// erl_lint's diagnostic for them (at the segment's value).
func (s *BinSeg) Spec() (BinSpec, string) {
	var typ, sign, endian string
	unit := 0
	for _, t := range s.Types {
		var newType string
		newUnit := 0
		switch t.Name {
		case "integer", "float", "binary", "utf8", "utf16", "utf32":
			newType = t.Name
		case "bytes":
			newType = "binary"
		case "bitstring", "bits":
			newType, newUnit = "binary", 1
		case "signed", "unsigned":
			if sign != "" && sign != t.Name {
				return BinSpec{}, fmt.Sprintf("conflict in sign specification for bit field: '%s' and '%s'", t.Name, sign)
			}
			sign = t.Name
		case "big", "little", "native":
			if endian != "" && endian != t.Name {
				return BinSpec{}, fmt.Sprintf("conflict in endianness specification for bit field: '%s' and '%s'", t.Name, endian)
			}
			endian = t.Name
		case "unit":
			if t.Unit < 1 || t.Unit > 256 {
				return BinSpec{}, fmt.Sprintf("bit type {unit,%d} undefined", t.Unit)
			}
			newUnit = t.Unit
		default:
			name := t.Name
			if n, ok := cutColon(name); ok {
				return BinSpec{}, fmt.Sprintf("bit type {%s,%d} undefined", n, t.Unit)
			}
			return BinSpec{}, fmt.Sprintf("bit type %s undefined", name)
		}
		if newType != "" {
			if typ != "" && typ != newType {
				return BinSpec{}, fmt.Sprintf("conflict in type specification for bit field: '%s' and '%s'", newType, typ)
			}
			typ = newType
		}
		if newUnit != 0 {
			if unit != 0 && unit != newUnit {
				return BinSpec{}, fmt.Sprintf("conflict in unit specification for bit field: '%s' and '%s'", strconv.Itoa(newUnit), strconv.Itoa(unit))
			}
			unit = newUnit
		}
	}
	sp := BinSpec{Type: typ, Signed: sign == "signed", Little: endian == "little", Native: endian == "native", UnitGiven: unit != 0}
	if sp.Type == "" {
		sp.Type = "integer"
	}
	switch sp.Type {
	case "utf8", "utf16", "utf32":
		if s.Size != nil || unit != 0 {
			return BinSpec{}, "neither size nor unit must be given for segments of type utf8/utf16/utf32"
		}
	case "binary":
		if unit == 0 {
			unit = 8
		}
	default:
		if unit == 0 {
			unit = 1
		}
	}
	sp.Unit = unit
	return sp, ""
}

func cutColon(s string) (string, bool) {
	if n := len(s); n > 0 && s[n-1] == ':' {
		return s[:n-1], true
	}
	return s, false
}
