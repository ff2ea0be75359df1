package ast

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mcgo-dev/mcgo/lang/token"
)

// Fprint writes a stable, indented dump of the tree rooted at n: one node
// per line, two spaces of indentation per level, each node followed by its
// position as line:col ("-" when it has none). Lists of children that a
// node has several of (parameters, guard, body...) are introduced by a
// labelled line. The output depends only on the tree and the positions, so
// golden tests and `mcgo parse --dump` can compare it byte for byte.
// fs may be nil; positions then print as "-".
func Fprint(w io.Writer, fs *token.FileSet, n Node) {
	p := &printer{w: w, fs: fs}
	p.node(n, 0)
}

type printer struct {
	w  io.Writer
	fs *token.FileSet
}

func (p *printer) pos(x token.Pos) string {
	if p.fs == nil || !x.IsValid() {
		return "-"
	}
	pos := p.fs.Position(x)
	if !pos.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%d:%d", pos.Line, pos.Col)
}

func (p *printer) line(depth int, format string, args ...any) {
	fmt.Fprintf(p.w, "%s%s\n", strings.Repeat("  ", depth), fmt.Sprintf(format, args...))
}

func (p *printer) exprs(depth int, label string, es []Expr) {
	p.line(depth, "%s:", label)
	for _, e := range es {
		p.node(e, depth+1)
	}
}

func (p *printer) guard(depth int, g Guard) {
	if g == nil {
		return
	}
	p.line(depth, "Guard:")
	for _, alt := range g {
		p.line(depth+1, "Alt:")
		for _, e := range alt {
			p.node(e, depth+2)
		}
	}
}

func (p *printer) recordFields(d int, fs []*RecordFieldValue) {
	for _, f := range fs {
		name := strconv.Quote(f.Name)
		if f.Wild {
			name = "_"
		}
		p.line(d, "Field %s %s", name, p.pos(f.NamePos))
		p.node(f.Value, d+1)
	}
}

func (p *printer) opt(depth int, label string, e Expr) {
	if e == nil {
		return
	}
	p.line(depth, "%s:", label)
	p.node(e, depth+1)
}

func (p *printer) node(n Node, d int) {
	switch n := n.(type) {
	case nil:
		p.line(d, "<nil>")
	case *Module:
		p.line(d, "Module %s %s", strconv.Quote(n.Name), p.pos(n.NamePos))
		if len(n.Exports) > 0 {
			p.line(d+1, "Exports:")
			for _, f := range n.Exports {
				p.line(d+2, "%s/%d %s", strconv.Quote(f.Name), f.Arity, p.pos(f.NamePos))
			}
		}
		for _, a := range n.Attrs {
			p.node(a, d+1)
		}
		for _, f := range n.Funcs {
			p.node(f, d+1)
		}
		for _, r := range n.Records {
			p.node(r, d+1)
		}
	case *RecordDef:
		p.line(d, "RecordDef %s after %d functions %s", strconv.Quote(n.Name), n.FuncsBefore, p.pos(n.NamePos))
		for _, f := range n.Fields {
			p.line(d+1, "Field %s %s", strconv.Quote(f.Name), p.pos(f.NamePos))
			p.opt(d+2, "Default", f.Default)
		}
	case *Record:
		p.line(d, "Record %s %s", strconv.Quote(n.Name), p.pos(n.HashPos))
		p.opt(d+1, "Expr", n.Expr)
		p.recordFields(d+1, n.Fields)
	case *RecordAccess:
		p.line(d, "RecordAccess %s.%s %s", strconv.Quote(n.Name), strconv.Quote(n.Field), p.pos(n.HashPos))
		p.node(n.Expr, d+1)
	case *RecordIndex:
		p.line(d, "RecordIndex %s.%s %s", strconv.Quote(n.Name), strconv.Quote(n.Field), p.pos(n.HashPos))
	case *Attribute:
		after := ""
		if n.AfterFuncs {
			after = " after-functions"
		}
		if n.Value == nil {
			p.line(d, "Attribute %s (skipped)%s %s", strconv.Quote(n.Name), after, p.pos(n.NamePos))
			return
		}
		p.line(d, "Attribute %s%s %s", strconv.Quote(n.Name), after, p.pos(n.NamePos))
		p.node(n.Value, d+1)
	case *Function:
		p.line(d, "Function %s/%d %s", strconv.Quote(n.Name), n.Arity, p.pos(n.NamePos))
		for _, c := range n.Clauses {
			p.node(c, d+1)
		}
	case *Clause:
		p.line(d, "Clause %s", p.pos(n.ClausePos))
		p.exprs(d+1, "Params", n.Params)
		p.guard(d+1, n.Guard)
		p.exprs(d+1, "Body", n.Body)
	case *CaseClause:
		p.line(d, "CaseClause %s", p.pos(n.ClausePos))
		p.opt(d+1, "Pattern", n.Pattern)
		p.guard(d+1, n.Guard)
		p.exprs(d+1, "Body", n.Body)
	case *CatchClause:
		p.line(d, "CatchClause %s", p.pos(n.ClausePos))
		p.opt(d+1, "Class", n.Class)
		p.opt(d+1, "Reason", n.Reason)
		p.opt(d+1, "Stack", n.Stack)
		p.guard(d+1, n.Guard)
		p.exprs(d+1, "Body", n.Body)
	case *Atom:
		p.line(d, "Atom %s %s", strconv.Quote(n.Name), p.pos(n.NamePos))
	case *Int:
		p.line(d, "Int %d %s", n.Value, p.pos(n.ValuePos))
	case *Float:
		f := strconv.FormatFloat(n.Value, 'g', -1, 64)
		if !strings.ContainsAny(f, ".e") {
			f += ".0"
		}
		p.line(d, "Float %s %s", f, p.pos(n.ValuePos))
	case *String:
		p.line(d, "String %s %s", strconv.Quote(n.Value), p.pos(n.ValuePos))
	case *Var:
		p.line(d, "Var %s %s", n.Name, p.pos(n.NamePos))
	case *Tuple:
		p.line(d, "Tuple %s", p.pos(n.Lbrace))
		for _, e := range n.Elems {
			p.node(e, d+1)
		}
	case *Map:
		p.line(d, "Map %s", p.pos(n.Hash))
		p.opt(d+1, "Base", n.Base)
		for _, f := range n.Fields {
			op := "=>"
			if f.Exact {
				op = ":="
			}
			p.line(d+1, "Field %s %s", op, p.pos(f.OpPos))
			p.node(f.Key, d+2)
			p.node(f.Value, d+2)
		}
	case *List:
		p.line(d, "List %s", p.pos(n.Lbrack))
		for _, e := range n.Elems {
			p.node(e, d+1)
		}
		p.opt(d+1, "Tail", n.Tail)
	case *Match:
		p.line(d, "Match %s", p.pos(n.OpPos))
		p.node(n.Left, d+1)
		p.node(n.Right, d+1)
	case *Send:
		p.line(d, "Send %s", p.pos(n.OpPos))
		p.node(n.To, d+1)
		p.node(n.Msg, d+1)
	case *BinaryOp:
		p.line(d, "BinaryOp %s %s", strconv.Quote(n.Op), p.pos(n.OpPos))
		p.node(n.X, d+1)
		p.node(n.Y, d+1)
	case *UnaryOp:
		p.line(d, "UnaryOp %s %s", strconv.Quote(n.Op), p.pos(n.OpPos))
		p.node(n.X, d+1)
	case *Call:
		p.line(d, "Call %s", p.pos(n.Lparen))
		p.opt(d+1, "Module", n.Module)
		p.opt(d+1, "Fun", n.Fun)
		p.exprs(d+1, "Args", n.Args)
	case *Case:
		p.line(d, "Case %s", p.pos(n.CasePos))
		p.node(n.Expr, d+1)
		for _, c := range n.Clauses {
			p.node(c, d+1)
		}
	case *If:
		p.line(d, "If %s", p.pos(n.IfPos))
		for _, c := range n.Clauses {
			p.node(c, d+1)
		}
	case *Receive:
		p.line(d, "Receive %s", p.pos(n.ReceivePos))
		for _, c := range n.Clauses {
			p.node(c, d+1)
		}
		if n.After != nil {
			p.opt(d+1, "After", n.After)
			p.exprs(d+1, "AfterBody", n.AfterBody)
		}
	case *Fun:
		if n.Name != "" {
			p.line(d, "Fun %s %s", n.Name, p.pos(n.FunPos))
		} else {
			p.line(d, "Fun %s", p.pos(n.FunPos))
		}
		for _, c := range n.Clauses {
			p.node(c, d+1)
		}
	case *FunRef:
		p.line(d, "FunRef %s", p.pos(n.FunPos))
		p.opt(d+1, "Module", n.Module)
		p.opt(d+1, "Name", n.Name)
		p.opt(d+1, "Arity", n.Arity)
	case *Block:
		p.line(d, "Block %s", p.pos(n.BeginPos))
		for _, e := range n.Body {
			p.node(e, d+1)
		}
	case *Catch:
		p.line(d, "Catch %s", p.pos(n.CatchPos))
		p.node(n.X, d+1)
	case *Try:
		p.line(d, "Try %s", p.pos(n.TryPos))
		p.exprs(d+1, "Body", n.Body)
		if len(n.OfClauses) > 0 {
			p.line(d+1, "Of:")
			for _, c := range n.OfClauses {
				p.node(c, d+2)
			}
		}
		if len(n.CatchClauses) > 0 {
			p.line(d+1, "Catch:")
			for _, c := range n.CatchClauses {
				p.node(c, d+2)
			}
		}
		if len(n.After) > 0 {
			p.exprs(d+1, "After", n.After)
		}
	case *ListComp:
		p.line(d, "ListComp %s", p.pos(n.Lbrack))
		p.node(n.Head, d+1)
		for _, q := range n.Quals {
			p.node(q, d+1)
		}
	case *Bin:
		p.line(d, "Bin %s", p.pos(n.Lbin))
		for _, sg := range n.Segs {
			p.line(d+1, "Segment")
			p.node(sg.Value, d+2)
			p.opt(d+2, "Size", sg.Size)
			for _, t := range sg.Types {
				if t.Name == "unit" {
					p.line(d+2, "Type unit:%d %s", t.Unit, p.pos(t.NamePos))
				} else {
					p.line(d+2, "Type %s %s", t.Name, p.pos(t.NamePos))
				}
			}
		}
	case *BinComp:
		p.line(d, "BinComp %s", p.pos(n.Lbin))
		p.node(n.Head, d+1)
		for _, q := range n.Quals {
			p.node(q, d+1)
		}
	case *Generator:
		if n.Bits {
			p.line(d, "BitsGenerator %s", p.pos(n.Arrow))
			p.node(n.Pattern, d+1)
			p.node(n.List, d+1)
			return
		}
		p.line(d, "Generator %s", p.pos(n.Arrow))
		p.node(n.Pattern, d+1)
		p.node(n.List, d+1)
	case *Filter:
		p.line(d, "Filter")
		p.node(n.X, d+1)
	default:
		p.line(d, "%T", n)
	}
}
