-module(bad_expr).
-export([f/0, g/0, h/1, i/0, j/1]).

f() -> foo(). % ERROR "function foo/0 undefined"
g() -> (). % ERROR "expected expression, found '\)'"
h(X) -> 1 < X < 3. % ERROR "expected '\.', found '<'"
i() -> X = catch 1, X. % ERROR "expected expression, found 'catch'"
j(X) -> X = a:b. % ERROR "illegal expression"
