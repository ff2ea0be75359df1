-module(bad_arity).
-export([f/1, g/0]).

f(X) -> X.
g() -> f(1, 2). % ERROR "function f/2 undefined"
