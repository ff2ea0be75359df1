package semantics_test

import (
	"fmt"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics"
)

// Load a model from source, build its transition system, and list what can
// happen in its initial state and in the state after the first step.
func Example() {
	src := []byte(`-module(ping).
-export([start/0, pong/0]).
-mcgo({nodes, [a@h, b@h]}).

start() ->
    P = spawn(b@h, ?MODULE, pong, []),
    P ! {ping, self()},
    receive pong -> ok end.

pong() ->
    receive {ping, From} -> From ! pong end.
`)
	fs := token.NewFileSet()
	m, errs := lang.Load(fs, "ping.erl", src, nil)
	if errs.Errors() > 0 {
		fmt.Println(errs)
		return
	}
	sys, err := semantics.New(m, m.Config, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	st := sys.Initial()[0]
	for depth := 0; depth < 6; depth++ {
		var next *semantics.State
		sys.Successors(st, func(step semantics.Step, to *semantics.State) bool {
			v := sys.Describe(st, step)
			fmt.Printf("%d: %s %s %s\n", depth, v.Node, v.Pid, v.Text)
			if next == nil {
				next = to
			}
			return true
		})
		st = next
	}
	// Output:
	// 0: a <a.1> spawn ping:pong() on b: request sent, waits for the reply
	// 1: b  deliver spawn request ping:pong() from <a.1> (a -> b)
	// 2: a  deliver spawn reply <b.1> to <a.1> (b -> a)
	// 3: a <a.1> send {ping,<a.1>} to <b.1>
	// 4: b  deliver {ping,<a.1>} to <b.1> (a -> b)
	// 5: b <b.1> receive {ping,<a.1>}
}
