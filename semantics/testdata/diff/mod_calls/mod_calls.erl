%% Calls across modules: m:f(...), a library calling another library,
%% fun m:f/N, apply/3, M:F(...) with M bound at run time, and a library
%% calling back into the program's module.
-module(mod_calls).
-export([start/0, twice/1]).

twice(X) -> 2 * X.

start() ->
    io:format("~w~n", [mod_calls_math:square(7)]),
    io:format("~w~n", [mod_calls_math:sum_squares([1, 2, 3])]),
    io:format("~w~n", [lists:map(fun mod_calls_math:square/1, [4, 5])]),
    io:format("~w~n", [apply(mod_calls_math, square, [9])]),
    Mods = [mod_calls_math, mod_calls_util],
    io:format("~w~n", [[M:describe() || M <- Mods]]),
    F = fun mod_calls_util:apply_twice/2,
    io:format("~w~n", [F(fun twice/1, 3)]),
    io:format("~w~n", [mod_calls_util:apply_twice(fun ?MODULE:twice/1, 5)]),
    io:format("~w~n", [mod_calls_util:call_back(?MODULE, twice, 21)]),
    G = mod_calls_util:adder(100),
    io:format("~w ~w~n", [G(1), is_function(G, 1)]),
    io:format("~p~n", [mod_calls_util:pairs([a, b, c])]).
