-module(parse_transform).
-export([f/0]).
-compile({parse_transform, eunit_autoexport}). % WARNING "parse transform eunit_autoexport is ignored by mcgo"
-compile([nowarn_unused_vars, {parse_transform, 'my pt'}]). % ERROR "parse transform 'my pt' is not supported by mcgo"

f() -> ok.
