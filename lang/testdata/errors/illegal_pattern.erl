-module(illegal_pattern).
-export([f/1, g/1]).

f(g(X)) -> X. % ERROR "illegal pattern"
g(X) ->
    case X of
        {A + B} -> {A, B} % ERROR "illegal pattern"
    end.
