-module(macro_args).
-export([f/0, g/0, h/0]).

-define(F(X), X).
-define(C, ?C). % the error is where it is used
-define(F(X), X). % ERROR "redefining macro 'F'"

f() -> ?F. % ERROR "argument mismatch for macro 'F'"
g() -> ?C. % ERROR "circular macro 'C'"
h() -> ?F(1. % ERROR "badly formed argument for macro 'F'"
