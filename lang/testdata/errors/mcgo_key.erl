-module(mcgo_key).
-export([start/0]).

-mcgo({nodez, ['a@h']}). % ERROR "unknown mcgo key 'nodez'"
-mcgo(nodes). % ERROR "bad mcgo attribute: expected {Key, Value}"
-mcgo({check, [deadlock]}).
-mcgo({check, [crash]}). % ERROR "mcgo key 'check' already set"

start() -> ok.
