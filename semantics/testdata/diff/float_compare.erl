%% Equality and order of numbers: =:= tells 1 from 1.0, == does not,
%% ordering by value across integers and floats, 0.0 and -0.0.
-module(float_compare).
-export([start/0]).

start() ->
    io:format("~w~n", [[1 =:= 1.0, 1 == 1.0, 1 =/= 1.0, 1 /= 1.0, 1.0 =:= 1.0]]),
    io:format("~w~n", [[0.0 =:= -0.0, 0.0 == -0.0, 0.0 < -0.0, -0.0 < 0.0, 0 == -0.0]]),
    io:format("~w~n", [[1 < 1.5, 1.5 < 2, 2.0 < 2, 2 < 2.0, 2.0 =< 2, 3 > 2.9999]]),
    io:format("~w~n", [[1.0 < a, 1.0 < {}, 1.0 < [], 9.9e300 < self()]]),
    io:format("~w~n", [lists:sort([3, 2.5, 1, -1, -0.5, 0, 10, 9.99, a, 2.0])]),
    io:format("~w~n", [lists:usort([1, 3.5, 2, 1, 3.5])]),
    io:format("~w~n", [lists:keysort(1, [{1.0, a}, {1, b}, {0.0, c}, {-0.0, d}, {0, e}])]),
    io:format("~w~n", [[max(1, 1.0), min(1, 1.0), max(1.0, 1), min(1.0, 1)]]),
    io:format("~w~n", [[lists:member(1.0, [1]), lists:member(1, [1.0])]]),
    io:format("~w~n", [[lists:keyfind(1.0, 1, [{1, a}]), lists:keyfind(1, 1, [{1, a}])]]),
    io:format("~w~n", [case 1.0 of 1 -> int; 1.0 -> float end]),
    io:format("~w~n", [[{X, Y} || X <- [0.0, -0.0], Y <- [0.0, -0.0], X =:= Y]]),
    io:format("~w~n", [9007199254740993 == 9007199254740992.0]),
    io:format("~w~n", [9007199254740993 > 9007199254740992.0]),
    io:format("~w~n", [[zero(X) || X <- [0.0, -0.0, 0, 1.0, 1]]]),
    io:format("~w~n", [[case id(X) of 0.0 -> pos; -0.0 -> neg; 1 -> int; _ -> other end || X <- [0.0, -0.0, 1.0]]]),
    io:format("~w~n", [[X || {X, Y} <- [{-0.0, 1}, {0.0, 2}, {1, 3}], X == 0]]),
    io:format("~w~n", [[{A, B} || A <- [1, 1.0, 1.5], B <- [1, 1.0, 1.5], A < B]]),
    io:format("~w~n", [[erlang:max(-0.0, 0.0), erlang:min(0.0, -0.0), erlang:max(0.0, -0.0)]]).

zero(0.0) -> float_zero;
zero(0) -> int_zero;
zero(_) -> other.

id(X) -> X.
