%% io:format corner cases: ~p after text on the same line (the column
%% counts), tabs, several ~p on one line, ~p with explicit column, deep
%% char lists with ~s, io_lib:format results.
-module(io_misc).
-export([start/0]).

start() ->
    L = [{key_number_one, value_one}, {key_number_two, value_two}, {key_number_three, value_three}],
    io:format("a fairly long prefix before the term: ~p~n", [L]),
    io:format("\ttabbed ~p~n", [L]),
    io:format("~p ~p~n", [L, L]),
    io:format("~p~n~p~n", [{short}, L]),
    io:format("~80.1p~n", [L]),
    io:format("~60.5p~n", [L]),
    io:format("xx~n~p~n", [lists:seq(1, 35)]),
    io:format("~s~n", [["deep", [$c, [$h, [$a, "rs"]]], list_to_binary("")]]),
    S = io_lib:format("~p", [lists:seq(1, 35)]),
    io:format("~s~n", [S]),
    io:format("~w~n", [lists:flatten(io_lib:format("~w+~w", [1, 2]))]),
    io:format("~p~n", [lists:flatten(io_lib:format("~p", [{a, "b"}]))]),
    io:format("~s: ~p~n", ["label", [aaaaaaaaaa, bbbbbbbbbb, cccccccccc, dddddddddd, eeeeeeeeee, ffffffffff, gggggggggg]]),
    io:format("~-6w|~6w|~n", [-12, -12]),
    io:format("~p~n", [-123]),
    io:format("~5p|~n", [abc]),
    io:format("~n"),
    io:format("end~n").
