package lang

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// Check lints a parsed module in the manner of erlc's erl_lint, with erlc's
// wording: unbound and unsafe variables, undefined functions and wrong
// arities, exports of functions that do not exist, duplicate definitions,
// illegal patterns and guard expressions, attributes after the first
// function; and warnings: unused variables and functions, shadowed
// variables in fun heads and generators, and atoms naming nodes (they
// contain '@') that are not among c's nodes. c may be nil: the node warning
// is then not given and the initial function is not known.
//
// The result is sorted, with at most one error and one warning per line.
// A -compile attribute with nowarn_unused_vars, nowarn_unused_function or
// export_all has the effect it has on erlc.
func Check(fs *token.FileSet, m *ast.Module, c *Config) token.ErrorList {
	return check(fs, m, c, nil)
}

type funcKey struct {
	name  string
	arity int
}

func (k funcKey) String() string { return fmt.Sprintf("%s/%d", k.name, k.arity) }

type checker struct {
	fs     *token.FileSet
	m      *ast.Module
	c      *Config
	errs   token.ErrorList
	funcs  map[funcKey]*ast.Function
	broken map[string]bool
	nodes  map[string]bool

	nowarnVars, nowarnFuncs, exportAll bool

	// Records (records.go): the first definition of each name, the names
	// used, the function being checked (a record is defined for the
	// functions after it), and whether record definitions are being checked.
	nowarnRecords, nowarnExportAll bool
	exportAllPos                   token.Pos
	records                        map[string]*ast.RecordDef
	recordUsed                     map[string]bool
	funcIdx                        int
	inRecordDefs                   bool

	calls    map[funcKey][]funcKey // call graph, for unused functions
	cur      funcKey
	bindings []*binding // bindings of the current function clause
}

// binding is one place where a variable gets bound.
type binding struct {
	name string
	pos  token.Pos
	used bool
}

// varState is what a scope knows of a variable: the bindings that may
// have bound it (several after a case whose clauses all bind it) and, if
// it is unsafe, where it was bound in only some branches.
type varState struct {
	bs        []*binding
	unsafe    string
	unsafePos token.Pos
}

type scope map[string]*varState

func (s scope) clone() scope {
	d := make(scope, len(s))
	for k, v := range s {
		d[k] = v
	}
	return d
}

func check(fs *token.FileSet, m *ast.Module, c *Config, broken map[string]bool) token.ErrorList {
	k := &checker{fs: fs, m: m, c: c, funcs: map[funcKey]*ast.Function{}, broken: broken, calls: map[funcKey][]funcKey{}}
	if c != nil {
		k.nodes = map[string]bool{}
		for _, n := range c.Nodes {
			k.nodes[n] = true
		}
	}
	if m.Name == "" && !m.NamePos.IsValid() {
		k.errorf(m.File, "no module definition")
	}
	k.compileOptions()
	k.attributes()
	k.definitions()
	k.exports()
	k.configFunctions()
	k.recordDefs()
	for i, f := range m.Funcs {
		k.funcIdx = i
		k.function(f)
	}
	k.unusedFunctions()
	k.unusedRecords()
	k.errs.RemoveMultiples()
	return k.errs
}

func (k *checker) errorf(p token.Pos, format string, args ...any) {
	k.errs.Addf(k.fs.Position(p), format, args...)
}

func (k *checker) warnf(p token.Pos, format string, args ...any) {
	k.errs.Warnf(k.fs.Position(p), format, args...)
}

// compileOptions reads -compile attributes for the options that change
// what erlc reports.
func (k *checker) compileOptions() {
	for _, a := range k.m.Attrs {
		if a.Name != "compile" || a.Value == nil {
			continue
		}
		opts := []ast.Expr{a.Value}
		if l, ok := a.Value.(*ast.List); ok {
			opts = l.Elems
		}
		for _, o := range opts {
			if t, ok := o.(*ast.Tuple); ok && len(t.Elems) == 2 {
				// OTP's eunit.hrl has -compile({parse_transform,
				// eunit_autoexport}): mcgo runs no parse transform, and
				// ignores eunit's (they only export or strip tests); any
				// other may change the program, and is refused.
				if tag, _ := atomOf(t.Elems[0]); tag == "parse_transform" {
					if m, _ := atomOf(t.Elems[1]); m == "eunit_autoexport" || m == "eunit_striptests" {
						k.warnf(t.Pos(), "parse transform %s is ignored by mcgo", m)
					} else {
						k.errorf(t.Pos(), "parse transform %s is not supported by mcgo", exprText(t.Elems[1]))
					}
					continue
				}
			}
			switch name, _ := atomOf(o); name {
			case "nowarn_unused_vars":
				k.nowarnVars = true
			case "nowarn_unused_function":
				k.nowarnFuncs = true
			case "export_all":
				if !k.exportAll {
					k.exportAllPos = a.NamePos
				}
				k.exportAll = true
			case "nowarn_export_all":
				k.nowarnExportAll = true
			case "nowarn_unused_record":
				k.nowarnRecords = true
			}
		}
	}
	if k.exportAll && !k.nowarnExportAll {
		k.warnf(k.exportAllPos, "export_all flag enabled - all functions will be exported")
	}
}

// ExportAll reports whether m has -compile(export_all), alone or in a list
// of options: erlc then exports every function of the module.
func ExportAll(m *ast.Module) bool {
	for _, a := range m.Attrs {
		if a.Name != "compile" || a.Value == nil {
			continue
		}
		opts := []ast.Expr{a.Value}
		if l, ok := a.Value.(*ast.List); ok {
			opts = l.Elems
		}
		for _, o := range opts {
			if name, _ := atomOf(o); name == "export_all" {
				return true
			}
		}
	}
	return false
}

// afterFuncsAllowed are the attributes erl_lint accepts after functions.
var afterFuncsAllowed = map[string]bool{"spec": true, "type": true, "opaque": true, "callback": true, "dialyzer": true, "record": true}

func (k *checker) attributes() {
	for _, a := range k.m.Attrs {
		if a.AfterFuncs && !afterFuncsAllowed[a.Name] {
			k.errorf(a.NamePos, "attribute %s after function definitions", a.Name)
		}
	}
}

func (k *checker) definitions() {
	for _, f := range k.m.Funcs {
		key := funcKey{f.Name, f.Arity}
		if first, dup := k.funcs[key]; dup {
			k.errs = append(k.errs, &token.Error{
				Pos:  k.fs.Position(f.NamePos),
				Msg:  fmt.Sprintf("function %s already defined", key),
				Also: []token.Related{{Pos: k.fs.Position(first.NamePos), Msg: "first defined"}},
			})
			continue
		}
		k.funcs[key] = f
	}
}

func (k *checker) defined(key funcKey) bool {
	_, ok := k.funcs[key]
	return ok || k.broken[key.name]
}

func (k *checker) exports() {
	for _, e := range k.m.Exports {
		key := funcKey{e.Name, e.Arity}
		if !k.defined(key) {
			k.errorf(e.NamePos, "function %s undefined", key)
		}
	}
}

// configFunctions checks that the functions the configuration names exist.
func (k *checker) configFunctions() {
	if k.c == nil {
		return
	}
	if p, ok := k.c.KeyPos["init"]; ok && p.Filename == k.fs.Position(k.m.File).Filename && k.c.Init.Module == k.m.Name {
		key := funcKey{k.c.Init.Function, len(k.c.Init.Args)}
		if !k.defined(key) {
			k.errs.Addf(p, "function %s undefined", key)
		}
	}
	for _, f := range k.c.EndStates {
		key := funcKey{f.Name, f.Arity}
		if f.Module != "" && f.Module != k.m.Name {
			continue // another module's: checked when the model is compiled
		}
		if f.NamePos.IsValid() && !k.defined(key) {
			k.errorf(f.NamePos, "function %s undefined", key)
		}
	}
}

// unusedFunctions warns about functions that cannot be reached from the
// exports (and the initial call), as erl_lint does.
func (k *checker) unusedFunctions() {
	if k.nowarnFuncs || k.exportAll {
		return
	}
	reached := map[funcKey]bool{}
	var visit func(funcKey)
	visit = func(f funcKey) {
		if reached[f] {
			return
		}
		reached[f] = true
		for _, g := range k.calls[f] {
			visit(g)
		}
	}
	for _, e := range k.m.Exports {
		visit(funcKey{e.Name, e.Arity})
	}
	if k.c != nil && k.c.Init.Module == k.m.Name {
		visit(funcKey{k.c.Init.Function, len(k.c.Init.Args)})
	}
	seen := map[funcKey]bool{}
	for _, f := range k.m.Funcs {
		key := funcKey{f.Name, f.Arity}
		if seen[key] {
			continue
		}
		seen[key] = true
		if !reached[key] {
			k.warnf(f.NamePos, "function %s is unused", key)
		}
	}
}

func (k *checker) function(f *ast.Function) {
	k.cur = funcKey{f.Name, f.Arity}
	for _, cl := range f.Clauses {
		k.bindings = nil
		sc := scope{}
		seen := map[string]bool{}
		for _, p := range cl.Params {
			k.pattern(p, sc, "", seen)
		}
		k.guard(cl.Guard, sc)
		k.body(cl.Body, sc)
		k.reportUnused()
	}
}

func (k *checker) reportUnused() {
	if k.nowarnVars {
		return
	}
	for _, b := range k.bindings {
		if !b.used && !strings.HasPrefix(b.name, "_") {
			k.warnf(b.pos, "variable '%s' is unused", b.name)
		}
	}
}

func (k *checker) bind(v *ast.Var, sc scope) *varState {
	b := &binding{name: v.Name, pos: v.NamePos}
	k.bindings = append(k.bindings, b)
	st := &varState{bs: []*binding{b}}
	sc[v.Name] = st
	return st
}

func use(st *varState) {
	for _, b := range st.bs {
		b.used = true
	}
}

func (k *checker) unsafeError(v *ast.Var, st *varState) {
	p := k.fs.Position(st.unsafePos)
	k.errorf(v.NamePos, "variable '%s' unsafe in '%s' (line %d, column %d)", v.Name, st.unsafe, p.Line, p.Col)
}

// pattern checks a pattern and binds its new variables in sc. shadow is
// "'fun'" or "generate" where all variables of the pattern are new (fun
// heads, generators); seen holds the variables already bound by this
// pattern.
func (k *checker) pattern(p ast.Expr, sc scope, shadow string, seen map[string]bool) {
	switch x := p.(type) {
	case *ast.Var:
		if x.Name == "_" {
			return
		}
		st := sc[x.Name]
		switch {
		case seen[x.Name]:
			use(st)
		case shadow != "":
			if st != nil {
				k.warnf(x.NamePos, "variable '%s' shadowed in %s", x.Name, shadow)
			}
			k.bind(x, sc)
			seen[newInPattern+x.Name] = true
		case st == nil:
			k.bind(x, sc)
			seen[newInPattern+x.Name] = true
		case st.unsafe != "":
			k.unsafeError(x, st)
			use(st)
			sc[x.Name] = &varState{bs: st.bs}
		default:
			use(st)
		}
		seen[x.Name] = true
	case *ast.Atom:
		k.atom(x)
	case *ast.Int, *ast.Float, *ast.String:
	case *ast.Tuple:
		for _, e := range x.Elems {
			k.pattern(e, sc, shadow, seen)
		}
	case *ast.List:
		for _, e := range x.Elems {
			k.pattern(e, sc, shadow, seen)
		}
		if x.Tail != nil {
			k.pattern(x.Tail, sc, shadow, seen)
		}
	case *ast.Match:
		k.pattern(x.Left, sc, shadow, seen)
		k.pattern(x.Right, sc, shadow, seen)
	case *ast.Map:
		if x.Base != nil {
			k.errorf(x.Pos(), "illegal pattern")
			return
		}
		// A key is a guard expression of the variables bound before the
		// pattern (erl_lint's pattern_map), not of those the pattern binds.
		var before scope
		for _, f := range x.Fields {
			if !f.Exact {
				k.errorf(f.OpPos, "illegal pattern")
				continue
			}
			if before == nil {
				before = sc.clone()
				for n := range seen {
					if v, ok := strings.CutPrefix(n, newInPattern); ok {
						delete(before, v)
					}
				}
			}
			k.gexpr(f.Key, before)
			// A variable this pattern binds is unbound in a key, but erl_lint
			// still counts the use.
			guardVars(f.Key, func(v *ast.Var) {
				if seen[newInPattern+v.Name] && sc[v.Name] != nil {
					use(sc[v.Name])
				}
			})
			k.pattern(f.Value, sc, shadow, seen)
		}
	case *ast.BinaryOp:
		if x.Op == "++" {
			if _, ok := x.X.(*ast.String); ok {
				k.pattern(x.Y, sc, shadow, seen)
				return
			}
			if l, ok := x.X.(*ast.List); ok && l.Tail == nil && isLiteral(l) {
				k.pattern(x.Y, sc, shadow, seen)
				return
			}
		}
		if _, ok := constNum(x); !ok {
			k.errorf(x.Pos(), "illegal pattern")
		}
	case *ast.UnaryOp:
		if _, ok := constNum(x); !ok {
			k.errorf(x.Pos(), "illegal pattern")
		}
	case *ast.Record:
		if x.Expr != nil {
			k.errorf(x.HashPos, "illegal pattern")
			return
		}
		k.record(x, func(v ast.Expr) { k.pattern(v, sc, shadow, seen) })
	case *ast.RecordIndex:
		k.recordIndex(x)
	case *ast.RecordAccess:
		k.errorf(x.HashPos, "illegal pattern")
	case *ast.Bin:
		// A size may use the variables bound before the pattern and the
		// ones bound by earlier segments of this binary, not the ones that
		// other parts of the pattern bind.
		inBin := map[string]bool{}
		for i, sg := range x.Segs {
			view := sc
			if sg.Size != nil {
				view = sc.clone()
				for n := range sc {
					if seen[newInPattern+n] && !inBin[n] {
						delete(view, n)
					}
				}
			}
			ok := k.binSeg(sg, view, true, i == len(x.Segs)-1)
			if sg.Size != nil {
				// erlc counts a use even where it reports the variable.
				guardVars(sg.Size, func(v *ast.Var) {
					if st := sc[v.Name]; st != nil {
						use(st)
					}
				})
			}
			if !ok {
				continue
			}
			k.pattern(sg.Value, sc, shadow, seen)
			if v, ok := sg.Value.(*ast.Var); ok {
				inBin[v.Name] = true
			}
		}
	default:
		k.errorf(p.Pos(), "illegal pattern")
	}
}

// newInPattern prefixes, in a pattern's seen set, the variables that the
// pattern binds (not a variable name: those start with a capital or _).
const newInPattern = "+"

// guardVars calls f for each variable of a guard expression (a segment's
// size in a binary pattern is one).
func guardVars(e ast.Expr, f func(*ast.Var)) {
	switch x := e.(type) {
	case *ast.Var:
		f(x)
	case *ast.Tuple:
		for _, y := range x.Elems {
			guardVars(y, f)
		}
	case *ast.List:
		for _, y := range x.Elems {
			guardVars(y, f)
		}
		if x.Tail != nil {
			guardVars(x.Tail, f)
		}
	case *ast.BinaryOp:
		guardVars(x.X, f)
		guardVars(x.Y, f)
	case *ast.UnaryOp:
		guardVars(x.X, f)
	case *ast.Call:
		for _, y := range x.Args {
			guardVars(y, f)
		}
	case *ast.Map:
		if x.Base != nil {
			guardVars(x.Base, f)
		}
		for _, fl := range x.Fields {
			guardVars(fl.Key, f)
			guardVars(fl.Value, f)
		}
	}
}

// mapFields checks the fields of a map construction or update (gexpr or
// expr for each key and value): := only in an update, and erlc's warning
// for a literal key given twice.
func (k *checker) mapFields(x *ast.Map, sub func(ast.Expr)) {
	if x.Base != nil {
		sub(x.Base)
	}
	for i, f := range x.Fields {
		if f.Exact && x.Base == nil {
			k.errorf(f.OpPos, "only association operators '=>' are allowed in map construction")
		}
		sub(f.Key)
		sub(f.Value)
		if lit, ok := literalKey(f.Key); ok {
			for _, g := range x.Fields[i+1:] {
				if l2, ok := literalKey(g.Key); ok && l2 == lit {
					k.warnf(f.Key.Pos(), "key %s will be overridden in expression", lit)
					break
				}
			}
		}
	}
}

// literalKey is the text of a map key that is an atom or integer literal,
// as erl_lint prints it.
func literalKey(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.Atom:
		return "'" + quoteAtom(x.Name) + "'", true
	case *ast.Int:
		return fmt.Sprint(x.Value), true
	}
	return "", false
}

// binSeg checks a segment's type specifiers and its size, as erl_lint
// does; in a pattern (pat) the size is a guard expression over the
// variables bound so far. It reports false when the segment is in error.
func (k *checker) binSeg(sg *ast.BinSeg, sc scope, pat, last bool) bool {
	at := sg.Value.Pos()
	sp, msg := sg.Spec()
	if msg != "" {
		k.errorf(at, "%s", msg)
		return false
	}
	if _, isStr := sg.Value.(*ast.String); isStr && pat && (sg.Size != nil || len(sg.Types) > 0 && !strings.HasPrefix(sp.Type, "utf")) {
		k.errorf(at, "a literal string in a binary pattern must not have a type or a size")
		return false
	}
	if sp.UnitGiven && sg.Size == nil && sp.Type != "binary" {
		k.errorf(at, "a bit unit size must not be specified unless a size is specified too")
		return false
	}
	if pat && sg.Size == nil && sp.Type == "binary" && !last {
		k.errorf(at, "a binary field without size is only allowed at the end of a binary pattern")
		return false
	}
	if sg.Size != nil {
		if c, isCall := sg.Size.(*ast.Call); pat && isCall && c.Module == nil {
			if name, ok := atomOf(c.Fun); ok && !guardBIFs[funcKey{name, len(c.Args)}] {
				k.errorf(c.Pos(), "call to local/imported function %s/%d is illegal in a size expression for a binary segment", name, len(c.Args))
				return false
			}
		}
		if pat {
			k.gexpr(sg.Size, sc)
		} else {
			k.expr(sg.Size, sc)
		}
	}
	return true
}

// constNum reports whether e is a number expression erlc evaluates at
// compile time in a pattern (-1, 2+3, 1.5*2, 1/2), and whether its value
// is a float: the integer operators (div, rem, band, bnot...) take
// integers only.
func constNum(e ast.Expr) (isFloat, ok bool) {
	switch x := e.(type) {
	case *ast.Int:
		return false, true
	case *ast.Float:
		return true, true
	case *ast.UnaryOp:
		f, ok := constNum(x.X)
		switch x.Op {
		case "-", "+":
			return f, ok
		case "bnot":
			return false, ok && !f
		}
	case *ast.BinaryOp:
		f1, ok1 := constNum(x.X)
		f2, ok2 := constNum(x.Y)
		ok := ok1 && ok2
		switch x.Op {
		case "+", "-", "*":
			return f1 || f2, ok
		case "/":
			return true, ok
		case "div", "rem", "band", "bor", "bxor", "bsl", "bsr":
			return false, ok && !f1 && !f2
		}
	}
	return false, false
}

// guardBIFs are erl_internal:guard_bif/2 of OTP 25.
var guardBIFs = map[funcKey]bool{}

// autoImported are erl_internal:bif/2 of OTP 25: the functions a module
// can call without a module name.
var autoImported = map[funcKey]bool{}

func init() {
	for _, s := range strings.Fields(guardBIFList) {
		guardBIFs[parseFuncKey(s)] = true
	}
	for _, s := range strings.Fields(bifList) {
		autoImported[parseFuncKey(s)] = true
	}
}

func parseFuncKey(s string) funcKey {
	i := strings.LastIndexByte(s, '/')
	n := 0
	fmt.Sscan(s[i+1:], &n)
	return funcKey{s[:i], n}
}

// guardBIFList is erl_internal:guard_bif/2 and new_type_test/2 of OTP 25.
const guardBIFList = `abs/1 binary_part/2 binary_part/3 bit_size/1 byte_size/1 ceil/1 element/2 float/1 floor/1 hd/1
is_atom/1 is_binary/1 is_bitstring/1 is_boolean/1 is_float/1 is_function/1 is_function/2 is_integer/1 is_list/1
is_map/1 is_map_key/2 is_number/1 is_pid/1 is_port/1 is_record/2 is_record/3 is_reference/1 is_tuple/1 length/1
map_get/2 map_size/1 node/0 node/1 round/1 self/0 size/1 tl/1 trunc/1 tuple_size/1`

// bifList is erl_internal:bif/2 of OTP 25 (printed with
// erl -noshell -eval '[io:format("~s/~w ", [F,A]) || {F,A} <- erlang:module_info(exports), erl_internal:bif(F,A)]').
const bifList = `abs/1 alias/0 alias/1 apply/2 apply/3 atom_to_binary/1 atom_to_binary/2 atom_to_list/1 binary_part/2
binary_part/3 binary_to_atom/1 binary_to_atom/2 binary_to_existing_atom/1 binary_to_existing_atom/2 binary_to_float/1
binary_to_integer/1 binary_to_integer/2 binary_to_list/1 binary_to_list/3 binary_to_term/1 binary_to_term/2
bit_size/1 bitstring_to_list/1 byte_size/1 ceil/1 check_old_code/1 check_process_code/2 check_process_code/3 date/0
delete_module/1 demonitor/1 demonitor/2 disconnect_node/1 element/2 erase/0 erase/1 error/1 error/2 error/3 exit/1
exit/2 float/1 float_to_binary/1 float_to_binary/2 float_to_list/1 float_to_list/2 floor/1 garbage_collect/0
garbage_collect/1 garbage_collect/2 get/0 get/1 get_keys/0 get_keys/1 group_leader/0 group_leader/2 halt/0 halt/1
halt/2 hd/1 integer_to_binary/1 integer_to_binary/2 integer_to_list/1 integer_to_list/2 iolist_size/1
iolist_to_binary/1 is_alive/0 is_atom/1 is_binary/1 is_bitstring/1 is_boolean/1 is_float/1 is_function/1
is_function/2 is_integer/1 is_list/1 is_map/1 is_map_key/2 is_number/1 is_pid/1 is_port/1 is_process_alive/1
is_record/2 is_record/3 is_reference/1 is_tuple/1 length/1 link/1 list_to_atom/1 list_to_binary/1
list_to_bitstring/1 list_to_existing_atom/1 list_to_float/1 list_to_integer/1 list_to_integer/2 list_to_pid/1
list_to_port/1 list_to_ref/1 list_to_tuple/1 load_module/2 make_ref/0 map_get/2 map_size/1 max/2 min/2
module_loaded/1 monitor/2 monitor/3 monitor_node/2 node/0 node/1 nodes/0 nodes/1 nodes/2 now/0 open_port/2
pid_to_list/1 port_close/1 port_command/2 port_command/3 port_connect/2 port_control/3 port_to_list/1 pre_loaded/0
process_flag/2 process_flag/3 process_info/1 process_info/2 processes/0 purge_module/1 put/2 ref_to_list/1
register/2 registered/0 round/1 self/0 setelement/3 size/1 spawn/1 spawn/2 spawn/3 spawn/4 spawn_link/1
spawn_link/2 spawn_link/3 spawn_link/4 spawn_monitor/1 spawn_monitor/2 spawn_monitor/3 spawn_monitor/4
spawn_opt/2 spawn_opt/3 spawn_opt/4 spawn_opt/5 spawn_request/1 spawn_request/2 spawn_request/3 spawn_request/4
spawn_request/5 spawn_request_abandon/1 split_binary/2 statistics/1 term_to_binary/1 term_to_binary/2
term_to_iovec/1 term_to_iovec/2 throw/1 time/0 tl/1 trunc/1 tuple_size/1 tuple_to_list/1 unalias/1 unlink/1
unregister/1 whereis/1`

// guardOps are the operators allowed in guards (erl_internal's arith_op,
// comp_op and bool_op, and andalso/orelse).
var guardOps = map[string]bool{
	"+": true, "-": true, "*": true, "/": true, "div": true, "rem": true, "band": true, "bor": true,
	"bxor": true, "bsl": true, "bsr": true, "bnot": true, "==": true, "/=": true, "=<": true, "<": true,
	">=": true, ">": true, "=:=": true, "=/=": true, "and": true, "or": true, "xor": true, "not": true,
	"andalso": true, "orelse": true,
}

func (k *checker) guard(g ast.Guard, sc scope) {
	for _, alt := range g {
		for _, t := range alt {
			k.gexpr(t, sc)
		}
	}
}

// gexpr checks a guard expression: only guard BIFs, type tests, operators,
// constants, variables, tuples and lists.
func (k *checker) gexpr(e ast.Expr, sc scope) {
	switch x := e.(type) {
	case *ast.Var:
		k.useVar(x, sc)
	case *ast.Atom:
		k.atom(x)
	case *ast.Int, *ast.Float, *ast.String:
	case *ast.Tuple:
		for _, y := range x.Elems {
			k.gexpr(y, sc)
		}
	case *ast.List:
		for _, y := range x.Elems {
			k.gexpr(y, sc)
		}
		if x.Tail != nil {
			k.gexpr(x.Tail, sc)
		}
	case *ast.Map:
		k.mapFields(x, func(e ast.Expr) { k.gexpr(e, sc) })
	case *ast.BinaryOp:
		if !guardOps[x.Op] {
			k.errorf(x.OpPos, "illegal guard expression")
		}
		k.gexpr(x.X, sc)
		k.gexpr(x.Y, sc)
	case *ast.UnaryOp:
		if !guardOps[x.Op] {
			k.errorf(x.OpPos, "illegal guard expression")
		}
		k.gexpr(x.X, sc)
	case *ast.Bin:
		for _, sg := range x.Segs {
			k.gexpr(sg.Value, sc)
			k.binSeg(sg, sc, false, false)
		}
	case *ast.Call:
		name, ok := atomOf(x.Fun)
		key := funcKey{name, len(x.Args)}
		if x.Module != nil {
			if m, isAtom := atomOf(x.Module); !isAtom || m != "erlang" {
				ok = false
			}
		}
		if !ok || !guardBIFs[key] {
			k.errorf(x.Pos(), "illegal guard expression")
		}
		if isRecordInfo(x) {
			return
		}
		k.recordTest(x)
		for _, a := range x.Args {
			k.gexpr(a, sc)
		}
	case *ast.Record:
		if x.Expr != nil {
			k.errorf(x.HashPos, "illegal guard expression")
			k.gexpr(x.Expr, sc)
		}
		k.record(x, func(v ast.Expr) { k.gexpr(v, sc) })
		k.guardDefaults(x)
	case *ast.RecordAccess:
		k.gexpr(x.Expr, sc)
		k.recordAccess(x)
	case *ast.RecordIndex:
		k.recordIndex(x)
	default:
		k.errorf(e.Pos(), "illegal guard expression")
		// Still count the variables it uses.
		k.expr(e, sc.clone())
	}
}

func (k *checker) useVar(v *ast.Var, sc scope) {
	if v.Name == "_" {
		k.errorf(v.NamePos, "variable '_' is unbound")
		return
	}
	st := sc[v.Name]
	switch {
	case st == nil:
		k.errorf(v.NamePos, "variable '%s' is unbound", v.Name)
		// Bind it quietly so that later uses are not reported again.
		sc[v.Name] = &varState{bs: []*binding{{name: v.Name, pos: v.NamePos, used: true}}}
	case st.unsafe != "":
		k.unsafeError(v, st)
		use(st)
	default:
		use(st)
	}
}

// atom warns about node names that are not configured nodes.
func (k *checker) atom(a *ast.Atom) {
	if k.nodes == nil || !strings.Contains(a.Name, "@") || k.nodes[a.Name] {
		return
	}
	k.warnf(a.NamePos, "node '%s' is not among the configured nodes", a.Name)
}

func (k *checker) body(es []ast.Expr, sc scope) {
	for _, e := range es {
		k.expr(e, sc)
	}
}

// newVars returns the variables bound in after that are not bound in
// before, sorted.
func newVars(before, after scope) []string {
	var out []string
	for n, st := range after {
		if b, ok := before[n]; !ok || (b != st && b.unsafe != "" && st.unsafe == "") {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// markUnsafe makes the variables bound in inner but not in sc unsafe in sc.
func (k *checker) markUnsafe(sc, inner scope, where string, pos token.Pos) {
	for _, n := range newVars(sc, inner) {
		sc[n] = &varState{bs: inner[n].bs, unsafe: where, unsafePos: pos}
	}
}

// merge joins the scopes of the branches of a case, if or receive:
// variables bound in every branch are bound after it, those bound in only
// some are unsafe.
func (k *checker) merge(sc scope, branches []scope, where string, pos token.Pos) {
	names := map[string]bool{}
	for _, br := range branches {
		for _, n := range newVars(sc, br) {
			names[n] = true
		}
	}
	var sorted []string
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		var bs []*binding
		safe := true
		for _, br := range branches {
			st := br[n]
			if st == nil || st.unsafe != "" {
				safe = false
			}
			if st != nil {
				for _, b := range st.bs {
					if !containsBinding(bs, b) {
						bs = append(bs, b)
					}
				}
			}
		}
		if safe {
			sc[n] = &varState{bs: bs}
		} else {
			sc[n] = &varState{bs: bs, unsafe: where, unsafePos: pos}
		}
	}
}

func containsBinding(bs []*binding, b *binding) bool {
	for _, x := range bs {
		if x == b {
			return true
		}
	}
	return false
}

func (k *checker) caseClause(c *ast.CaseClause, sc scope) scope {
	br := sc.clone()
	if c.Pattern != nil {
		k.pattern(c.Pattern, br, "", map[string]bool{})
	}
	k.guard(c.Guard, br)
	k.body(c.Body, br)
	return br
}

func (k *checker) expr(e ast.Expr, sc scope) {
	switch x := e.(type) {
	case *ast.Var:
		k.useVar(x, sc)
	case *ast.Atom:
		k.atom(x)
	case *ast.Int, *ast.Float, *ast.String:
	case *ast.Tuple:
		k.body(x.Elems, sc)
	case *ast.List:
		k.body(x.Elems, sc)
		if x.Tail != nil {
			k.expr(x.Tail, sc)
		}
	case *ast.Map:
		k.mapFields(x, func(e ast.Expr) { k.expr(e, sc) })
	case *ast.Match:
		k.expr(x.Right, sc)
		k.pattern(x.Left, sc, "", map[string]bool{})
	case *ast.Send:
		k.expr(x.To, sc)
		k.expr(x.Msg, sc)
	case *ast.BinaryOp:
		k.expr(x.X, sc)
		if x.Op == "andalso" || x.Op == "orelse" {
			inner := sc.clone()
			k.expr(x.Y, inner)
			k.markUnsafe(sc, inner, x.Op, x.OpPos)
			return
		}
		k.expr(x.Y, sc)
	case *ast.UnaryOp:
		k.expr(x.X, sc)
	case *ast.Call:
		if isRecordInfo(x) {
			k.recordInfo(x)
			return
		}
		k.recordTest(x)
		k.call(x, sc)
	case *ast.Record:
		if x.Expr != nil {
			k.expr(x.Expr, sc)
		}
		k.record(x, func(v ast.Expr) { k.expr(v, sc) })
	case *ast.RecordAccess:
		k.expr(x.Expr, sc)
		k.recordAccess(x)
	case *ast.RecordIndex:
		k.recordIndex(x)
	case *ast.Case:
		k.expr(x.Expr, sc)
		var brs []scope
		for _, c := range x.Clauses {
			brs = append(brs, k.caseClause(c, sc))
		}
		k.merge(sc, brs, "case", x.CasePos)
	case *ast.If:
		var brs []scope
		for _, c := range x.Clauses {
			brs = append(brs, k.caseClause(c, sc))
		}
		k.merge(sc, brs, "if", x.IfPos)
	case *ast.Receive:
		var brs []scope
		for _, c := range x.Clauses {
			brs = append(brs, k.caseClause(c, sc))
		}
		if x.After != nil {
			k.expr(x.After, sc)
			br := sc.clone()
			k.body(x.AfterBody, br)
			brs = append(brs, br)
		}
		k.merge(sc, brs, "receive", x.ReceivePos)
	case *ast.Fun:
		for _, c := range x.Clauses {
			br := sc.clone()
			if x.Name != "" {
				st := k.bind(&ast.Var{NamePos: x.FunPos, Name: x.Name}, br)
				use(st)
			}
			seen := map[string]bool{}
			for _, p := range c.Params {
				k.pattern(p, br, "'fun'", seen)
			}
			k.guard(c.Guard, br)
			k.body(c.Body, br)
		}
	case *ast.FunRef:
		if x.Module == nil {
			name, ok1 := atomOf(x.Name)
			arity, ok2 := intOf(x.Arity)
			if ok1 && ok2 {
				key := funcKey{name, int(arity)}
				k.calls[k.cur] = append(k.calls[k.cur], key)
				// fun length/1 names the auto-imported BIF, as erlc has it.
				if _, local := k.funcs[key]; !local && autoImported[key] {
					return
				}
				if !k.defined(key) {
					k.errorf(x.Name.Pos(), "function %s undefined", key)
				}
			}
			return
		}
		k.expr(x.Module, sc)
		k.expr(x.Name, sc)
		k.expr(x.Arity, sc)
	case *ast.Block:
		k.body(x.Body, sc)
	case *ast.Catch:
		inner := sc.clone()
		k.expr(x.X, inner)
		k.markUnsafe(sc, inner, "catch", x.CatchPos)
	case *ast.Try:
		k.try(x, sc)
	case *ast.ListComp:
		k.comprehension(x.Quals, x.Head, sc)
	case *ast.BinComp:
		k.comprehension(x.Quals, x.Head, sc)
	case *ast.Bin:
		for _, sg := range x.Segs {
			k.expr(sg.Value, sc)
			k.binSeg(sg, sc, false, false)
		}
	default:
		k.errorf(e.Pos(), "illegal expression")
	}
}

// comprehension checks the qualifiers and the head of a list or binary
// comprehension.
func (k *checker) comprehension(quals []ast.Qualifier, head ast.Expr, sc scope) {
	inner := sc.clone()
	for _, q := range quals {
		switch q := q.(type) {
		case *ast.Generator:
			k.expr(q.List, inner)
			k.pattern(q.Pattern, inner, "generate", map[string]bool{})
		case *ast.Filter:
			k.expr(q.X, inner)
		}
	}
	k.expr(head, inner)
}

func (k *checker) call(x *ast.Call, sc scope) {
	if x.Module != nil {
		k.expr(x.Module, sc)
		k.expr(x.Fun, sc)
	} else if name, ok := atomOf(x.Fun); ok {
		key := funcKey{name, len(x.Args)}
		if _, local := k.funcs[key]; local {
			k.calls[k.cur] = append(k.calls[k.cur], key)
		} else if !autoImported[key] && !k.broken[name] {
			k.errorf(x.Fun.Pos(), "function %s undefined", key)
		}
	} else {
		k.expr(x.Fun, sc)
	}
	k.body(x.Args, sc)
}

// try checks try ... of ... catch ... after ... end. Variables bound in the
// body may be used in the of clauses; every variable bound anywhere in the
// try is unsafe after it, and those of the body are unsafe in the catch
// clauses and the after body.
func (k *checker) try(x *ast.Try, sc scope) {
	all := sc.clone()
	collect := func(from, br scope) {
		for _, n := range newVars(from, br) {
			st := br[n]
			if prev, ok := all[n]; ok && prev != sc[n] {
				bs := append([]*binding(nil), prev.bs...)
				for _, b := range st.bs {
					if !containsBinding(bs, b) {
						bs = append(bs, b)
					}
				}
				st = &varState{bs: bs}
			}
			all[n] = st
		}
	}
	body := sc.clone()
	k.body(x.Body, body)
	collect(sc, body)
	for _, c := range x.OfClauses {
		collect(sc, k.caseClause(c, body))
	}
	// In the catch clauses and after the try, what the body bound is unsafe.
	handler := sc.clone()
	k.markUnsafe(handler, body, "try", x.TryPos)
	for _, c := range x.CatchClauses {
		br := handler.clone()
		seen := map[string]bool{}
		if c.Class != nil {
			k.pattern(c.Class, br, "", seen)
		}
		k.pattern(c.Reason, br, "", seen)
		if c.Stack != nil {
			k.pattern(c.Stack, br, "", seen)
		}
		k.guard(c.Guard, br)
		k.body(c.Body, br)
		collect(handler, br)
	}
	if len(x.After) > 0 {
		br := handler.clone()
		k.body(x.After, br)
		collect(handler, br)
	}
	k.markUnsafe(sc, all, "try", x.TryPos)
}

// recordTest reports is_record(X, Name) with a literal name of a record
// that is not defined, as erl_lint does, and counts it as a use of the
// record. (is_record/3 needs no definition.)
func (k *checker) recordTest(x *ast.Call) {
	if len(x.Args) != 2 {
		return
	}
	if name, ok := atomOf(x.Fun); !ok || name != "is_record" {
		return
	}
	if x.Module != nil {
		if m, ok := atomOf(x.Module); !ok || m != "erlang" {
			return
		}
	}
	if r, ok := x.Args[1].(*ast.Atom); ok {
		k.recordDef(r.Name, r.Pos())
	}
}

// exprText names an atom or, for anything else, says what it is.
func exprText(e ast.Expr) string {
	if a, ok := atomOf(e); ok {
		return quoteAtom(a)
	}
	return "(not an atom)"
}
