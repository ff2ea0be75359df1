%% float/1, round, trunc, floor, ceil, abs, is_float, is_number, in
%% bodies and in guards.
-module(float_bifs).
-export([start/0]).

start() ->
    Xs = [0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 1.0e15 + 0.5, -7.9, 123.0, 4.5e17],
    lists:foreach(fun(X) ->
        io:format("~w: ~w ~w ~w ~w ~w~n", [X, round(X), trunc(X), floor(X), ceil(X), abs(X)])
    end, Xs),
    io:format("~w~n", [[floor(3), ceil(-3), round(7), trunc(-7), abs(-4)]]),
    io:format("~w~n", [[float(3), float(-0), float(1 bsl 53 + 1), float(2.5)]]),
    io:format("~w~n", [[is_float(1.0), is_float(1), is_number(1.0), is_number(1), is_number(a), is_integer(1.0)]]),
    io:format("~w~n", [[kind(X) || X <- [1, 1.0, a, -0.0]]]),
    io:format("~w~n", [try float(id(a)) catch C:R -> {C, R} end]),
    io:format("~w~n", [try round(id(b)) catch C2:R2 -> {C2, R2} end]),
    io:format("~w~n", [[X || X <- [1, 2.0, 3, 4.5], is_float(X), X > 1.5]]),
    io:format("~w~n", [[X || X <- [1, 2.0, 3, 4.5], float(X) =:= 3.0]]).

kind(X) when is_float(X), X < 0.5 -> small_float;
kind(X) when is_float(X) -> float;
kind(X) when is_integer(X) -> integer;
kind(_) -> other.

id(X) -> X.
