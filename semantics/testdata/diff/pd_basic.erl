%% The process dictionary: put/2, get/1, erase/1 and their results.
-module(pd_basic).
-export([start/0]).

start() ->
    io:format("~w~n", [get(a)]),
    io:format("~w~n", [put(a, 1)]),
    io:format("~w~n", [put(a, 2)]),
    io:format("~w~n", [get(a)]),
    io:format("~w~n", [[put(1, int), put(1.0, float), get(1), get(1.0)]]),
    io:format("~w~n", [[put(0.0, zero), put(-0.0, negzero), get(0.0), get(-0.0)]]),
    io:format("~w~n", [[put({k, [1]}, tuple), get({k, [1]}), get({k, [2]})]]),
    io:format("~w~n", [[erase(a), erase(a), get(a)]]),
    erase(1), erase(1.0), erase(0.0), erase({k, [1]}),
    io:format("~w~n", [[get(), get_keys()]]),
    put(only, 1),
    io:format("~w~n", [[get(), get_keys(), get_keys(1), get_keys(2), get_keys(1.0)]]),
    io:format("~w~n", [erase()]),
    io:format("~w~n", [[get(), erase()]]),
    counter(5),
    io:format("~w~n", [get(count)]).

counter(0) -> ok;
counter(N) ->
    put(count, case get(count) of undefined -> 1; C -> C + 1 end),
    counter(N - 1).
