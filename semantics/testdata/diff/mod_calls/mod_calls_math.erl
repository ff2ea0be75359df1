-module(mod_calls_math).
-export([square/1, sum_squares/1, describe/0]).

square(X) -> X * X.

sum_squares(L) -> lists:foldl(fun(X, Acc) -> square(X) + Acc end, 0, L).

describe() -> {?MODULE, mod_calls_util:describe()}.
