%% Arithmetic with floats: + - * with floats and integers, / always a
%% float, div and rem integers only, overflow is badarith.
-module(float_arith).
-export([start/0]).

start() ->
    io:format("~w~n", [[1 + 1.0, 2.5 - 1, 3 * 0.5, 1.5 * 2, 7 / 2, 6 / 3, 1 / 3, -7 / 2]]),
    io:format("~w~n", [[-1.5, - 2.0, +1.5, -(-0.0), 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0]]),
    io:format("~w~n", [[0.1 + 0.2, 1.0e308 * 1.0, 1.0e-320 / 2, 2.0 * 0.5]]),
    lists:foreach(fun({Op, A, B}) -> io:format("~w ~w ~w: ~w~n", [A, Op, B, try erlang:Op(A, B) catch C:R -> {C, R} end]) end,
        [{'*', 1.0e308, 10}, {'/', 1.0, 0}, {'/', 1, 0.0}, {'/', 0.0, 0.0}, {'div', 5.0, 2},
         {'rem', 5, 2.0}, {'band', 1.5, 1}, {'bsl', 1.0, 2}, {'+', a, 1.0},
         {'-', -1.7976931308348623e308, 1.7976931308348623e308}, {'*', float(1 bsl 62), 4.0},
         {'/', 10, 4}, {'+', 1.0e308, 1.0e308}, {'-', 0.0, 0.0}, {'*', -0.0, 5}]).
