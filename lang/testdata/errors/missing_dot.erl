-module(missing_dot).
-export([f/0, g/0]).

f() -> ok
g() -> ok. % ERROR "expected '\.', found g"
