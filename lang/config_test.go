package lang

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
)

// loadConfig reads the configuration of a module made of the given -mcgo
// attributes and the functions start/0 and loop/1.
func loadConfig(t *testing.T, attrs string) (*Config, error) {
	t.Helper()
	src := "-module(m).\n-export([start/0, loop/1]).\n" + attrs + "\nstart() -> ok.\nloop(_) -> ok.\n"
	fs := token.NewFileSet()
	m, err := ParseFile(fs, "m.erl", []byte(src), nil)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return ReadConfig(fs, m)
}

func TestDefaultConfig(t *testing.T) {
	c, err := loadConfig(t, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	c.Format(&buf)
	want := `nodes: [nonode@nohost]
init: {m, start, []}
semantics: distributed
runtime: modern
faults: []
check: [deadlock, crash]
end_states: []
nodeup: false
timeouts: any
bounds: [{mailbox, 16}, {processes, 32}, {spawns, 256}, {stack, 256}, {channel, 64}]
creation: []
expect: pass
`
	if buf.String() != want {
		t.Errorf("default config:\n%s\nwant:\n%s", buf.String(), want)
	}
}

// TestConfigKeys reads every key from an attribute and checks the field it
// sets.
func TestConfigKeys(t *testing.T) {
	tests := []struct {
		attr  string
		check func(c *Config) bool
	}{
		{`{nodes, ['a@h', b@h]}`, func(c *Config) bool { return reflect.DeepEqual(c.Nodes, []string{"a@h", "b@h"}) }},
		{`{init, {m, loop, [1, {x, "s"}]}}`, func(c *Config) bool {
			return c.Init.Module == "m" && c.Init.Function == "loop" && len(c.Init.Args) == 2 && FormatTerm(c.Init.Args[1]) == `{x, "s"}`
		}},
		{`{init, {m, start, [#{history => true, n => [1]}, <<"ab", 1:4>>]}}`, func(c *Config) bool {
			return len(c.Init.Args) == 2 && FormatTerm(c.Init.Args[0]) == `#{history => true, n => [1]}`
		}},
		{`{semantics, single_node}`, func(c *Config) bool { return c.Semantics == "single_node" }},
		{`{runtime, legacy}`, func(c *Config) bool { return c.Runtime == "legacy" }},
		{`{nodes, ['a@h', 'b@h']}). -mcgo({faults, [{crash, 1, ['b@h']}, {restart, 3}, {disconnect, 2}, {connect_fail, 0}]}`, func(c *Config) bool {
			return reflect.DeepEqual(c.Faults[0].Nodes, []string{"b@h"}) && c.Faults[0].Kind == "crash" && c.Faults[0].Budget == 1 &&
				c.Faults[1].Kind == "restart" && c.Faults[1].Budget == 3 && c.Faults[2].Budget == 2 && c.Faults[3].Kind == "connect_fail"
		}},
		{`{nodes, ['a@h', 'b@h', 'c@h']}). -mcgo({faults, [{disconnect, 1, [{'a@h', 'b@h'}, {'c@h', 'a@h'}]}, {connect_fail, 2, ['a@h', 'c@h']}]}`, func(c *Config) bool {
			return reflect.DeepEqual(c.Faults[0].Links, [][2]string{{"a@h", "b@h"}, {"c@h", "a@h"}}) && len(c.Faults[0].Nodes) == 0 &&
				reflect.DeepEqual(c.Faults[1].Nodes, []string{"a@h", "c@h"}) && len(c.Faults[1].Links) == 0
		}},
		{`{check, [no_loss, fifo]}`, func(c *Config) bool { return reflect.DeepEqual(c.Check, []string{"no_loss", "fifo"}) }},
		{`{check, []}`, func(c *Config) bool { return len(c.Check) == 0 }},
		{`{end_states, [{loop, 1}, start/0]}`, func(c *Config) bool {
			return len(c.EndStates) == 2 && c.EndStates[0].Name == "loop" && c.EndStates[0].Arity == 1 && c.EndStates[1].Name == "start"
		}},
		{`{nodeup, true}`, func(c *Config) bool { return c.NodeUp }},
		{`{timeouts, max_progress}`, func(c *Config) bool { return c.Timeouts == "max_progress" }},
		{`{bounds, [{mailbox, 4}, {channel, 2}]}`, func(c *Config) bool {
			return c.Bounds == Bounds{Mailbox: 4, Processes: 32, Spawns: 256, Stack: 256, Channel: 2}
		}},
		{`{nodes, ['a@h', 'b@h']}). -mcgo({creation, [{'b@h', 3}]}`, func(c *Config) bool { return c.Creation["b@h"] == 3 && len(c.Creation) == 1 }},
		{`{expect, pass}`, func(c *Config) bool { return c.Expect.Violation == "" && c.Expect.Pos.Line == 3 }},
		{`{expect, {violation, no_loss}}`, func(c *Config) bool { return c.Expect.Violation == "no_loss" }},
		{`{variant, v1, [{runtime, legacy}, {bounds, [{mailbox, 2}]}], {violation, pid_unique}}`, func(c *Config) bool {
			return len(c.Variants) == 1 && c.Variants[0].Name == "v1" && len(c.Variants[0].Settings) == 2 &&
				c.Variants[0].Expect.Violation == "pid_unique" && c.Variants[0].Settings[0].Pos.Line == 3
		}},
	}
	for _, tt := range tests {
		t.Run(tt.attr, func(t *testing.T) {
			c, err := loadConfig(t, "-mcgo("+tt.attr+").")
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				var buf bytes.Buffer
				c.Format(&buf)
				t.Errorf("wrong configuration:\n%s", buf.String())
			}
		})
	}
}

// TestConfigErrors checks bad values, reported at their position.
func TestConfigErrors(t *testing.T) {
	tests := []struct{ attr, want string }{
		{`{nodez, []}`, "m.erl:3:8: unknown mcgo key 'nodez'"},
		{`{nodes}`, "m.erl:3:7: bad mcgo attribute: expected {Key, Value}"},
		{`[nodes]`, "m.erl:3:7: bad mcgo attribute: expected {Key, Value}"},
		{`{nodes, []}`, "m.erl:3:15: bad nodes: expected a non-empty list of node names"},
		{`{nodes, [a, 'b@h']}`, "m.erl:3:16: bad node name 'a': expected name@host"},
		{`{nodes, ['a@h', 'a@h']}`, "m.erl:3:23: duplicate node 'a@h'"},
		{`{nodes, ['@h']}`, "m.erl:3:16: bad node name '@h': expected name@host"},
		{`{init, {m, start}}`, "m.erl:3:14: bad init: expected {Module, Function, Args}"},
		{`{init, {m, start, [X]}}`, "m.erl:3:26: bad init: arguments must be literal terms"},
		{`{init, {m, start, [#{a => X}]}}`, "m.erl:3:26: bad init: arguments must be literal terms"},
		{`{init, {m, start, [#{a := 1}]}}`, "m.erl:3:26: bad init: arguments must be literal terms"},
		{`{init, {"m", start, []}}`, "m.erl:3:15: bad init: expected a module name"},
		{`{semantics, fast}`, "m.erl:3:19: bad semantics: expected distributed or single_node"},
		{`{runtime, 2007}`, "m.erl:3:17: bad runtime: expected modern or legacy"},
		{`{faults, [{crash}]}`, "m.erl:3:17: bad fault: expected {Kind, Budget} or {Kind, Budget, [Nodes or {Node, Node}]}"},
		{`{faults, [{partition, 1}]}`, "m.erl:3:18: unknown fault kind: expected crash, restart, disconnect, connect_fail"},
		{`{faults, [{crash, 1}, {crash, 2}]}`, "m.erl:3:30: duplicate fault kind 'crash'"},
		{`{faults, [{crash, x}]}`, "m.erl:3:25: bad fault budget: expected a non-negative integer"},
		{`{faults, [{crash, 1, ['z@h']}]}`, "m.erl:3:29: node 'z@h' is not among the configured nodes"},
		{`{faults, [{crash, 1, [{'nonode@nohost', 'nonode@nohost'}]}]}`, "m.erl:3:29: bad fault nodes: a crash fault is restricted to nodes, not links"},
		{`{faults, [{disconnect, 1, [{'a@h', 'a@h'}]}]}`, "m.erl:3:34: bad fault link: a node cannot be linked to itself"},
		{`{faults, [{disconnect, 1, [{'a@h', 'b@h', 'c@h'}]}]}`, "m.erl:3:34: bad fault link: expected {Node, Node}"},
		{`{faults, [{disconnect, 1, ['a@h', {'a@h', 'b@h'}]}]}`, "m.erl:3:41: bad fault nodes: expected node names only or links only, not both"},
		{`{faults, [{disconnect, 1, [{'a@h', 'b@h'}, 'a@h']}]}`, "m.erl:3:50: bad fault nodes: expected node names only or links only, not both"},
		{`{faults, [{disconnect, 1, [{'a@h', 'b@h'}, {'b@h', 'a@h'}]}]}`, "m.erl:3:50: duplicate fault link {b@h, a@h}"},
		{`{faults, [{crash, 1, ['nonode@nohost', 'nonode@nohost']}]}`, "m.erl:3:46: duplicate fault node 'nonode@nohost'"},
		{`{faults, [{disconnect, 1, [{'nonode@nohost', 'z@h'}]}]}`, "m.erl:3:52: node 'z@h' is not among the configured nodes"},
		{`{check, [speed]}`, "m.erl:3:16: unknown property 'speed': expected one of deadlock, crash, no_loss, causal, pid_unique, fd_accurate, fifo, monitored_no_loss"},
		{`{check, [fifo, fifo]}`, "m.erl:3:22: duplicate property 'fifo'"},
		{`{end_states, [loop]}`, "m.erl:3:21: bad end state: expected {Function, Arity} or {Module, Function, Arity}"},
		{`{nodeup, 1}`, "m.erl:3:16: bad nodeup: expected true or false"},
		{`{timeouts, never}`, "m.erl:3:18: bad timeouts: expected any or max_progress"},
		{`{bounds, [{heap, 1}]}`, "m.erl:3:18: unknown bound 'heap': expected one of mailbox, processes, spawns, stack, channel"},
		{`{bounds, [{mailbox, -1}]}`, "m.erl:3:27: bad bound: expected a positive integer"},
		{`{creation, [{'x@h', 1}]}`, "m.erl:3:20: node 'x@h' is not among the configured nodes"},
		{`{creation, [{'nonode@nohost', a}]}`, "m.erl:3:37: bad creation: expected a non-negative integer"},
		{`{expect, {violation, speed}}`, "m.erl:3:28: unknown property 'speed': expected one of deadlock, crash, no_loss, causal, pid_unique, fd_accurate, fifo, monitored_no_loss"},
		{`{expect, maybe}`, "m.erl:3:16: bad expectation: expected pass or {violation, Property}"},
		{`{variant, v}`, "m.erl:3:7: bad variant: expected {variant, Name, [Settings], Expectation}"},
		{`{variant, "v", [], pass}`, "m.erl:3:17: bad variant name: expected an atom"},
		{`{variant, v, [{variant, x}], pass}`, "m.erl:3:22: unknown mcgo key 'variant'"},
		{`{variant, v, [{runtime, x}], pass}`, "m.erl:3:31: bad runtime: expected modern or legacy"},
		{`{variant, v, [], pass}). -mcgo({variant, v, [], pass}`, "m.erl:3:48: duplicate variant 'v'"},
		{`{check, []}). -mcgo({check, [crash]}`, "m.erl:3:28: mcgo key 'check' already set"},
	}
	for _, tt := range tests {
		t.Run(tt.attr, func(t *testing.T) {
			_, err := loadConfig(t, "-mcgo("+tt.attr+").")
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			got := err.(token.ErrorList)[0].Error()
			if first, _, _ := strings.Cut(got, "\n"); first != tt.want {
				t.Errorf("got  %s\nwant %s", first, tt.want)
			}
		})
	}
}

// TestConfigSetFaultPlaces checks the flag form of faults restricted to
// nodes and to links (node+node).
func TestConfigSetFaultPlaces(t *testing.T) {
	c := DefaultConfig("m")
	if err := c.Set("nodes", "a@h,b@h,c@h"); err != nil {
		t.Fatal(err)
	}
	if err := c.Set("faults", "disconnect=1:a@h+b@h:c@h+a@h,connect_fail=2:b@h:c@h,crash=1:a@h"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	c.Format(&buf)
	want := "faults: [{disconnect, 1, [{a@h, b@h}, {c@h, a@h}]}, {connect_fail, 2, [b@h, c@h]}, {crash, 1, [a@h]}]\n"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("got\n%s\nwant line %q", buf.String(), want)
	}
	for _, bad := range []string{"crash=1:a@h+b@h", "disconnect=1:a@h+z@h", "disconnect=1:a@h:b@h+c@h"} {
		if err := c.Set("faults", bad); err == nil {
			t.Errorf("--faults %s: no error", bad)
		}
	}
}

// TestConfigSet checks the flag overrides, in both syntaxes.
func TestConfigSet(t *testing.T) {
	tests := []struct {
		key, value string
		want       string // the line of Format for the key
	}{
		{"nodes", "n1@h,n2@h", "nodes: [n1@h, n2@h]"},
		{"nodes", "['n1@h', 'n2@h.x']", "nodes: [n1@h, 'n2@h.x']"},
		{"init", "comm:start", "init: {comm, start, []}"},
		{"init", "comm:start(1, x, \"s\")", `init: {comm, start, [1, x, "s"]}`},
		{"init", "loop", "init: {m, loop, []}"},
		{"init", "loop(0)", "init: {m, loop, [0]}"},
		{"init", "{m, loop, [2]}", "init: {m, loop, [2]}"},
		{"semantics", "single_node", "semantics: single_node"},
		{"runtime", "legacy", "runtime: legacy"},
		{"faults", "crash=1,disconnect=2", "faults: [{crash, 1}, {disconnect, 2}]"},
		{"faults", "crash=1:nonode@nohost", "faults: [{crash, 1, [nonode@nohost]}]"},
		{"faults", "[{restart, 3}]", "faults: [{restart, 3}]"},
		{"faults", "", "faults: []"},
		{"check", "deadlock,no_loss", "check: [deadlock, no_loss]"},
		{"end-states", "rcv/0,loop/1", "end_states: [{rcv, 0}, {loop, 1}]"},
		{"end_states", "[{rcv, 0}]", "end_states: [{rcv, 0}]"},
		{"nodeup", "true", "nodeup: true"},
		{"timeouts", "max_progress", "timeouts: max_progress"},
		{"bounds", "mailbox=8", "bounds: [{mailbox, 8}, {processes, 32}, {spawns, 256}, {stack, 256}, {channel, 64}]"},
		{"bounds", "processes=4, stack=9", "bounds: [{mailbox, 16}, {processes, 4}, {spawns, 256}, {stack, 9}, {channel, 64}]"},
		{"creation", "nonode@nohost=2", "creation: [{nonode@nohost, 2}]"},
		{"--timeouts", "any", "timeouts: any"},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			c := DefaultConfig("m")
			if err := c.Set(tt.key, tt.value); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			c.Format(&buf)
			if !strings.Contains(buf.String(), tt.want+"\n") {
				t.Errorf("after Set(%q, %q):\n%s\nwant line %q", tt.key, tt.value, buf.String(), tt.want)
			}
			k := flagKey(tt.key)
			if c.KeyPos[k].Filename != "--"+strings.ReplaceAll(k, "_", "-") {
				t.Errorf("KeyPos[%s] = %v", k, c.KeyPos[k])
			}
		})
	}
}

func TestConfigSetErrors(t *testing.T) {
	tests := []struct{ key, value, want string }{
		{"expect", "pass", "--expect: expect cannot be set from the command line"},
		{"variant", "x", "--variant: variant cannot be set from the command line"},
		{"colour", "red", `unknown configuration key "colour"`},
		{"nodes", "nohost", "--nodes nohost: bad node name 'nohost': expected name@host"},
		{"semantics", "fast", "--semantics fast: bad semantics: expected distributed or single_node"},
		{"faults", "crash", `--faults crash: expected name=value, found "crash"`},
		{"faults", "crash=x", `--faults crash=x: "x" is not an integer`},
		{"faults", "crash=1:z@h", "--faults crash=1:z@h: node 'z@h' is not among the configured nodes"},
		{"end-states", "rcv", `--end-states rcv: expected function/arity or module:function/arity, found "rcv"`},
		{"bounds", "mailbox=0", "--bounds mailbox=0: bad bound: expected a positive integer"},
		{"check", "[deadlock", "--check [deadlock: 1:10: expected ']', found 'EOF'"},
		{"init", "comm:start(X)", "--init comm:start(X): bad init: arguments must be literal terms"},
		{"nodeup", "maybe", "--nodeup maybe: bad nodeup: expected true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			c := DefaultConfig("m")
			before := new(bytes.Buffer)
			c.Format(before)
			err := c.Set(tt.key, tt.value)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			after := new(bytes.Buffer)
			c.Format(after)
			if before.String() != after.String() {
				t.Errorf("a failed Set changed the configuration:\n%s", after)
			}
		})
	}
}

// TestWithVariant applies variants and checks that the original is not
// changed.
func TestWithVariant(t *testing.T) {
	c, err := loadConfig(t, `-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({faults, [{crash, 1, ['b@h']}]}).
-mcgo({expect, pass}).
-mcgo({variant, legacy, [{runtime, legacy}, {bounds, [{mailbox, 3}]}], {violation, pid_unique}}).
-mcgo({variant, one, [{nodes, ['a@h']}, {faults, []}], {violation, deadlock}}).
-mcgo({variant, broken, [{nodes, ['a@h']}], pass}).`)
	// The last variant drops node b@h that a fault names: reported where
	// the variant is.
	if err == nil || err.Error() != "m.erl:8:7: variant broken: node 'b@h' is not among the configured nodes" {
		t.Errorf("ReadConfig: %v", err)
	}
	if len(c.Variants) != 3 {
		t.Fatalf("%d variants", len(c.Variants))
	}
	orig := new(bytes.Buffer)
	c.Format(orig)

	v, err := c.WithVariant(&c.Variants[0])
	if err != nil {
		t.Fatal(err)
	}
	if v.Runtime != "legacy" || v.Bounds.Mailbox != 3 || v.Expect.Violation != "pid_unique" || len(v.Variants) != 0 || len(v.Nodes) != 2 {
		t.Errorf("variant legacy: %+v", v)
	}
	if v.KeyPos["runtime"].Line != 6 {
		t.Errorf("variant setting position: %v", v.KeyPos["runtime"])
	}
	v, err = c.WithVariant(&c.Variants[1])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(v.Nodes, []string{"a@h"}) || len(v.Faults) != 0 || v.Expect.Violation != "deadlock" {
		t.Errorf("variant one: %+v", v)
	}
	// Dropping node b@h while a fault still names it is an error.
	if _, err := c.WithVariant(&c.Variants[2]); err == nil || !strings.Contains(err.Error(), "node 'b@h' is not among the configured nodes") {
		t.Errorf("variant broken: %v", err)
	}
	after := new(bytes.Buffer)
	c.Format(after)
	if orig.String() != after.String() {
		t.Errorf("WithVariant changed the original:\n%s\nwas:\n%s", after, orig)
	}
}

// TestReadConfigOrder checks that a fault may name nodes declared by a
// later attribute.
func TestReadConfigOrder(t *testing.T) {
	_, err := loadConfig(t, "-mcgo({faults, [{disconnect, 1, ['b@h']}]}).\n-mcgo({nodes, ['a@h', 'b@h']}).")
	if err != nil {
		t.Fatal(err)
	}
}

func TestFormatTerm(t *testing.T) {
	for _, s := range []string{`{a, 'B c', [1, -2 | T], "x\"y"}`, `[]`, `{}`, `'n1@host.com'`, `fun m:f/1`, `m:f(1, 2)`} {
		e, err := ParseTerm(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if got := FormatTerm(e); got != s {
			t.Errorf("FormatTerm(ParseTerm(%s)) = %s", s, got)
		}
	}
}

func TestParseTerm(t *testing.T) {
	e, err := ParseTerm("{nodes, ['a@h', b@h]}.")
	if err != nil {
		t.Fatal(err)
	}
	tup, ok := e.(*ast.Tuple)
	if !ok || len(tup.Elems) != 2 || tup.Pos().IsValid() {
		t.Errorf("ParseTerm: %#v", e)
	}
	if f, err := ParseTerm("[1.5, -2.5e-3]"); err != nil || FormatTerm(f) != "[1.5e+00, -2.5e-03]" {
		t.Errorf("ParseTerm of floats: %v, %v", f, err)
	}
	for _, tt := range []struct{ in, want string }{
		{"{a,", "1:4: expected expression, found 'EOF'"},
		{"1.5e", "1:1: illegal float"},
		{"?X", "1:1: macros are not allowed here"},
		{"'abc", "1:1: unterminated atom starting with 'abc'"},
		{"a b", "1:3: expected end of term, found b"},
	} {
		_, err := ParseTerm(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseTerm(%q) error = %v, want %s", tt.in, err, tt.want)
		}
	}
}
