package lang

// The grammar of the Erlang subset, as participle v2 structs. These types
// are unexported: parse.go lowers them into package ast. Each precedence
// level of Erlang's operator table is one struct (erl_parse.yrl's expr_100 ...
// expr_800); left-associative levels collect their operands in a slice and
// are folded left when lowered, right-associative ones recurse on the right.
//
// Patterns share the expression grammar, as in erl_parse; the checker
// rejects expressions that are not patterns.

import "github.com/alecthomas/participle/v2/lexer"

// pForm is one form: an attribute or a function definition, and its dot.
type pForm struct {
	Attr *pAttribute `parser:"(  @@"`
	Func *pFunction  `parser:" | @@ )"`
	Dot  lexer.Token `parser:"@Dot"`
}

// pAttribute is an attribute: -Name(Value). or -Name Value.
type pAttribute struct {
	Minus lexer.Token `parser:"@\"-\""`
	Name  lexer.Token `parser:"@Atom"`
	// -Name(Value). or, as erl_parse also accepts, -Name Value.
	Value *pExpr `parser:"( \"(\" @@ \")\" | @@ )"`
}

// pFunction is a function definition: clauses separated by ';'.
type pFunction struct {
	Clauses []*pFuncClause `parser:"@@ ( \";\" @@ )*"`
}

type pFuncClause struct {
	Name   lexer.Token `parser:"@Atom \"(\""`
	Params []*pExpr    `parser:"( @@ ( \",\" @@ )* )? \")\""`
	Guard  *pGuard     `parser:"( \"when\" @@ )?"`
	Body   []*pExpr    `parser:"\"->\" @@ ( \",\" @@ )*"`
}

// pGuard is a guard sequence: alternatives separated by ';' of tests
// separated by ','.
type pGuard struct {
	Alts []*pGuardAlt `parser:"@@ ( \";\" @@ )*"`
}

type pGuardAlt struct {
	Tests []*pExpr `parser:"@@ ( \",\" @@ )*"`
}

// pExpr is the lowest precedence: catch Expr.
type pExpr struct {
	Catches []*pPrefix `parser:"@@*"`
	X       *pMatch    `parser:"@@"`
}

// pMatch is Pattern = Expr and Expr ! Expr (right associative).
type pMatch struct {
	X  *pOrelse     `parser:"@@"`
	Op *lexer.Token `parser:"( @( \"=\" | \"!\" )"`
	Y  *pMatch      `parser:"  @@ )?"`
}

type pOrelse struct {
	X    *pAndalso    `parser:"@@"`
	Rest []*pOrelseOp `parser:"@@*"`
}

type pOrelseOp struct {
	Op lexer.Token `parser:"@\"orelse\""`
	Y  *pAndalso   `parser:"@@"`
}

type pAndalso struct {
	X    *pComp        `parser:"@@"`
	Rest []*pAndalsoOp `parser:"@@*"`
}

type pAndalsoOp struct {
	Op lexer.Token `parser:"@\"andalso\""`
	Y  *pComp      `parser:"@@"`
}

// pComp is a comparison (not associative).
type pComp struct {
	X  *pListOp     `parser:"@@"`
	Op *lexer.Token `parser:"( @( \"==\" | \"/=\" | \"=<\" | \"<\" | \">=\" | \">\" | \"=:=\" | \"=/=\" )"`
	Y  *pListOp     `parser:"  @@ )?"`
}

// pListOp is ++ and -- (right associative).
type pListOp struct {
	X  *pAdd        `parser:"@@"`
	Op *lexer.Token `parser:"( @( \"++\" | \"--\" )"`
	Y  *pListOp     `parser:"  @@ )?"`
}

type pAdd struct {
	X    *pMul     `parser:"@@"`
	Rest []*pAddOp `parser:"@@*"`
}

type pAddOp struct {
	Op lexer.Token `parser:"@( \"+\" | \"-\" | \"bor\" | \"bxor\" | \"bsl\" | \"bsr\" | \"or\" | \"xor\" )"`
	Y  *pMul       `parser:"@@"`
}

type pMul struct {
	X    *pUnary   `parser:"@@"`
	Rest []*pMulOp `parser:"@@*"`
}

type pMulOp struct {
	Op lexer.Token `parser:"@( \"/\" | \"*\" | \"div\" | \"rem\" | \"band\" | \"and\" )"`
	Y  *pUnary     `parser:"@@"`
}

// pUnary is a prefix operator applied to a call or primary.
type pUnary struct {
	Ops []*pUnaryOp `parser:"@@*"`
	X   *pCall      `parser:"@@"`
}

// pCall is Primary, M:F (only as a call), F(Args) or M:F(Args), or a
// primary followed by record updates and field accesses and map updates
// (X#r{a = 1}#r.b, M#{k := 1}; the lowering refuses a call after them, as
// erl_parse does).
type pCall struct {
	F     *pPrimary    `parser:"@@"`
	Recs  []*pHash     `parser:"@@*"`
	Colon *lexer.Token `parser:"( @\":\""`
	G     *pPrimary    `parser:"  @@ )?"`
	Args  *pArgs       `parser:"@@?"`
}

// pHash is what a '#' starts: a map #{K => V, ...} (as a primary, a map;
// after an expression, an update of it) or a record #Name.Field or
// #Name{Field = Value, ...} (as a primary, a field index or a new record;
// after an expression, a field access or an update). Maps and records share
// the '#', so that the grammar tells them apart by the next token, without
// backtracking.
type pHash struct {
	Hash lexer.Token `parser:"@\"#\""`
	Map  *pMapTuple  `parser:"(  @@"`
	Rec  *pRecord    `parser:" | @@ )"`
}

// pRecord is the part of a record expression after its '#'.
type pRecord struct {
	Name   lexer.Token  `parser:"@Atom"`
	Dot    *lexer.Token `parser:"(  @\".\""`
	Field  *lexer.Token `parser:"   @Atom"`
	Lbrace *lexer.Token `parser:" | @\"{\""`
	Fields []*pRecField `parser:"   ( @@ ( \",\" @@ )* )? \"}\" )"`
}

// pRecField is Field = Value in a record expression; Field is an atom or
// _ (the value of the fields not named).
type pRecField struct {
	Name  lexer.Token `parser:"@( Atom | Var ) \"=\""`
	Value *pExpr      `parser:"@@"`
}

type pArgs struct {
	Lparen lexer.Token `parser:"@\"(\""`
	Args   []*pExpr    `parser:"( @@ ( \",\" @@ )* )? \")\""`
}

// pPrimary is erl_parse's expr_max.
type pPrimary struct {
	Var     *lexer.Token `parser:"(  @Var"`
	Atom    *lexer.Token `parser:" | @Atom"`
	Int     *lexer.Token `parser:" | @( Int | Char )"`
	Float   *lexer.Token `parser:" | @Float"`
	Strings *pStrings    `parser:" | @@"`
	Tuple   *pTuple      `parser:" | @@"`
	List    *pList       `parser:" | @@"`
	Binary  *pBinary     `parser:" | @@"`
	Lparen  *lexer.Token `parser:" | @\"(\""`
	Paren   *pExpr       `parser:"   @@ \")\""`
	Begin   *pBegin      `parser:" | @@"`
	If      *pIf         `parser:" | @@"`
	Case    *pCase       `parser:" | @@"`
	Receive *pReceive    `parser:" | @@"`
	Fun     *pFun        `parser:" | @@"`
	Try     *pTry        `parser:" | @@"`
	Hash    *pHash       `parser:" | @@ )"`
}

// pMapTuple is the part of a map expression after its '#'.
type pMapTuple struct {
	Lbrace lexer.Token  `parser:"@\"{\""`
	Fields []*pMapField `parser:"( @@ ( \",\" @@ )* )? \"}\""`
}

type pMapField struct {
	Key *pExpr      `parser:"@@"`
	Op  lexer.Token `parser:"@( \"=>\" | \":=\" )"`
	Val *pExpr      `parser:"@@"`
}

type pTuple struct {
	Lbrace lexer.Token `parser:"@\"{\""`
	Elems  []*pExpr    `parser:"( @@ ( \",\" @@ )* )? \"}\""`
}

// pList is [], [E, ... | T] and [E || Quals].
type pList struct {
	Lbrack lexer.Token `parser:"@\"[\""`
	Head   *pExpr      `parser:"( @@"`
	Quals  []*pQual    `parser:"  ( \"||\" @@ ( \",\" @@ )*"`
	Elems  []*pExpr    `parser:"  | ( \",\" @@ )+ ( \"|\""`
	Tail   *pExpr      `parser:"    @@ )?"`
	Tail1  *pExpr      `parser:"  | \"|\" @@ )? )? \"]\""`
}

// pBinary is <<>>, <<Elem, ...>> and the comprehension << Head || Quals >>
// (erl_parse's binary and binary_comprehension).
type pBinary struct {
	Lbin  lexer.Token `parser:"@\"<<\""`
	Head  *pBinElem   `parser:"( @@"`
	Quals []*pQual    `parser:"  ( \"||\" @@ ( \",\" @@ )* )?"`
	Elems []*pBinElem `parser:"  ( \",\" @@ )* )?"`
	Rbin  lexer.Token `parser:"@\">>\""`
}

// pBinElem is a segment: [PrefixOp] Value [:Size] [/Type-Type...].
type pBinElem struct {
	Op    *pUnaryOp    `parser:"@@?"`
	X     *pPrimary    `parser:"@@"`
	Colon *lexer.Token `parser:"( @\":\""`
	Size  *pPrimary    `parser:"  @@ )?"`
	Slash *lexer.Token `parser:"( @\"/\""`
	Types []*pBinType  `parser:"  @@ ( \"-\" @@ )* )?"`
}

// pBinType is a type specifier: an atom, or unit:N.
type pBinType struct {
	Name lexer.Token  `parser:"@Atom"`
	Unit *lexer.Token `parser:"( \":\" @Int )?"`
}

// pQual is a generator Pattern <- List, a bitstring generator
// Pattern <= Bitstring, or a filter.
type pQual struct {
	X     *pExpr       `parser:"@@"`
	Arrow *lexer.Token `parser:"( @( \"<-\" | \"<=\" )"`
	List  *pExpr       `parser:"  @@ )?"`
}

type pBegin struct {
	Begin lexer.Token `parser:"@\"begin\""`
	Body  []*pExpr    `parser:"@@ ( \",\" @@ )* \"end\""`
}

type pIf struct {
	If      lexer.Token  `parser:"@\"if\""`
	Clauses []*pIfClause `parser:"@@ ( \";\" @@ )* \"end\""`
}

type pIfClause struct {
	Guard *pGuard  `parser:"@@"`
	Body  []*pExpr `parser:"\"->\" @@ ( \",\" @@ )*"`
}

type pCase struct {
	Case    lexer.Token    `parser:"@\"case\""`
	Expr    *pExpr         `parser:"@@ \"of\""`
	Clauses []*pCaseClause `parser:"@@ ( \";\" @@ )* \"end\""`
}

type pCaseClause struct {
	Pattern *pExpr   `parser:"@@"`
	Guard   *pGuard  `parser:"( \"when\" @@ )?"`
	Body    []*pExpr `parser:"\"->\" @@ ( \",\" @@ )*"`
}

type pReceive struct {
	Receive   lexer.Token    `parser:"@\"receive\""`
	Clauses   []*pCaseClause `parser:"( @@ ( \";\" @@ )* )?"`
	After     *pExpr         `parser:"( \"after\" @@"`
	AfterBody []*pExpr       `parser:"  \"->\" @@ ( \",\" @@ )* )?"`
	End       lexer.Token    `parser:"@\"end\""`
}

// pFun is fun Clauses end, fun Name(...) -> ... end (a named fun) or
// fun [M:]F/A. The alternatives are told apart by their first token after
// 'fun', so that the grammar needs no backtracking.
type pFun struct {
	Fun       lexer.Token        `parser:"@\"fun\""`
	Clauses   []*pFunClause      `parser:"(  @@ ( \";\" @@ )* \"end\""`
	Var       *lexer.Token       `parser:" | @Var"`
	VarRef    *pFunRefRest       `parser:"   (  @@"`
	Named     *pFunClause        `parser:"    | @@"`
	NamedMore []*pNamedFunClause `parser:"      ( \";\" @@ )* \"end\" )"`
	Ref       *pFunRef           `parser:" | @@ )"`
}

// pFunClause is (Params) when Guard -> Body.
type pFunClause struct {
	Lparen lexer.Token `parser:"@\"(\""`
	Params []*pExpr    `parser:"( @@ ( \",\" @@ )* )? \")\""`
	Guard  *pGuard     `parser:"( \"when\" @@ )?"`
	Body   []*pExpr    `parser:"\"->\" @@ ( \",\" @@ )*"`
}

// pNamedFunClause is a later clause of a named fun: Name(Params) -> Body.
type pNamedFunClause struct {
	Name   lexer.Token `parser:"@Var"`
	Clause *pFunClause `parser:"@@"`
}

// pFunRefRest is the :F/A of fun M:F/A when M is a variable.
type pFunRefRest struct {
	Colon lexer.Token `parser:"@\":\""`
	B     lexer.Token `parser:"@( Atom | Var )"`
	Arity lexer.Token `parser:"\"/\" @( Int | Var )"`
}

// pFunRef is fun F/A or fun M:F/A when M is an atom.
type pFunRef struct {
	A     lexer.Token  `parser:"@Atom"`
	Colon *lexer.Token `parser:"( @\":\""`
	B     *lexer.Token `parser:"  @( Atom | Var ) )?"`
	Arity lexer.Token  `parser:"\"/\" @( Int | Var )"`
}

type pTry struct {
	Try          lexer.Token     `parser:"@\"try\""`
	Body         []*pExpr        `parser:"@@ ( \",\" @@ )*"`
	OfClauses    []*pCaseClause  `parser:"( \"of\" @@ ( \";\" @@ )* )?"`
	Catch        *lexer.Token    `parser:"( @\"catch\""`
	CatchClauses []*pCatchClause `parser:"  @@ ( \";\" @@ )* )?"`
	After        *lexer.Token    `parser:"( @\"after\""`
	AfterBody    []*pExpr        `parser:"  @@ ( \",\" @@ )* )?"`
	End          lexer.Token     `parser:"@\"end\""`
}

// pCatchClause is [Class:]Reason[:Stack] [when Guard] -> Body. The
// Class:Reason part parses as a remote expression without arguments and is
// taken apart when lowered.
type pCatchClause struct {
	Pattern *pExpr       `parser:"@@"`
	Stack   *lexer.Token `parser:"( \":\" @Var )?"`
	Guard   *pGuard      `parser:"( \"when\" @@ )?"`
	Body    []*pExpr     `parser:"\"->\" @@ ( \",\" @@ )*"`
}

// pTerm is a term or expression on its own (a flag value), with an
// optional final dot.
type pTerm struct {
	X *pExpr `parser:"@@ Dot?"`
}

// pStrings is adjacent string literals, joined into one.
type pStrings struct {
	Pos   lexer.Position
	Parts []string `parser:"@String+"`
}

// pPrefix is one 'catch' of catch Expr.
type pPrefix struct {
	Tok lexer.Token `parser:"@\"catch\""`
}

// pUnaryOp is one prefix operator.
type pUnaryOp struct {
	Tok lexer.Token `parser:"@( \"+\" | \"-\" | \"bnot\" | \"not\" )"`
}
