// Package ast declares mcgo's syntax tree for the Erlang subset it reads.
//
// The tree is mcgo's own: the parser's grammar types (participle) stay
// unexported inside package lang and are lowered into these nodes. Every node
// carries a compact [token.Pos]; expand it with [token.FileSet.Position] only
// when printing. Macros are already expanded (nodes that came from a macro body
// carry the position of the macro's use), adjacent string literals are already
// joined, and `$c` character literals are already integers.
//
// The tree is immutable once built: later stages (the checker in lang, the
// compiler in semantics) read it and never annotate it.
//
// Package ast imports only lang/token.
package ast

import "github.com/mcgo-dev/mcgo/lang/token"

// Node is any syntax tree node.
type Node interface {
	Pos() token.Pos // position of the node's first character
}

// Expr is an expression or a pattern (Erlang uses one syntax for both).
type Expr interface {
	Node
	exprNode()
}

// Module is a parsed .erl file.
type Module struct {
	File    token.Pos // position of the file's first byte
	Name    string    // from -module(Name); "" if missing
	NamePos token.Pos
	Exports []FuncName   // from all -export attributes, in order
	Attrs   []*Attribute // every attribute other than -module, -export, -define, in order
	Funcs   []*Function  // in source order
	Records []*RecordDef // from all -record attributes, in order
}

// RecordDef is -record(Name, {Field, Field = Default, Field :: Type, ...}).
// Field types are skipped by the parser.
type RecordDef struct {
	AttrPos token.Pos // the attribute's name, 'record' (where erlc reports duplicates and unused records)
	NamePos token.Pos
	Name    string
	Fields  []*RecordField
	// FuncsBefore is the number of function definitions before the
	// attribute: as erl_lint has it, a record is defined only for the
	// forms after it.
	FuncsBefore int
}

func (r *RecordDef) Pos() token.Pos { return r.AttrPos }

// RecordField is a field of a record definition; Default is nil when the
// field has none (it is then undefined).
type RecordField struct {
	NamePos token.Pos
	Name    string
	Default Expr
}

// FuncName names a function by name and arity (as in -export and `fun f/1`).
type FuncName struct {
	NamePos token.Pos
	Name    string
	Arity   int
}

// Attribute is a -Name(Value). form other than -module, -export and -define,
// for example -mcgo({nodes, [...]}) or -author("x"). Value is the attribute's
// argument as an expression (a term); it is nil for attributes whose argument
// is not an Erlang term (such as -spec), which mcgo ignores.
type Attribute struct {
	MinusPos token.Pos // position of the '-'
	Name     string
	NamePos  token.Pos
	Value    Expr
	// AfterFuncs is true when the attribute stands after the first function
	// definition (the checker reports it, as erlc does).
	AfterFuncs bool
}

// Function is a named function: all clauses of one name/arity, in order.
// Clauses of one function must be consecutive and separated by ';' in the
// source; the parser reports it otherwise.
type Function struct {
	NamePos token.Pos
	Name    string
	Arity   int
	Clauses []*Clause
}

func (f *Function) Pos() token.Pos { return f.NamePos }

// Clause is a function clause or a fun clause:
// Name(Params) when Guard -> Body.
type Clause struct {
	ClausePos token.Pos // position of the clause's first token (the name, or '(' in a fun)
	Params    []Expr    // patterns
	Guard     Guard     // nil: no guard
	Body      []Expr    // at least one expression
}

func (c *Clause) Pos() token.Pos { return c.ClausePos }

// Guard is a guard sequence: alternatives separated by ';', each a
// conjunction of guard tests separated by ','. The guard succeeds when one
// alternative has all its tests evaluate to true.
type Guard [][]Expr

// CaseClause is a clause of case, receive, try...of and try...catch:
// Pattern when Guard -> Body.
type CaseClause struct {
	ClausePos token.Pos
	Pattern   Expr
	Guard     Guard
	Body      []Expr
}

func (c *CaseClause) Pos() token.Pos { return c.ClausePos }

// ---------------------------------------------------------------------------
// Terms (literals and variables)

// Atom is an atom literal: plain (ok), quoted ('n1@h') or a keyword-free name.
type Atom struct {
	NamePos token.Pos
	Name    string // the atom's text, unquoted and unescaped
}

// Int is an integer literal. Based (16#ff) and character ($a) literals are
// already converted. A literal that does not fit in int64 is a parse error.
type Int struct {
	ValuePos token.Pos
	Value    int64
}

// Float is a float literal (1.5, 2.5e-3, 1_000.5), its value already
// read.
type Float struct {
	ValuePos token.Pos
	Value    float64
}

// String is a string literal, a list of character codes. Adjacent literals
// ("ab" "cd") are joined into one node at the first literal's position.
type String struct {
	ValuePos token.Pos
	Value    string // UTF-8, escapes resolved
}

// Var is a variable, or the anonymous variable `_` (Name == "_").
type Var struct {
	NamePos token.Pos
	Name    string
}

// Tuple is {E1, ..., En}.
type Tuple struct {
	Lbrace token.Pos
	Elems  []Expr
}

// Map is a map expression: #{K => V, ...} when Base is nil, or the
// update Base#{K => V, K := V, ...}; in a pattern, #{K := V, ...}.
type Map struct {
	Hash   token.Pos // the '#'
	Base   Expr      // the map updated, or nil
	Fields []*MapField
}

// MapField is one association K => V, or K := V (Exact) which requires
// the key to be present.
type MapField struct {
	Key   Expr
	OpPos token.Pos
	Exact bool
	Value Expr
}

// List is [E1, ..., En | Tail]; Tail is nil for a proper list and Elems is
// empty for [] (then Tail is nil too).
type List struct {
	Lbrack token.Pos
	Elems  []Expr
	Tail   Expr
}

// ---------------------------------------------------------------------------
// Expressions

// Match is Left = Right (in a pattern: both sides are patterns).
type Match struct {
	Left  Expr
	OpPos token.Pos
	Right Expr
}

// Send is To ! Msg.
type Send struct {
	To    Expr
	OpPos token.Pos
	Msg   Expr
}

// BinaryOp is X Op Y for an arithmetic, comparison, boolean or list operator.
// Op is the operator's text: "+", "-", "*", "/", "div", "rem", "band", "bor",
// "bxor", "bsl", "bsr", "and", "or", "xor", "andalso", "orelse", "==", "/=",
// "=<", "<", ">=", ">", "=:=", "=/=", "++", "--".
type BinaryOp struct {
	X     Expr
	OpPos token.Pos
	Op    string
	Y     Expr
}

// UnaryOp is Op X for "-", "+", "not", "bnot".
type UnaryOp struct {
	OpPos token.Pos
	Op    string
	X     Expr
}

// Call is a function call. Module is nil for a local call f(...) or a call
// of a fun value F(...); for a remote call m:f(...) both Module and Fun are
// set (usually atoms, but any expression is allowed). apply/2,3 is an
// ordinary call of the BIF apply.
type Call struct {
	Module Expr // nil for a local call
	Fun    Expr // an *Atom for a named local call; any expression for a fun value
	Lparen token.Pos
	Args   []Expr
}

// Case is case Expr of Clauses end.
type Case struct {
	CasePos token.Pos
	Expr    Expr
	Clauses []*CaseClause
}

// If is if Clauses end; each clause has a Guard and a Body (Pattern is nil).
type If struct {
	IfPos   token.Pos
	Clauses []*CaseClause
}

// Receive is receive Clauses after Timeout -> AfterBody end. Clauses may be
// empty when After is set; After is nil when there is no after section.
type Receive struct {
	ReceivePos token.Pos
	Clauses    []*CaseClause
	After      Expr
	AfterBody  []Expr
}

// Fun is an anonymous function: fun (Params) -> Body; ... end. Name is set
// for a named fun (fun Loop(X) -> ... Loop(X-1) ... end), else "".
type Fun struct {
	FunPos  token.Pos
	Name    string
	Clauses []*Clause
}

// FunRef is fun f/1 or fun m:f/1. Module is nil for a local reference.
// Name and Arity are usually an *Atom and an *Int.
type FunRef struct {
	FunPos token.Pos
	Module Expr
	Name   Expr
	Arity  Expr
}

// Block is begin Body end.
type Block struct {
	BeginPos token.Pos
	Body     []Expr
}

// Catch is catch X.
type Catch struct {
	CatchPos token.Pos
	X        Expr
}

// Try is try Body of OfClauses catch CatchClauses after After end. OfClauses,
// CatchClauses and After may each be empty, but not both CatchClauses and After.
type Try struct {
	TryPos       token.Pos
	Body         []Expr
	OfClauses    []*CaseClause
	CatchClauses []*CatchClause
	After        []Expr
}

// CatchClause is Class:Reason:Stack when Guard -> Body in a try. Class is nil
// when omitted (it then means throw); Stack is nil when omitted.
type CatchClause struct {
	ClausePos token.Pos
	Class     Expr
	Reason    Expr
	Stack     Expr
	Guard     Guard
	Body      []Expr
}

func (c *CatchClause) Pos() token.Pos { return c.ClausePos }

// ListComp is [Head || Qualifiers].
type ListComp struct {
	Lbrack token.Pos
	Head   Expr
	Quals  []Qualifier
}

// Record is #Name{Field = Value, ...}: a record built (or a record
// pattern) when Expr is nil, and Expr#Name{...}, the record Expr updated,
// otherwise.
type Record struct {
	Expr    Expr // nil: a new record or a pattern
	HashPos token.Pos
	NamePos token.Pos
	Name    string
	Fields  []*RecordFieldValue
}

// RecordFieldValue is Field = Value in a record expression; Wild is set
// for _ = Value (the value of every field not named).
type RecordFieldValue struct {
	NamePos token.Pos
	Name    string
	Wild    bool
	Value   Expr
}

// RecordAccess is Expr#Name.Field, the value of a field.
type RecordAccess struct {
	Expr     Expr
	HashPos  token.Pos
	NamePos  token.Pos
	Name     string
	FieldPos token.Pos
	Field    string
}

// RecordIndex is #Name.Field, the position of a field in the record's
// tuple (an integer).
type RecordIndex struct {
	HashPos  token.Pos
	NamePos  token.Pos
	Name     string
	FieldPos token.Pos
	Field    string
}

// Qualifier is a *Generator or a *Filter.
type Qualifier interface {
	Node
	qualNode()
}

// Generator is Pattern <- List, or Pattern <= Bitstring when Bits is set
// (then Pattern is a *Bin).
type Generator struct {
	Pattern Expr
	Arrow   token.Pos
	List    Expr
	Bits    bool
}

// Bin is a bitstring <<Seg1, ..., Segn>> (a construction or a pattern).
type Bin struct {
	Lbin token.Pos
	Segs []*BinSeg
}

// BinSeg is a segment Value:Size/Type-Type...; Size is nil when omitted
// and Types is empty when omitted.
type BinSeg struct {
	Value Expr
	Size  Expr
	Types []BinType
}

// BinType is one type specifier of a segment: integer, binary, little,
// signed..., or unit:N (Name "unit", Unit N).
type BinType struct {
	NamePos token.Pos
	Name    string
	Unit    int
}

// BinComp is << Head || Qualifiers >>.
type BinComp struct {
	Lbin  token.Pos
	Head  Expr
	Quals []Qualifier
}

// Filter is a boolean expression in a list comprehension.
type Filter struct {
	X Expr
}

func (*Generator) qualNode() {}
func (*Filter) qualNode()    {}

func (g *Generator) Pos() token.Pos { return g.Pattern.Pos() }
func (f *Filter) Pos() token.Pos    { return f.X.Pos() }

// Pos methods.
func (x *Atom) Pos() token.Pos     { return x.NamePos }
func (x *Int) Pos() token.Pos      { return x.ValuePos }
func (x *Float) Pos() token.Pos    { return x.ValuePos }
func (x *String) Pos() token.Pos   { return x.ValuePos }
func (x *Var) Pos() token.Pos      { return x.NamePos }
func (x *Tuple) Pos() token.Pos    { return x.Lbrace }
func (x *List) Pos() token.Pos     { return x.Lbrack }
func (x *Map) Pos() token.Pos      { return x.Hash }
func (x *Match) Pos() token.Pos    { return x.Left.Pos() }
func (x *Send) Pos() token.Pos     { return x.To.Pos() }
func (x *BinaryOp) Pos() token.Pos { return x.X.Pos() }
func (x *UnaryOp) Pos() token.Pos  { return x.OpPos }
func (x *Call) Pos() token.Pos {
	if x.Module != nil {
		return x.Module.Pos()
	}
	return x.Fun.Pos()
}
func (x *Case) Pos() token.Pos     { return x.CasePos }
func (x *If) Pos() token.Pos       { return x.IfPos }
func (x *Receive) Pos() token.Pos  { return x.ReceivePos }
func (x *Fun) Pos() token.Pos      { return x.FunPos }
func (x *FunRef) Pos() token.Pos   { return x.FunPos }
func (x *Block) Pos() token.Pos    { return x.BeginPos }
func (x *Catch) Pos() token.Pos    { return x.CatchPos }
func (x *Try) Pos() token.Pos      { return x.TryPos }
func (x *ListComp) Pos() token.Pos { return x.Lbrack }
func (x *Bin) Pos() token.Pos      { return x.Lbin }
func (x *BinComp) Pos() token.Pos  { return x.Lbin }

func (*Atom) exprNode()     {}
func (*Int) exprNode()      {}
func (*Float) exprNode()    {}
func (*String) exprNode()   {}
func (*Var) exprNode()      {}
func (*Tuple) exprNode()    {}
func (*List) exprNode()     {}
func (*Map) exprNode()      {}
func (*Match) exprNode()    {}
func (*Send) exprNode()     {}
func (*BinaryOp) exprNode() {}
func (*UnaryOp) exprNode()  {}
func (*Call) exprNode()     {}
func (*Case) exprNode()     {}
func (*If) exprNode()       {}
func (*Receive) exprNode()  {}
func (*Fun) exprNode()      {}
func (*FunRef) exprNode()   {}
func (*Block) exprNode()    {}
func (*Catch) exprNode()    {}
func (*Try) exprNode()      {}
func (*ListComp) exprNode() {}
func (*Bin) exprNode()      {}
func (*BinComp) exprNode()  {}

// Pos returns the position of the module's first byte (so that a Module is
// a [Node] and can be dumped with [Fprint]).
func (m *Module) Pos() token.Pos { return m.File }

// Pos returns the position of the attribute's '-'.
func (a *Attribute) Pos() token.Pos { return a.MinusPos }

// The record nodes.
func (x *Record) Pos() token.Pos {
	if x.Expr != nil {
		return x.Expr.Pos()
	}
	return x.HashPos
}

func (x *RecordAccess) Pos() token.Pos { return x.Expr.Pos() }
func (x *RecordIndex) Pos() token.Pos  { return x.HashPos }

func (*Record) exprNode()       {}
func (*RecordAccess) exprNode() {}
func (*RecordIndex) exprNode()  {}
