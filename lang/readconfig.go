package lang

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// The names of the built-in properties: the one list that -mcgo({check,
// [...]}), --check, {violation, Property}, the properties package and the
// command's help read.
const (
	PropDeadlock        = "deadlock"
	PropCrash           = "crash"
	PropNoLoss          = "no_loss"
	PropCausal          = "causal"
	PropPidUnique       = "pid_unique"
	PropFDAccurate      = "fd_accurate"
	PropFIFO            = "fifo"
	PropMonitoredNoLoss = "monitored_no_loss"
)

// Properties are the property names, in the order they are documented.
var Properties = []string{PropDeadlock, PropCrash, PropNoLoss, PropCausal, PropPidUnique, PropFDAccurate, PropFIFO, PropMonitoredNoLoss}

// The fault kinds of -mcgo({faults, [...]}) and --faults, in the order of
// the fault kinds of semantics.
const (
	FaultCrash       = "crash"
	FaultRestart     = "restart"
	FaultDisconnect  = "disconnect"
	FaultConnectFail = "connect_fail"
)

// FaultKinds are the fault kinds.
var FaultKinds = []string{FaultCrash, FaultRestart, FaultDisconnect, FaultConnectFail}

// ConfigKey is one key of -mcgo({Key, Value}) attributes.
type ConfigKey struct {
	Name string
	// FlagHelp is the help of the key's command-line flag (--Name with
	// "_" written "-"); empty for a key that has no flag.
	FlagHelp string
}

// ConfigTable is the one list of configuration keys: the reader, the
// order [Config.Format] prints them in, and the flags of mcgo check, test
// and run come from it.
var ConfigTable = []ConfigKey{
	{"nodes", "nodes up at start, e.g. n1@h,n2@h (the initial process runs on the first)"},
	{"init", "initial call, e.g. comm:start or 'comm:start(1,2)'"},
	{"semantics", "distributed or single_node (check also takes both)"},
	{"runtime", "modern (OTP 25+) or legacy (the 2007 runtime: pids come round after 3 restarts)"},
	{"faults", "fault budgets, e.g. crash=1,restart=1,disconnect=1,connect_fail=1 (kind=N:node:node restricts to nodes, kind=N:node+node to a link)"},
	{"check", "properties to check, e.g. deadlock,crash,no_loss"},
	{"end_states", "functions where waiting forever is fine, e.g. rcv/0,loop/1,kv_server:loop/1"},
	{"nodeup", "monitor_node also reports reconnection with a nodeup message (--nodeup, --nodeup=false)"},
	{"timeouts", "any or max_progress"},
	{"bounds", "bounds, e.g. mailbox=8,processes=16,spawns=64,stack=128,channel=32"},
	{"creation", "creation of each node's first incarnation, e.g. n2@h=3"},
	{"expect", ""},
	{"variant", ""},
}

// ConfigKeys are the names of the keys of ConfigTable, in its order.
var ConfigKeys = func() []string {
	var out []string
	for _, k := range ConfigTable {
		out = append(out, k.Name)
	}
	return out
}()

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// confError is a configuration error at a node of the value.
type confError struct {
	pos token.Pos
	msg string
}

func (e *confError) Error() string { return e.msg }

func errAt(n ast.Node, format string, args ...any) error {
	var p token.Pos
	if n != nil {
		p = n.Pos()
	}
	return &confError{pos: p, msg: fmt.Sprintf(format, args...)}
}

// ReadConfig reads a model's configuration from its -mcgo attributes,
// starting from [DefaultConfig]. Errors (a token.ErrorList) are reported
// at the offending part of the attribute's value; the returned
// configuration holds every setting that could be read.
func ReadConfig(fs *token.FileSet, m *ast.Module) (*Config, error) {
	c := DefaultConfig(m.Name)
	var errs token.ErrorList
	report := func(err error, at ast.Node) {
		if ce, ok := err.(*confError); ok && ce.pos.IsValid() {
			errs.Add(fs.Position(ce.pos), ce.msg)
			return
		}
		errs.Add(fs.Position(at.Pos()), err.Error())
	}
	first := map[string]token.Pos{}
	for _, a := range m.Attrs {
		if a.Name != "mcgo" || a.Value == nil {
			continue
		}
		t, ok := a.Value.(*ast.Tuple)
		if !ok || len(t.Elems) < 2 {
			errs.Add(fs.Position(a.Value.Pos()), "bad mcgo attribute: expected {Key, Value}")
			continue
		}
		k, ok := t.Elems[0].(*ast.Atom)
		if !ok {
			errs.Add(fs.Position(t.Elems[0].Pos()), "bad mcgo attribute: expected {Key, Value}")
			continue
		}
		key := k.Name
		if key == "variant" {
			v, err := c.readVariant(t)
			if err != nil {
				report(err, t)
				continue
			}
			v.Pos = fs.Position(t.Pos())
			for _, o := range c.Variants {
				if o.Name == v.Name {
					errs.Add(fs.Position(t.Elems[1].Pos()), fmt.Sprintf("duplicate variant '%s'", v.Name))
					v.Name = ""
				}
			}
			if v.Name != "" {
				for i := range v.Settings {
					v.Settings[i].Pos = fs.Position(v.Settings[i].Value.Pos())
				}
				c.Variants = append(c.Variants, *v)
			}
			continue
		}
		if len(t.Elems) != 2 {
			errs.Add(fs.Position(t.Pos()), fmt.Sprintf("bad mcgo attribute: expected {%s, Value}", key))
			continue
		}
		if !contains(ConfigKeys, key) {
			errs.Add(fs.Position(k.Pos()), fmt.Sprintf("unknown mcgo key '%s'", key))
			continue
		}
		if p, dup := first[key]; dup {
			e := &token.Error{Pos: fs.Position(k.Pos()), Msg: fmt.Sprintf("mcgo key '%s' already set", key),
				Also: []token.Related{{Pos: fs.Position(p), Msg: "first set"}}}
			errs = append(errs, e)
			continue
		}
		first[key] = k.Pos()
		if key == "expect" {
			exp, err := readExpect(t.Elems[1])
			if err != nil {
				report(err, t.Elems[1])
				continue
			}
			exp.Pos = fs.Position(t.Elems[1].Pos())
			c.Expect = exp
			c.KeyPos[key] = fs.Position(k.Pos())
			continue
		}
		if err := c.apply(key, t.Elems[1]); err != nil {
			report(err, t.Elems[1])
			continue
		}
		c.KeyPos[key] = fs.Position(t.Elems[1].Pos())
	}
	// Nodes named in faults and creation must be among the nodes, whatever
	// the order of the attributes.
	for _, err := range c.crossCheck() {
		report(err, m)
	}
	// Every variant must apply to the configuration as finally read.
	for i := range c.Variants {
		v := &c.Variants[i]
		if _, err := c.WithVariant(v); err != nil {
			errs.Add(v.Pos, err.Error())
		}
	}
	errs.Sort()
	if len(errs) > 0 {
		return c, errs
	}
	return c, nil
}

// readPlaces reads the third element of a fault, the nodes or the links
// it is restricted to.
func (f *Fault) readPlaces(e ast.Expr) error {
	nl, ok := properList(e)
	if !ok {
		return errAt(e, "bad fault nodes: expected a list of node names or {Node, Node} links")
	}
	seen := map[string]bool{}
	for _, ne := range nl {
		if lt, ok := ne.(*ast.Tuple); ok {
			if !PairFault(f.Kind) {
				return errAt(ne, "bad fault nodes: a %s fault is restricted to nodes, not links", f.Kind)
			}
			if len(f.Nodes) > 0 {
				return errAt(ne, "bad fault nodes: expected node names only or links only, not both")
			}
			if len(lt.Elems) != 2 {
				return errAt(ne, "bad fault link: expected {Node, Node}")
			}
			a, err := nodeName(lt.Elems[0])
			if err != nil {
				return err
			}
			b, err := nodeName(lt.Elems[1])
			if err != nil {
				return err
			}
			if a == b {
				return errAt(ne, "bad fault link: a node cannot be linked to itself")
			}
			key := min(a, b) + " " + max(a, b)
			if seen[key] {
				return errAt(ne, "duplicate fault link {%s, %s}", quoteAtom(a), quoteAtom(b))
			}
			seen[key] = true
			f.Links = append(f.Links, [2]string{a, b})
			f.nodeExprs = append(f.nodeExprs, lt.Elems[0], lt.Elems[1])
			continue
		}
		if len(f.Links) > 0 {
			return errAt(ne, "bad fault nodes: expected node names only or links only, not both")
		}
		name, err := nodeName(ne)
		if err != nil {
			return err
		}
		if seen[name] {
			return errAt(ne, "duplicate fault node '%s'", name)
		}
		seen[name] = true
		f.Nodes = append(f.Nodes, name)
		f.nodeExprs = append(f.nodeExprs, ne)
	}
	return nil
}

// places returns the nodes f names, those of its links included.
func (f *Fault) places() []string {
	ns := append([]string(nil), f.Nodes...)
	for _, l := range f.Links {
		ns = append(ns, l[0], l[1])
	}
	return ns
}

// crossCheck returns errors for nodes named in faults and creation that are
// not among the configured nodes.
func (c *Config) crossCheck() []error {
	var errs []error
	for _, f := range c.Faults {
		for i, n := range f.places() {
			if !contains(c.Nodes, n) {
				var at ast.Node
				if i < len(f.nodeExprs) {
					at = f.nodeExprs[i]
				}
				errs = append(errs, errAt(at, "node '%s' is not among the configured nodes", n))
			}
		}
	}
	var names []string
	for n := range c.Creation {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if !contains(c.Nodes, n) {
			errs = append(errs, errAt(c.creationExprs[n], "node '%s' is not among the configured nodes", n))
		}
	}
	return errs
}

func (c *Config) readVariant(t *ast.Tuple) (*Variant, error) {
	if len(t.Elems) != 4 {
		return nil, errAt(t, "bad variant: expected {variant, Name, [Settings], Expectation}")
	}
	name, ok := t.Elems[1].(*ast.Atom)
	if !ok {
		return nil, errAt(t.Elems[1], "bad variant name: expected an atom")
	}
	lst, ok := properList(t.Elems[2])
	if !ok {
		return nil, errAt(t.Elems[2], "bad variant settings: expected a list of {Key, Value}")
	}
	v := &Variant{Name: name.Name}
	scratch := c.clone()
	for _, e := range lst {
		st, ok := e.(*ast.Tuple)
		if !ok || len(st.Elems) != 2 {
			return nil, errAt(e, "bad variant setting: expected {Key, Value}")
		}
		k, ok := st.Elems[0].(*ast.Atom)
		if !ok {
			return nil, errAt(st.Elems[0], "bad variant setting: expected {Key, Value}")
		}
		if k.Name == "expect" || k.Name == "variant" || !contains(ConfigKeys, k.Name) {
			return nil, errAt(k, "unknown mcgo key '%s'", k.Name)
		}
		if err := scratch.apply(k.Name, st.Elems[1]); err != nil {
			return nil, err
		}
		v.Settings = append(v.Settings, Setting{Key: k.Name, Value: st.Elems[1]})
	}
	exp, err := readExpect(t.Elems[3])
	if err != nil {
		return nil, err
	}
	v.Expect = exp
	return v, nil
}

func readExpect(e ast.Expr) (Expectation, error) {
	if a, ok := e.(*ast.Atom); ok && a.Name == "pass" {
		return Expectation{}, nil
	}
	t, ok := e.(*ast.Tuple)
	if ok && len(t.Elems) == 2 {
		if a, ok := t.Elems[0].(*ast.Atom); ok && a.Name == "violation" {
			p, ok := t.Elems[1].(*ast.Atom)
			if !ok {
				return Expectation{}, errAt(t.Elems[1], "bad expectation: expected a property name")
			}
			if !contains(Properties, p.Name) {
				return Expectation{}, errAt(p, "unknown property '%s': expected one of %s", p.Name, strings.Join(Properties, ", "))
			}
			return Expectation{Violation: p.Name}, nil
		}
	}
	return Expectation{}, errAt(e, "bad expectation: expected pass or {violation, Property}")
}

// properList returns the elements of a proper list (a string counts as a
// list only when empty).
func properList(e ast.Expr) ([]ast.Expr, bool) {
	switch x := e.(type) {
	case *ast.List:
		if x.Tail != nil {
			return nil, false
		}
		return x.Elems, true
	case *ast.String:
		return nil, x.Value == ""
	}
	return nil, false
}

func atomOf(e ast.Expr) (string, bool) {
	a, ok := e.(*ast.Atom)
	if !ok {
		return "", false
	}
	return a.Name, true
}

func intOf(e ast.Expr) (int64, bool) {
	n, ok := e.(*ast.Int)
	if !ok {
		return 0, false
	}
	return n.Value, true
}

func oneOf(e ast.Expr, what string, choices ...string) (string, error) {
	a, ok := atomOf(e)
	if !ok || !contains(choices, a) {
		return "", errAt(e, "bad %s: expected %s", what, strings.Join(choices, " or "))
	}
	return a, nil
}

func nodeName(e ast.Expr) (string, error) {
	a, ok := atomOf(e)
	if !ok {
		return "", errAt(e, "bad node name: expected an atom such as 'n1@host'")
	}
	if i := strings.IndexByte(a, '@'); i <= 0 || i == len(a)-1 || strings.Count(a, "@") != 1 {
		return "", errAt(e, "bad node name '%s': expected name@host", a)
	}
	return a, nil
}

// isLiteral reports whether e is a ground term (no variables, calls or
// operators other than a negative integer or float).
func isLiteral(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Atom, *ast.Int, *ast.String, *ast.Float:
		return true
	case *ast.UnaryOp:
		_, ok := x.X.(*ast.Float)
		return ok && x.Op == "-"
	case *ast.Tuple:
		for _, y := range x.Elems {
			if !isLiteral(y) {
				return false
			}
		}
		return true
	case *ast.List:
		for _, y := range x.Elems {
			if !isLiteral(y) {
				return false
			}
		}
		return x.Tail == nil || isLiteral(x.Tail)
	case *ast.Map:
		if x.Base != nil {
			return false
		}
		for _, f := range x.Fields {
			if f.Exact || !isLiteral(f.Key) || !isLiteral(f.Value) {
				return false
			}
		}
		return true
	case *ast.Bin:
		for _, sg := range x.Segs {
			if !isLiteral(sg.Value) || sg.Size != nil && !isLiteral(sg.Size) {
				return false
			}
		}
		return true
	}
	return false
}

// apply sets one key from its value term.
func (c *Config) apply(key string, v ast.Expr) error {
	switch key {
	case "nodes":
		lst, ok := properList(v)
		if !ok || len(lst) == 0 {
			return errAt(v, "bad nodes: expected a non-empty list of node names")
		}
		var nodes []string
		for _, e := range lst {
			n, err := nodeName(e)
			if err != nil {
				return err
			}
			if contains(nodes, n) {
				return errAt(e, "duplicate node '%s'", n)
			}
			nodes = append(nodes, n)
		}
		c.Nodes = nodes
	case "init":
		t, ok := v.(*ast.Tuple)
		if !ok || len(t.Elems) != 3 {
			return errAt(v, "bad init: expected {Module, Function, Args}")
		}
		mod, ok1 := atomOf(t.Elems[0])
		fn, ok2 := atomOf(t.Elems[1])
		if !ok1 {
			return errAt(t.Elems[0], "bad init: expected a module name")
		}
		if !ok2 {
			return errAt(t.Elems[1], "bad init: expected a function name")
		}
		args, ok := properList(t.Elems[2])
		if !ok {
			return errAt(t.Elems[2], "bad init: expected a list of arguments")
		}
		for _, a := range args {
			if !isLiteral(a) {
				return errAt(a, "bad init: arguments must be literal terms")
			}
		}
		c.Init = InitCall{Module: mod, Function: fn, Args: args}
	case "semantics":
		s, err := oneOf(v, "semantics", "distributed", "single_node")
		if err != nil {
			return err
		}
		c.Semantics = s
	case "runtime":
		s, err := oneOf(v, "runtime", "modern", "legacy")
		if err != nil {
			return err
		}
		c.Runtime = s
	case "timeouts":
		s, err := oneOf(v, "timeouts", "any", "max_progress")
		if err != nil {
			return err
		}
		c.Timeouts = s
	case "nodeup":
		s, err := oneOf(v, "nodeup", "true", "false")
		if err != nil {
			return err
		}
		c.NodeUp = s == "true"
	case "faults":
		lst, ok := properList(v)
		if !ok {
			return errAt(v, "bad faults: expected a list of {Kind, Budget} or {Kind, Budget, [Nodes or {Node, Node}]}")
		}
		var faults []Fault
		for _, e := range lst {
			t, ok := e.(*ast.Tuple)
			if !ok || len(t.Elems) < 2 || len(t.Elems) > 3 {
				return errAt(e, "bad fault: expected {Kind, Budget} or {Kind, Budget, [Nodes or {Node, Node}]}")
			}
			kind, ok := atomOf(t.Elems[0])
			if !ok || !contains(FaultKinds, kind) {
				return errAt(t.Elems[0], "unknown fault kind: expected %s", strings.Join(FaultKinds, ", "))
			}
			for _, f := range faults {
				if f.Kind == kind {
					return errAt(t.Elems[0], "duplicate fault kind '%s'", kind)
				}
			}
			n, ok := intOf(t.Elems[1])
			if !ok || n < 0 || n > 1<<20 {
				return errAt(t.Elems[1], "bad fault budget: expected a non-negative integer")
			}
			f := Fault{Kind: kind, Budget: int(n)}
			if len(t.Elems) == 3 {
				if err := f.readPlaces(t.Elems[2]); err != nil {
					return err
				}
			}
			faults = append(faults, f)
		}
		c.Faults = faults
	case "check":
		lst, ok := properList(v)
		if !ok {
			return errAt(v, "bad check: expected a list of property names")
		}
		var props []string
		for _, e := range lst {
			p, ok := atomOf(e)
			if !ok {
				return errAt(e, "bad check: expected a property name")
			}
			if !contains(Properties, p) {
				return errAt(e, "unknown property '%s': expected one of %s", p, strings.Join(Properties, ", "))
			}
			if contains(props, p) {
				return errAt(e, "duplicate property '%s'", p)
			}
			props = append(props, p)
		}
		c.Check = props
	case "end_states":
		lst, ok := properList(v)
		if !ok {
			return errAt(v, "bad end_states: expected a list of {Function, Arity}")
		}
		var fns []EndState
		for _, e := range lst {
			var mod, name, arity ast.Expr
			switch x := e.(type) {
			case *ast.Tuple:
				switch len(x.Elems) {
				case 2:
					name, arity = x.Elems[0], x.Elems[1]
				case 3:
					mod, name, arity = x.Elems[0], x.Elems[1], x.Elems[2]
				}
			case *ast.BinaryOp:
				if x.Op == "/" {
					name, arity = x.X, x.Y
				}
			}
			m, okm := "", true
			if mod != nil {
				m, okm = atomOf(mod)
			}
			n, ok1 := atomOf(name)
			a, ok2 := intOf(arity)
			if !okm || !ok1 || !ok2 || a < 0 || a > 255 {
				return errAt(e, "bad end state: expected {Function, Arity} or {Module, Function, Arity}")
			}
			fns = append(fns, EndState{Module: m, NamePos: name.Pos(), Name: n, Arity: int(a)})
		}
		c.EndStates = fns
	case "bounds":
		lst, ok := properList(v)
		if !ok {
			return errAt(v, "bad bounds: expected a list of {Bound, N}")
		}
		for _, e := range lst {
			t, ok := e.(*ast.Tuple)
			if !ok || len(t.Elems) != 2 {
				return errAt(e, "bad bound: expected {Bound, N}")
			}
			k, ok := atomOf(t.Elems[0])
			if !ok {
				return errAt(t.Elems[0], "bad bound: expected one of mailbox, processes, spawns, stack, channel")
			}
			n, ok := intOf(t.Elems[1])
			if !ok || n <= 0 || n > 1<<30 {
				return errAt(t.Elems[1], "bad bound: expected a positive integer")
			}
			switch k {
			case "mailbox":
				c.Bounds.Mailbox = int(n)
			case "processes":
				c.Bounds.Processes = int(n)
			case "spawns":
				c.Bounds.Spawns = int(n)
			case "stack":
				c.Bounds.Stack = int(n)
			case "channel":
				c.Bounds.Channel = int(n)
			default:
				return errAt(t.Elems[0], "unknown bound '%s': expected one of mailbox, processes, spawns, stack, channel", k)
			}
		}
	case "creation":
		lst, ok := properList(v)
		if !ok {
			return errAt(v, "bad creation: expected a list of {Node, Creation}")
		}
		cr := map[string]int{}
		exprs := map[string]ast.Expr{}
		for _, e := range lst {
			t, ok := e.(*ast.Tuple)
			if !ok || len(t.Elems) != 2 {
				return errAt(e, "bad creation: expected {Node, Creation}")
			}
			n, err := nodeName(t.Elems[0])
			if err != nil {
				return err
			}
			if _, dup := cr[n]; dup {
				return errAt(t.Elems[0], "duplicate node '%s'", n)
			}
			k, ok := intOf(t.Elems[1])
			if !ok || k < 0 || k > 1<<32-1 {
				return errAt(t.Elems[1], "bad creation: expected a non-negative integer")
			}
			cr[n] = int(k)
			exprs[n] = t.Elems[0]
		}
		c.Creation, c.creationExprs = cr, exprs
	case "expect":
		exp, err := readExpect(v)
		if err != nil {
			return err
		}
		c.Expect = exp
	default:
		return errAt(v, "unknown mcgo key '%s'", key)
	}
	return nil
}

// clone returns a deep copy of c (terms are shared: they are immutable).
func (c *Config) clone() *Config {
	d := *c
	d.Nodes = append([]string(nil), c.Nodes...)
	d.Init.Args = append([]ast.Expr(nil), c.Init.Args...)
	d.Faults = nil
	for _, f := range c.Faults {
		f.Nodes = append([]string(nil), f.Nodes...)
		f.Links = append([][2]string(nil), f.Links...)
		f.nodeExprs = append([]ast.Expr(nil), f.nodeExprs...)
		d.Faults = append(d.Faults, f)
	}
	d.Check = append([]string(nil), c.Check...)
	d.EndStates = append([]EndState(nil), c.EndStates...)
	if c.Creation != nil {
		d.Creation = map[string]int{}
		for k, v := range c.Creation {
			d.Creation[k] = v
		}
	}
	if c.creationExprs != nil {
		d.creationExprs = map[string]ast.Expr{}
		for k, v := range c.creationExprs {
			d.creationExprs[k] = v
		}
	}
	d.Variants = append([]Variant(nil), c.Variants...)
	d.KeyPos = map[string]token.Position{}
	for k, v := range c.KeyPos {
		d.KeyPos[k] = v
	}
	return &d
}

// flagKey maps a flag name (end-states) or key (end_states) to its key.
func flagKey(key string) string {
	return strings.ReplaceAll(strings.TrimPrefix(key, "--"), "-", "_")
}

// Set overrides one key from a command-line flag. key is the -mcgo key or
// its flag name (end_states or end-states). value is an Erlang term exactly
// as in the attribute when it starts with '[' or '{'; otherwise it is in the
// simple flag syntax of docs/configuration.md:
//
//	nodes       n1@h,n2@h
//	init        comm:start | comm:start(1,2) | start
//	semantics   distributed | single_node
//	runtime     modern | legacy
//	faults      crash=1,disconnect=1 | crash=1:n2@h:n3@h,disconnect=1:n1@h+n2@h
//	check       deadlock,no_loss
//	end_states  rcv/0,loop/1 | rcv/0,kv_server:loop/1
//	nodeup      true | false
//	timeouts    any | max_progress
//	bounds      mailbox=8,processes=4   (only the named bounds change)
//	creation    n2@h=1,n3@h=2
//
// expect and variant cannot be set from the command line.
func (c *Config) Set(key, value string) error {
	k := flagKey(key)
	flag := "--" + strings.ReplaceAll(k, "_", "-")
	if k == "expect" || k == "variant" {
		return fmt.Errorf("%s: %s cannot be set from the command line", flag, k)
	}
	if !contains(ConfigKeys, k) {
		return fmt.Errorf("unknown configuration key %q", key)
	}
	v, err := c.flagTerm(k, strings.TrimSpace(value))
	if err != nil {
		return fmt.Errorf("%s %s: %v", flag, value, err)
	}
	d := c.clone()
	if err := d.apply(k, v); err != nil {
		return fmt.Errorf("%s %s: %v", flag, value, err)
	}
	if errs := d.crossCheck(); len(errs) > 0 {
		return fmt.Errorf("%s %s: %v", flag, value, errs[0])
	}
	d.KeyPos[k] = token.Position{Filename: flag}
	*c = *d
	return nil
}

// flagTerm turns a flag value into the term the attribute would hold.
func (c *Config) flagTerm(key, value string) (ast.Expr, error) {
	if strings.HasPrefix(value, "[") || strings.HasPrefix(value, "{") {
		e, err := ParseTerm(value)
		if err != nil {
			return nil, err
		}
		return e, nil
	}
	atom := func(s string) ast.Expr { return &ast.Atom{Name: s} }
	integer := func(s string) (ast.Expr, error) {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not an integer", s)
		}
		return &ast.Int{Value: n}, nil
	}
	items := func() []string {
		var out []string
		for _, s := range strings.Split(value, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	list := func(es []ast.Expr) ast.Expr { return &ast.List{Elems: es} }
	tuple := func(es ...ast.Expr) ast.Expr { return &ast.Tuple{Elems: es} }
	pair := func(s string) (string, string, error) {
		k, v, ok := strings.Cut(s, "=")
		if !ok {
			return "", "", fmt.Errorf("expected name=value, found %q", s)
		}
		return strings.TrimSpace(k), strings.TrimSpace(v), nil
	}
	switch key {
	case "nodes", "check":
		var es []ast.Expr
		for _, s := range items() {
			es = append(es, atom(s))
		}
		return list(es), nil
	case "semantics", "runtime", "timeouts", "nodeup":
		return atom(value), nil
	case "init":
		if strings.Contains(value, "(") {
			e, err := ParseTerm(value)
			if err != nil {
				return nil, err
			}
			call, ok := e.(*ast.Call)
			if !ok {
				return nil, fmt.Errorf("expected Module:Function(Args)")
			}
			mod := ast.Expr(atom(c.Init.Module))
			if call.Module != nil {
				mod = call.Module
			}
			return tuple(mod, call.Fun, list(call.Args)), nil
		}
		m, f, ok := strings.Cut(value, ":")
		if !ok {
			m, f = c.Init.Module, value
		}
		return tuple(atom(m), atom(f), list(nil)), nil
	case "faults":
		var es []ast.Expr
		for _, s := range items() {
			k, v, err := pair(s)
			if err != nil {
				return nil, err
			}
			parts := strings.Split(v, ":")
			n, err := integer(parts[0])
			if err != nil {
				return nil, err
			}
			if len(parts) == 1 {
				es = append(es, tuple(atom(k), n))
				continue
			}
			var nodes []ast.Expr
			for _, p := range parts[1:] {
				if a, b, ok := strings.Cut(p, "+"); ok {
					nodes = append(nodes, tuple(atom(a), atom(b)))
					continue
				}
				nodes = append(nodes, atom(p))
			}
			es = append(es, tuple(atom(k), n, list(nodes)))
		}
		return list(es), nil
	case "end_states":
		var es []ast.Expr
		for _, s := range items() {
			f, a, ok := strings.Cut(s, "/")
			if !ok {
				return nil, fmt.Errorf("expected function/arity or module:function/arity, found %q", s)
			}
			n, err := integer(a)
			if err != nil {
				return nil, err
			}
			if m, f, ok := strings.Cut(strings.TrimSpace(f), ":"); ok {
				es = append(es, tuple(atom(m), atom(f), n))
				continue
			}
			es = append(es, tuple(atom(strings.TrimSpace(f)), n))
		}
		return list(es), nil
	case "bounds", "creation":
		var es []ast.Expr
		for _, s := range items() {
			k, v, err := pair(s)
			if err != nil {
				return nil, err
			}
			n, err := integer(v)
			if err != nil {
				return nil, err
			}
			es = append(es, tuple(atom(k), n))
		}
		return list(es), nil
	}
	return nil, fmt.Errorf("unknown key %q", key)
}

// WithVariant returns a copy of c with the variant's settings applied and
// its expectation in place of c's; the copy has no variants.
func (c *Config) WithVariant(v *Variant) (*Config, error) {
	d := c.clone()
	for _, s := range v.Settings {
		if err := d.apply(s.Key, s.Value); err != nil {
			return nil, fmt.Errorf("variant %s: %s: %v", v.Name, s.Key, err)
		}
		d.KeyPos[s.Key] = s.Pos
	}
	if errs := d.crossCheck(); len(errs) > 0 {
		return nil, fmt.Errorf("variant %s: %v", v.Name, errs[0])
	}
	d.Expect = v.Expect
	d.Variants = nil
	return d, nil
}

// Format writes the configuration as one "key: value" line per key, in the
// order of [ConfigKeys], values in Erlang term syntax (the syntax of the
// attribute), then one line per variant. The output is stable.
func (c *Config) Format(w io.Writer) {
	atoms := func(xs []string) string {
		var parts []string
		for _, x := range xs {
			parts = append(parts, quoteAtom(x))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	fmt.Fprintf(w, "nodes: %s\n", atoms(c.Nodes))
	var args []string
	for _, a := range c.Init.Args {
		args = append(args, FormatTerm(a))
	}
	fmt.Fprintf(w, "init: {%s, %s, [%s]}\n", quoteAtom(c.Init.Module), quoteAtom(c.Init.Function), strings.Join(args, ", "))
	fmt.Fprintf(w, "semantics: %s\n", c.Semantics)
	fmt.Fprintf(w, "runtime: %s\n", c.Runtime)
	var fs []string
	for _, f := range c.Faults {
		if len(f.Links) > 0 {
			var ls []string
			for _, l := range f.Links {
				ls = append(ls, fmt.Sprintf("{%s, %s}", quoteAtom(l[0]), quoteAtom(l[1])))
			}
			fs = append(fs, fmt.Sprintf("{%s, %d, [%s]}", f.Kind, f.Budget, strings.Join(ls, ", ")))
		} else if len(f.Nodes) > 0 {
			fs = append(fs, fmt.Sprintf("{%s, %d, %s}", f.Kind, f.Budget, atoms(f.Nodes)))
		} else {
			fs = append(fs, fmt.Sprintf("{%s, %d}", f.Kind, f.Budget))
		}
	}
	fmt.Fprintf(w, "faults: [%s]\n", strings.Join(fs, ", "))
	fmt.Fprintf(w, "check: %s\n", atoms(c.Check))
	var es []string
	for _, f := range c.EndStates {
		if f.Module != "" {
			es = append(es, fmt.Sprintf("{%s, %s, %d}", quoteAtom(f.Module), quoteAtom(f.Name), f.Arity))
			continue
		}
		es = append(es, fmt.Sprintf("{%s, %d}", quoteAtom(f.Name), f.Arity))
	}
	fmt.Fprintf(w, "end_states: [%s]\n", strings.Join(es, ", "))
	fmt.Fprintf(w, "nodeup: %t\n", c.NodeUp)
	fmt.Fprintf(w, "timeouts: %s\n", c.Timeouts)
	b := c.Bounds
	fmt.Fprintf(w, "bounds: [{mailbox, %d}, {processes, %d}, {spawns, %d}, {stack, %d}, {channel, %d}]\n",
		b.Mailbox, b.Processes, b.Spawns, b.Stack, b.Channel)
	var names []string
	for n := range c.Creation {
		names = append(names, n)
	}
	sort.Strings(names)
	var cs []string
	for _, n := range names {
		cs = append(cs, fmt.Sprintf("{%s, %d}", quoteAtom(n), c.Creation[n]))
	}
	fmt.Fprintf(w, "creation: [%s]\n", strings.Join(cs, ", "))
	fmt.Fprintf(w, "expect: %s\n", formatExpect(c.Expect))
	for _, v := range c.Variants {
		var ss []string
		for _, s := range v.Settings {
			ss = append(ss, fmt.Sprintf("{%s, %s}", s.Key, FormatTerm(s.Value)))
		}
		fmt.Fprintf(w, "variant %s: [%s] %s\n", quoteAtom(v.Name), strings.Join(ss, ", "), formatExpect(v.Expect))
	}
}

func formatExpect(e Expectation) string {
	if e.Violation == "" {
		return "pass"
	}
	return fmt.Sprintf("{violation, %s}", e.Violation)
}

// FormatTerm writes a term (or any expression) in Erlang syntax, on one
// line. Strings are written as string literals, atoms quoted when needed.
func FormatTerm(e ast.Expr) string {
	var b strings.Builder
	formatTerm(&b, e)
	return b.String()
}

func formatTerm(b *strings.Builder, e ast.Expr) {
	seq := func(es []ast.Expr) {
		for i, x := range es {
			if i > 0 {
				b.WriteString(", ")
			}
			formatTerm(b, x)
		}
	}
	switch x := e.(type) {
	case nil:
		b.WriteString("?")
	case *ast.Atom:
		b.WriteString(quoteAtom(x.Name))
	case *ast.Int:
		b.WriteString(strconv.FormatInt(x.Value, 10))
	case *ast.Float:
		// Erlang syntax: a point and digits before any exponent.
		f := strconv.FormatFloat(x.Value, 'e', -1, 64)
		if !strings.Contains(f, ".") {
			f = strings.Replace(f, "e", ".0e", 1)
		}
		b.WriteString(f)
	case *ast.String:
		b.WriteString(quoteString(x.Value))
	case *ast.Var:
		b.WriteString(x.Name)
	case *ast.Tuple:
		b.WriteByte('{')
		seq(x.Elems)
		b.WriteByte('}')
	case *ast.List:
		b.WriteByte('[')
		seq(x.Elems)
		if x.Tail != nil {
			b.WriteString(" | ")
			formatTerm(b, x.Tail)
		}
		b.WriteByte(']')
	case *ast.UnaryOp:
		b.WriteString(x.Op)
		if x.Op == "not" || x.Op == "bnot" {
			b.WriteByte(' ')
		}
		formatTerm(b, x.X)
	case *ast.BinaryOp:
		b.WriteByte('(')
		formatTerm(b, x.X)
		b.WriteString(" " + x.Op + " ")
		formatTerm(b, x.Y)
		b.WriteByte(')')
	case *ast.Call:
		if x.Module != nil {
			formatTerm(b, x.Module)
			b.WriteByte(':')
		}
		formatTerm(b, x.Fun)
		b.WriteByte('(')
		seq(x.Args)
		b.WriteByte(')')
	case *ast.Map:
		if x.Base != nil {
			formatTerm(b, x.Base)
		}
		b.WriteString("#{")
		for i, f := range x.Fields {
			if i > 0 {
				b.WriteString(", ")
			}
			formatTerm(b, f.Key)
			if f.Exact {
				b.WriteString(" := ")
			} else {
				b.WriteString(" => ")
			}
			formatTerm(b, f.Value)
		}
		b.WriteByte('}')
	case *ast.Bin:
		b.WriteString("<<")
		for i, sg := range x.Segs {
			if i > 0 {
				b.WriteString(", ")
			}
			formatTerm(b, sg.Value)
			if sg.Size != nil {
				b.WriteByte(':')
				formatTerm(b, sg.Size)
			}
			for j, ty := range sg.Types {
				if j == 0 {
					b.WriteByte('/')
				} else {
					b.WriteByte('-')
				}
				b.WriteString(ty.Name)
				if ty.Name == "unit" {
					b.WriteString(":" + strconv.Itoa(ty.Unit))
				}
			}
		}
		b.WriteString(">>")
	case *ast.FunRef:
		b.WriteString("fun ")
		if x.Module != nil {
			formatTerm(b, x.Module)
			b.WriteByte(':')
		}
		formatTerm(b, x.Name)
		b.WriteByte('/')
		formatTerm(b, x.Arity)
	default:
		fmt.Fprintf(b, "<%T>", e)
	}
}
