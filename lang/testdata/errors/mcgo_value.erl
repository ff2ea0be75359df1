-module(mcgo_value).
-export([start/0]).

-mcgo({semantics, parallel}). % ERROR "bad semantics: expected distributed or single_node"
-mcgo({runtime, "modern"}). % ERROR "bad runtime"
-mcgo({nodes, [nohost]}). % ERROR "bad node name 'nohost': expected name@host"
-mcgo({check, [deadlock, liveness]}). % ERROR "unknown property 'liveness'"
-mcgo({bounds, [{mailbox, 0}]}). % ERROR "bad bound: expected a positive integer"
-mcgo({faults, [{crash, -1}]}). % ERROR "bad fault budget"
-mcgo({timeouts, sometimes}). % ERROR "bad timeouts"
-mcgo({nodeup, yes}). % ERROR "bad nodeup"
-mcgo({expect, fail}). % ERROR "bad expectation"
-mcgo({init, {mcgo_value, start, [X]}}). % ERROR "arguments must be literal terms"

start() -> ok.
