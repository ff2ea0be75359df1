-module(arity_mismatch).
-export([f/1]).

f(1) -> one;
f(X, Y) -> {X, Y}. % ERROR "head mismatch"
