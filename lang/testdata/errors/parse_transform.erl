-module(parse_transform).
-export([f/0, g/0]).
-compile({parse_transform, eunit_autoexport}). % WARNING "parse transform eunit_autoexport is ignored by mcgo"
-compile([nowarn_unused_vars, {parse_transform, 'my pt'}]). % WARNING "parse transform 'my pt' is ignored by mcgo"

f() -> ok.
%% erlc rejects the file (it has no such parse transforms); so must mcgo.
g() -> X. % ERROR "variable 'X' is unbound"
