%% Float literals: exponents, underscores, and how ~w and ~p print them.
-module(float_literals).
-export([start/0]).

start() ->
    L = [1.0, 0.5, 2.5e3, 2.5E3, 1.0e-3, 1.0e+2, 1_000.5, 1.0e1_0, 3.14159,
         0.1, 0.2, 0.30000000000000004, 123.456, 1.5e300, 2.0e-300, 0.0, -0.0,
         -1.5, 16#1F + 0.5, 6.02214076e23, 9.109e-31],
    io:format("~w~n", [L]),
    io:format("~p~n", [L]),
    lists:foreach(fun(X) -> io:format("~w ~p~n", [X, X]) end, L),
    io:format("~w~n", [{1.0, [2.0, a], "x", 3}]).
