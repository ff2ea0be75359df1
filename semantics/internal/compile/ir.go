package compile

import (
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Op is a bytecode operation of the process machine. The machine is a stack
// machine: each frame has NSlots local variable slots followed by an operand
// stack; all frames live in one []Term of the process (see [Proc]).
type Op uint8

const (
	OpNop         Op = iota
	OpConst          // push Consts[A]
	OpVar            // push local A
	OpSetVar         // pop into local A
	OpPop            // drop the top
	OpDup            // duplicate the top
	OpMatch          // pop; match against Pats[A]; on failure jump to B, or raise {badmatch, V} when B < 0
	OpGuard          // evaluate Guards[A]; jump to B when it fails
	OpTuple          // pop A values, push a tuple
	OpList           // pop a tail and A values, push [V1, ..., VA | Tail]
	OpNil            // push []
	OpBinop          // pop Y, X; push X op Y (A: the operator)
	OpUnop           // pop X; push op X (A: the operator)
	OpAndAlso        // top must be a boolean: false: jump to A (keeping false); true: pop and go on
	OpOrElse         // top must be a boolean: true: jump to A (keeping true); false: pop and go on
	OpJump           // jump to A
	OpCaseFail       // raise {case_clause, top}
	OpIfFail         // raise if_clause
	OpFuncFail       // raise function_clause
	OpTryFail        // raise {try_clause, top}
	OpCall           // call Funcs[A] with B arguments from the stack
	OpTailCall       // tail call Funcs[A] with B arguments
	OpBif            // call the pure built-in Bifs[A] with B arguments
	OpEffect         // request the effect Effects[A] with B arguments: the process stops here
	OpCallDyn        // stack: Module, Function, B arguments: call whatever that resolves to
	OpTailCallDyn    //
	OpCallFun        // stack: Fun, B arguments
	OpTailCallFun    //
	OpApply          // apply/2,3 with B = 2 or 3 arguments on the stack
	OpTailApply      //
	OpMakeFun        // pop B captured values, push a fun of Funcs[A]
	OpMakeExtFun     // stack: Module, Function, Arity: push fun M:F/A
	OpRet            // return the top to the caller
	OpRecv           // wait in receive Recvs[A] (B = 1 when a timeout value is on the stack)
	OpTry            // push an exception handler that continues at A
	OpEndTry         // pop the handler
	OpCatchVal       // after a catch handler fired: turn Class, Reason, Stack into catch's value
	OpReraise        // pop Class, Reason, Stack and raise them again
	OpRaise          // raise an exception of class A: pop Reason (error/exit/throw BIFs)
	OpSelfFun        // push the fun running in this frame (named funs): Funcs[A] with the frame's first B slots as its environment
	OpPeek           // push a copy of the value A places below the top
	OpMapPut         // pop V, K, M; push M with K => V (A: MapAssoc, MapExact: K must be in M); MapCheck: the top must be a map (M#{}), nothing popped; raises {badmap, M} or {badkey, K}
	OpBin            // build the bitstring Bins[A]: pop each segment's value (and its size, when given)

	NumOps // the number of operations
)

var opNames = [NumOps]string{
	OpNop:         "nop",
	OpConst:       "const",
	OpVar:         "var",
	OpSetVar:      "setvar",
	OpPop:         "pop",
	OpDup:         "dup",
	OpMatch:       "match",
	OpGuard:       "guard",
	OpTuple:       "tuple",
	OpList:        "list",
	OpNil:         "nil",
	OpBinop:       "binop",
	OpUnop:        "unop",
	OpAndAlso:     "andalso",
	OpOrElse:      "orelse",
	OpJump:        "jump",
	OpCaseFail:    "casefail",
	OpIfFail:      "iffail",
	OpFuncFail:    "funcfail",
	OpTryFail:     "tryfail",
	OpCall:        "call",
	OpTailCall:    "tailcall",
	OpBif:         "bif",
	OpEffect:      "effect",
	OpCallDyn:     "calldyn",
	OpTailCallDyn: "tailcalldyn",
	OpCallFun:     "callfun",
	OpTailCallFun: "tailcallfun",
	OpApply:       "apply",
	OpTailApply:   "tailapply",
	OpMakeFun:     "makefun",
	OpMakeExtFun:  "makeextfun",
	OpRet:         "ret",
	OpRecv:        "recv",
	OpTry:         "try",
	OpEndTry:      "endtry",
	OpCatchVal:    "catchval",
	OpReraise:     "reraise",
	OpRaise:       "raise",
	OpSelfFun:     "selffun",
	OpPeek:        "peek",
	OpMapPut:      "mapput",
	OpBin:         "bin",
}

// The modes of OpMapPut and GMapPut.
const (
	MapAssoc = iota // K => V
	MapExact        // K := V
	MapCheck        // M#{}: M must be a map
)

func (o Op) String() string {
	if int(o) < len(opNames) {
		return opNames[o]
	}
	return "op?"
}

// Instr is one instruction with its source position.
type Instr struct {
	Op  Op
	A   int32
	B   int32
	Pos token.Pos
}

// Func is a compiled function: a named function of the model or of the
// prelude, a lifted fun, or a list comprehension's helper.
type Func struct {
	Module  term.Atom
	Name    term.Atom
	Arity   int // parameters, free variables of a lifted fun included
	NFree   int // for lifted funs: how many leading parameters are captured values
	NSlots  int // locals, parameters included
	Code    []Instr
	Pos     token.Pos
	Display string // "comm:snd/2", or "comm:'-start/0-fun-0-'/1" for a fun
	// Live[pc] is the set of slots live before instruction pc, used to clear
	// dead slots when the process stops, so that equal futures encode equally.
	Live []bitset
	// Prelude is true for library code written in Erlang (lists, timer...).
	Prelude bool
}

// PatKind is the kind of a pattern node.
type PatKind uint8

const (
	PWild  PatKind = iota // _
	PBind                 // a variable not yet bound: bind slot
	PCheck                // a bound variable: compare with slot (=:=)
	PConst                // a literal
	PTuple                // {P1, ..., Pn}
	PCons                 // [H | T]
	PAlias                // P1 = P2 inside a pattern
	PMap                  // #{K1 := P1, ...}: Keys (PConst or PCheck) and their value patterns Elems
	PBin                  // <<Seg, ...>>: Bin's segments
)

// Pat is a compiled pattern.
type Pat struct {
	Kind  PatKind
	Slot  int32
	Const term.Term
	Elems []*Pat    // tuple elements; [head, tail] for PCons; [p1, p2] for PAlias; values for PMap
	Keys  []*Pat    // PMap: the keys, each a PConst or a PCheck (a bound variable)
	Bin   []*BinSeg // PBin: the segments
}

// BinType is the type of a bitstring segment.
type BinType uint8

const (
	BInt BinType = iota
	BBits
	BUtf8
	BUtf16
	BUtf32
	BFloat // an IEEE float of 16, 32 or 64 bits
)

// BinSeg is a segment of a bitstring construction (OpBin) or pattern
// (PBin). Its length in bits is Size*Unit; a Size of nil is the default:
// 8 for an integer, the whole value (construction) or the rest (pattern)
// for a bitstring, the encoding's for utf8/16/32.
type BinSeg struct {
	Type    BinType
	Unit    int
	Signed  bool
	Little  bool
	Size    *GExpr // in patterns; in a construction, HasSize says a size is on the stack
	HasSize bool
	Val     *Pat // in patterns
	Pos     token.Pos
}

// Bin is a bitstring construction.
type Bin struct {
	Segs []*BinSeg
	Pos  token.Pos
}

// GKind is the kind of a guard expression node.
type GKind uint8

const (
	GConst GKind = iota
	GVar
	GTuple
	GList // Elems then Tail
	GBif  // Bif with Args
	GBinop
	GUnop
	GAndAlso
	GOrElse
	GMapPut // Args: M, K, V (M alone for MapCheck); Op: the mode, as OpMapPut's
)

// GExpr is a compiled guard expression: evaluated by a small recursive
// evaluator; any exception makes the guard fail.
type GExpr struct {
	Kind  GKind
	Const term.Term
	Slot  int32
	Op    int32 // operator or Bif index
	Args  []*GExpr
}

// Guard is a compiled guard sequence: alternatives of conjunctions.
type Guard [][]*GExpr

// RecvClause is one clause of a receive.
type RecvClause struct {
	Pat   *Pat
	Binds []int32 // the slots Pat binds (a failed match restores them)
	Guard Guard   // nil: none
	Body  int32   // pc of the clause body
	Pos   token.Pos
}

// Recv is a compiled receive.
type Recv struct {
	Clauses  []RecvClause
	HasAfter bool
	After    int32 // pc of the after body
	Pos      token.Pos
}

// bitset is a small set of slot numbers.
type bitset []uint64

func (b bitset) Has(i int) bool {
	w := i / 64
	return w < len(b) && b[w]&(1<<(uint(i)%64)) != 0
}

func (b *bitset) set(i int) {
	w := i / 64
	for len(*b) <= w {
		*b = append(*b, 0)
	}
	(*b)[w] |= 1 << (uint(i) % 64)
}

func (b *bitset) clear(i int) {
	w := i / 64
	if w < len(*b) {
		(*b)[w] &^= 1 << (uint(i) % 64)
	}
}

func (b bitset) clone() bitset { return append(bitset(nil), b...) }

// union sets b to b ∪ o and reports whether b changed.
func (b *bitset) union(o bitset) bool {
	changed := false
	for len(*b) < len(o) {
		*b = append(*b, 0)
	}
	for i, w := range o {
		n := (*b)[i] | w
		if n != (*b)[i] {
			(*b)[i] = n
			changed = true
		}
	}
	return changed
}

func (b bitset) equal(o bitset) bool {
	n := len(b)
	if len(o) > n {
		n = len(o)
	}
	for i := 0; i < n; i++ {
		var x, y uint64
		if i < len(b) {
			x = b[i]
		}
		if i < len(o) {
			y = o[i]
		}
		if x != y {
			return false
		}
	}
	return true
}
