%% Binaries made by term_to_binary, printed with ~w and ~p: short ones,
%% ones wider than a line, binaries inside lists and tuples, printable
%% binaries.
-module(fmt_binaries).
-export([start/0]).

start() ->
    io:format("~w~n", [term_to_binary(a)]),
    io:format("~p~n", [term_to_binary(a)]),
    io:format("~p~n", [term_to_binary({tuple, [1, 2, 3], "string"})]),
    io:format("~p~n", [term_to_binary(lists:seq(1, 40))]),
    io:format("~p~n", [term_to_binary(lists:seq(200, 300))]),
    io:format("~p~n", [[term_to_binary(x), term_to_binary({y, z}), term_to_binary("abc")]]),
    io:format("~p~n", [{bin, term_to_binary([alpha, beta, gamma, delta, epsilon, zeta, eta, theta])}]),
    io:format("~p~n", [list_to_binary("printable text")]),
    io:format("~w~n", [list_to_binary("printable text")]),
    io:format("~p~n", [list_to_binary("A printable binary that is longer than a line, much longer than eighty columns, indeed.")]),
    io:format("~p~n", [list_to_binary([])]),
    io:format("~p~n", [list_to_binary([1, 2, 3])]),
    io:format("~p~n", [{list_to_binary("key"), list_to_binary("value")}]),
    io:format("~s~n", [list_to_binary("as ~s")]),
    io:format("prefix ~p~n", [term_to_binary(lists:seq(1, 30))]).
