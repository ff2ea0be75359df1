%% float_to_list/1,2 with its options and list_to_float.
-module(float_convert).
-export([start/0]).

start() ->
    Xs = [0.0, -0.0, 1.0, 0.1, -2.5, 3.14159, 1.0e20, 1.0e-10, 123456.789],
    lists:foreach(fun(X) -> io:format("~s~n", [float_to_list(X)]) end, Xs),
    Opts = [[{decimals, 0}], [{decimals, 2}], [{decimals, 4}, compact], [{scientific, 3}],
            [{scientific, 0}], [short], [compact, {decimals, 10}], []],
    lists:foreach(fun(O) ->
        io:format("~w: ~p~n", [O, [float_to_list(X, O) || X <- Xs]])
    end, Opts),
    io:format("~w~n", [[list_to_float(S) || S <- ["1.0", "-0.5", "2.5e3", "1.0E-2", "0.0", "-0.0", "1.5e+2"]]]),
    lists:foreach(fun(S) -> io:format("~p: ~w~n", [S, try list_to_float(S) catch C:R -> {C, R} end]) end,
        ["1", "1.", ".5", "1e5", "abc", "1.0x", "1_0.0"]),
    io:format("~w~n", [try float_to_list(id(1)) catch C:R -> {C, R} end]),
    io:format("~w~n", [try float_to_list(1.0, [bogus]) catch C2:R2 -> {C2, R2} end]).

id(X) -> X.
