%% Floats in the external term format (NEW_FLOAT_EXT) and floats as keys
%% of lists and tuples.
-module(float_etf).
-export([start/0]).

start() ->
    lists:foreach(fun(X) -> io:format("~w~n", [term_to_binary(X)]) end,
        [1.0, -0.0, 0.0, 0.1, 1.0e300, -2.5, [1.5, 2], {a, 3.25}]),
    io:format("~w~n", [term_to_binary(1.0) =:= term_to_binary(1)]),
    io:format("~w~n", [[phash2(X) =:= phash2(X) || X <- [1.0, 2.5]]]),
    io:format("~w~n", [[erlang:phash2(1.0) =:= erlang:phash2(1)]]),
    io:format("~w~n", [lists:keysort(1, [{2.0, b}, {1, a}, {1.5, c}])]),
    io:format("~w~n", [lists:sum([0.5, 1, 1.5])]),
    io:format("~w~n", [lists:max([1, 2.0, 2]) ]),
    io:format("~w~n", [lists:seq(1, 3) ++ [4.0]]).

phash2(X) -> erlang:phash2(X).
