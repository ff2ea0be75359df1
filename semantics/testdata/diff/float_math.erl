%% The math functions mcgo models exactly: pi, sqrt, pow (integral
%% exponents), floor, ceil, fmod; and their errors.
-module(float_math).
-export([start/0]).

start() ->
    io:format("~w~n", [math:pi()]),
    io:format("~w~n", [[math:sqrt(X) || X <- [0, 1, 2, 4.0, 0.25, 1.0e10, 3, 1.0e-300, -0.0]]]),
    io:format("~w~n", [[math:pow(B, E) || {B, E} <- [{2, 10}, {2.0, -1}, {10, 3}, {1.1, 2}, {3, 0}, {-2, 3}, {0.5, 4}, {10.0, -3}, {1.5, 7}, {-1.5, 2}]]]),
    io:format("~w~n", [[math:floor(X) || X <- [1.5, -1.5, 2, -0.5]]]),
    io:format("~w~n", [[math:ceil(X) || X <- [1.5, -1.5, 2, 0.5, -0.5]]]),
    io:format("~w~n", [[math:fmod(A, B) || {A, B} <- [{7, 3}, {-7, 3}, {7.5, 2}, {1.0e20, 3}, {5, -3}]]]),
    lists:foreach(fun(F) -> io:format("~w~n", [try F() catch C:R -> {C, R} end]) end,
        [fun() -> math:sqrt(id(-1)) end,
         fun() -> math:sqrt(id(a)) end,
         fun() -> math:pow(id(10.0), 400) end,
         fun() -> math:pow(id(0), -1) end,
         fun() -> math:fmod(id(1), 0) end]).

id(X) -> X.
