%% Printing binaries and bitstrings with ~w, ~p and ~s: printable and not,
%% partial bytes, long ones that ~p wraps (alone, in tuples and lists, at
%% an indentation), ~s of binaries and of iolists holding binaries, field
%% widths, and binary format strings.
-module(bin_print).
-export([start/0]).

start() ->
    Long = list_to_binary(lists:seq(1, 100)),
    LongBits = <<Long/binary, 5:3>>,
    Text = <<"The quick brown fox jumps over the lazy dog, and then it jumps over the lazy dog again.">>,
    io:format("~w~n~p~n", [<<1:3>>, <<1:3>>]),
    io:format("~w ~p~n", [<<1, 2:4>>, <<"abc", 1:2>>]),
    io:format("~p~n", [Long]),
    io:format("~p~n", [LongBits]),
    io:format("~p~n", [{frame, LongBits}]),
    io:format("~p~n", [[Long, <<1:1>>, <<>>]]),
    io:format("~p~n", [Text]),
    io:format("~p~n", [{text, Text, Text}]),
    io:format("   indented ~p~n", [list_to_binary(lists:seq(200, 255))]),
    io:format("~p~n", [[{k, <<"v">>}, {k2, <<0, "v">>}, {k3, <<"tab\there">>}, {k4, <<"nl\n">>}]]),
    io:format("~s|~s|~s~n", [<<"abc">>, [<<"ab">>, $c, [<<"d">>]], ["x" | <<"y">>]]),
    io:format("~5s|~-5s|~.2s|~10.3s|~n", [<<"abc">>, <<"ab">>, <<"abc">>, <<"abcdef">>]),
    io:format(<<"a binary format ~p~n">>, [<<"arg">>]),
    io:format("~w~n", [[<<>>, <<0>>, <<255>>, <<"a">>]]),
    io:format("~p~n", [list_to_binary(lists:duplicate(30, "ab\n"))]),
    io:format("~p~n", [{a, b, [<<1:7>>, <<1:9>>, <<1:15>>, <<1:17>>]}]),
    S = io_lib:format("~p", [<<"x", 1:1>>]),
    io:format("~s~n", [S]),
    io:format("~p~n", [[<<I:I>> || I <- lists:seq(1, 20)]]),
    io:format("~p~n", [try io_lib:format("~s", [<<1:3>>]) catch error:R -> R end]),
    io:format(<<"utf8 format: é|~n"/utf8>>),
    io:format(<<"latin1 format: ", 233, "|~n">>),
    io:format("~s|~ts|~ts|~ts|~n", [<<"é"/utf8>>, <<"é"/utf8>>, [<<"é"/utf8>>, <<233>>], ["a", <<"é"/utf8>> | <<"b">>]]),
    io:format("~ts|~n", [<<255, "x">>]).
