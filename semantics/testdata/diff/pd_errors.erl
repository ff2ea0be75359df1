%% The dictionary survives a caught exception, and is the process's
%% own state through recursion and funs.
-module(pd_errors).
-export([start/0]).

start() ->
    put(x, 1),
    R = try put(x, 2), error(boom) catch error:boom -> caught end,
    io:format("~w ~w~n", [R, get(x)]),
    F = fun(K) -> put(K, get(K) + 1) end,
    F(x), F(x),
    io:format("~w~n", [get(x)]),
    io:format("~w~n", [try F(nokey) catch C1:R1 -> {C1, R1} end]),
    io:format("~w~n", [get(nokey)]),
    io:format("~w~n", [[put(K, K * 2) || K <- [1, 2, 3]]]),
    io:format("~w~n", [[get(K) || K <- [1, 2, 3]]]),
    io:format("~w~n", [get_keys(2)]),
    io:format("~w~n", [get_keys(6)]).
