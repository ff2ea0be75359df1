-module(mod_calls_util).
-export([apply_twice/2, call_back/3, adder/1, pairs/1, describe/0]).

apply_twice(F, X) -> F(F(X)).

call_back(M, F, X) -> M:F(X).

adder(N) -> fun(X) -> X + N end.

pairs(L) -> lists:zip(L, lists:seq(1, length(L))).

describe() -> util.
