package lang

import (
	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// Config is a model's configuration, read from its -mcgo(Term) attributes
// and overridden by command-line flags. The zero value is not the default:
// use [DefaultConfig].
type Config struct {
	// Nodes are the node names up at start; the initial process runs on
	// Nodes[0]. Default: one node, "nonode@nohost".
	Nodes []string
	// Init is the initial call, default {?MODULE, start, []}.
	Init InitCall
	// Semantics is "distributed" (default) or "single_node".
	Semantics string
	// Runtime is "modern" (default) or "legacy" (the 2007 runtime: 2-bit
	// node creation that comes round after three restarts).
	Runtime string
	// Faults are the fault budgets; none by default.
	Faults []Fault
	// Check lists the properties to check, default [deadlock, crash].
	Check []string
	// EndStates lists functions in which waiting forever in a receive is
	// fine (idle server loops): {Function, Arity} of the model's module, or
	// {Module, Function, Arity} of any module of the model.
	EndStates []EndState
	// NodeUp makes monitor_node also report reconnection with a nodeup
	// message (the paper's section 5.2 proposal). Default false.
	NodeUp bool
	// Timeouts is "any" (default: an after clause may fire whenever no
	// message matches) or "max_progress" (only when nothing else can move).
	Timeouts string
	// Bounds limit the state space; reaching one makes the verdict
	// incomplete. Zero fields take the defaults of [DefaultBounds].
	Bounds Bounds
	// Creation gives the creation of each node's first incarnation
	// (default 1).
	Creation map[string]int
	// Expect is the expected verdict, for `mcgo test`.
	Expect Expectation
	// Variants are named runs with overrides, for `mcgo test`.
	Variants []Variant

	// KeyPos records where each key was set (attribute or flag), for
	// diagnostics found after reading (an unknown node in init, say).
	KeyPos map[string]token.Position

	// creationExprs are the node names of Creation as written, for
	// diagnostics.
	creationExprs map[string]ast.Expr
}

// EndState is an end_states entry. Module is "" for {Function, Arity}:
// the model's own module.
type EndState struct {
	Module  string
	NamePos token.Pos
	Name    string
	Arity   int
}

// InitCall is {Module, Function, Args}. Args are literal terms.
type InitCall struct {
	Module   string
	Function string
	Args     []ast.Expr
}

// Fault is one fault budget: at most Budget faults of Kind, restricted to
// Nodes or Links when one is not empty. A node fault (crash, restart)
// applies to the listed nodes. A pair fault (disconnect, connect_fail)
// applies to the pairs among the listed nodes when there are two or more,
// to every pair touching the node when there is one (it cuts that node
// off), and to the listed links only when Links is set. Links are for pair
// faults only; a fault sets Nodes or Links, not both.
type Fault struct {
	Kind   string // "crash", "restart", "disconnect" or "connect_fail"
	Budget int
	Nodes  []string
	Links  [][2]string // node pairs, {a, b} in the attribute, a+b in the flag

	nodeExprs []ast.Expr // the nodes of Nodes, then of Links, as written, for diagnostics
}

// PairFault reports whether faults of kind k break a pair of nodes
// (disconnect, connect_fail) rather than one node (crash, restart).
func PairFault(k string) bool { return k == FaultDisconnect || k == FaultConnectFail }

// Bounds limit the explored state space.
type Bounds struct {
	Mailbox   int // messages in one mailbox (default 16)
	Processes int // live processes in the whole system (default 32)
	Spawns    int // processes spawned over a whole run (default 256)
	Stack     int // frames in one process's call stack (default 256)
	Channel   int // signals in flight on one node-pair channel (default 64)
}

// DefaultBounds are the bounds used where a model sets none.
var DefaultBounds = Bounds{Mailbox: 16, Processes: 32, Spawns: 256, Stack: 256, Channel: 64}

// Expectation is what `mcgo test` expects of a run: a pass (Violation ==
// ""), or a violation of the named property.
type Expectation struct {
	Violation string
	Pos       token.Position
}

// Variant is -mcgo({variant, Name, [Settings], Expect}): a named run of the
// model with some keys overridden.
type Variant struct {
	Name     string
	Settings []Setting
	Expect   Expectation
	Pos      token.Position
}

// Setting is one {Key, Value} configuration entry, kept as syntax so that a
// variant can be applied to a configuration later.
type Setting struct {
	Key   string
	Value ast.Expr
	Pos   token.Position
}

// DefaultConfig returns the configuration of a model named module that sets
// nothing.
func DefaultConfig(module string) *Config {
	return &Config{
		Nodes:     []string{"nonode@nohost"},
		Init:      InitCall{Module: module, Function: "start"},
		Semantics: "distributed",
		Runtime:   "modern",
		Check:     []string{PropDeadlock, PropCrash},
		Timeouts:  "any",
		Bounds:    DefaultBounds,
		KeyPos:    map[string]token.Position{},
	}
}
