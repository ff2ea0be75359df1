-module(bad_integer).
-export([f/0, g/0, h/0, i/0, j/0]).

f() -> 16#zz. % ERROR "illegal integer"
g() -> 37#1. % ERROR "illegal base '37'"
h() -> 1_. % ERROR "illegal integer"
i() -> 99999999999999999999. % ERROR "integers beyond 64 bits are not supported"
j() -> 2#102. % ERROR "illegal integer"
