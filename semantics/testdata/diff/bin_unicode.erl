%% Text in binaries: utf8, utf16 and utf32 segments built and matched,
%% code points at the encodings' boundaries, invalid sequences, and
%% conversions between strings, atoms, integers and binaries.
-module(bin_unicode).
-export([start/0]).

decode(<<>>) -> [];
decode(<<C/utf8, Rest/binary>>) -> [C | decode(Rest)];
decode(<<B, Rest/binary>>) -> [{bad, B} | decode(Rest)].

decode16(<<C/utf16-little, Rest/binary>>) -> [C | decode16(Rest)];
decode16(Rest) -> [{rest, Rest}].

start() ->
    Points = [0, 16#7F, 16#80, 16#7FF, 16#800, 16#FFFF, 16#10000, 16#10FFFF],
    U8 = << <<C/utf8>> || C <- Points >>,
    io:format("~w~n", [U8]),
    io:format("~w~n", [decode(U8)]),
    io:format("~w~n", [decode(<<16#C0, 16#80, 16#ED, 16#A0, 16#80, 16#F4, 16#90, 16#80, 16#80, "ok">>)]),
    U16 = << <<C/utf16-little>> || C <- Points >>,
    io:format("~w~n", [U16]),
    io:format("~w~n", [decode16(<<U16/binary, 0, 16#DC>>)]),
    U32 = << <<C/utf32>> || C <- Points >>,
    io:format("~w~n", [[C || <<C/utf32>> <= U32]]),
    io:format("~w~n", [[C || <<C/utf16>> <= << <<C/utf16>> || C <- Points >>]]),
    io:format("~p~n", [{atom_to_binary('ünï'), atom_to_binary('ünï', latin1), binary_to_atom(<<"ünï"/utf8>>)}]),
    io:format("~p~n", [[integer_to_binary(I) || I <- [0, -1, 123456789]] ++ [integer_to_binary(255, 2)]]),
    io:format("~p~n", [binary_to_list(<<"héllo"/utf8>>)]),
    io:format("~ts~n", [<<"plain">>]).
