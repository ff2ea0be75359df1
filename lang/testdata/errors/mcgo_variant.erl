-module(mcgo_variant).
-export([start/0]).

-mcgo({variant, a, [{runtime, legacy}], pass}).
-mcgo({variant, a, [], pass}). % ERROR "duplicate variant 'a'"
-mcgo({variant, b, [{expect, pass}], pass}). % ERROR "unknown mcgo key 'expect'"
-mcgo({variant, c, [{runtime, old}], pass}). % ERROR "bad runtime"
-mcgo({variant, d, [], {violation, nothing}}). % ERROR "unknown property 'nothing'"
-mcgo({variant, e, []}). % ERROR "bad variant"

start() -> ok.
