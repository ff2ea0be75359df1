-module(illegal_guard).
-export([f/1, g/1, h/1, i/1]).

f(X) when foo(X) -> ok. % ERROR "illegal guard expression"
g(X) when X ++ [1] == [2] -> ok. % ERROR "illegal guard expression"
h(X) when lists:member(X, [1]) -> ok. % ERROR "illegal guard expression"
i(X) when is_integer(X), X > 0; erlang:is_atom(X) -> ok.
