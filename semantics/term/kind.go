package term

// Kind is the kind of a term: one per dynamic type a [Term] may have, in
// Erlang's term order (number < atom < reference < fun < port < pid <
// tuple < map < nil < list < bitstring; mcgo has no ports).
//
// Adding a kind: add its constant here, its case to KindOf, and a sample
// of it to TestEveryKind (semantics/kinds_test.go), which then fails until
// the walker (Walk), comparison (Compare, Equal), the writer
// (Write, Print), the external term format and the state encoding all
// know it.
type Kind uint8

const (
	KindInt   Kind = iota
	KindFloat      // numbers: an integer and a float compare by value (typeRank)
	KindAtom
	KindRef
	KindFun
	KindPid
	KindTuple
	KindMap
	KindNil
	KindCons
	KindBinary

	NumKinds // the number of kinds
)

var kindNames = [NumKinds]string{
	KindInt:    "integer",
	KindFloat:  "float",
	KindAtom:   "atom",
	KindRef:    "reference",
	KindFun:    "fun",
	KindPid:    "pid",
	KindTuple:  "tuple",
	KindMap:    "map",
	KindNil:    "nil",
	KindCons:   "list",
	KindBinary: "binary",
}

func (k Kind) String() string {
	if k < NumKinds {
		return kindNames[k]
	}
	return "kind?"
}

// KindOf returns the kind of t; ok is false for a value that is not a
// term.
func KindOf(t Term) (k Kind, ok bool) {
	switch t.(type) {
	case Int:
		return KindInt, true
	case Float:
		return KindFloat, true
	case Atom:
		return KindAtom, true
	case Ref:
		return KindRef, true
	case *Fun:
		return KindFun, true
	case Pid:
		return KindPid, true
	case Tuple:
		return KindTuple, true
	case *Map:
		return KindMap, true
	case Nil:
		return KindNil, true
	case *Cons:
		return KindCons, true
	case Binary, BitString:
		return KindBinary, true
	}
	return 0, false
}
