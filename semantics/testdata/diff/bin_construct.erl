%% Bitstring construction with every segment type mcgo builds: integers of
%% any size, signed and little-endian, binaries and bitstrings with and
%% without sizes, strings, utf8/16/32, sizes from variables and
%% expressions, and the empty binary.
-module(bin_construct).
-export([start/0]).

start() ->
    X = 258, Y = <<"xyz">>, Z = <<5:3>>, C = 233, N = 2, I = -2,
    Bins = [<<>>, <<1, 2, 3>>, <<X:16>>, <<X:16/little>>, <<X>>, <<Y/binary>>, <<"abc">>,
            <<Z:3/bits>>, <<Z/bitstring, 1:1>>, <<C/utf8>>, <<C/utf16>>, <<C/utf32-little>>,
            <<I:32/little-signed-integer>>, <<I:32/big-signed>>, <<I:12>>, <<X:12/little>>,
            <<1:1, 0:1, 1:1>>, <<Y:N/binary>>, <<Y:(N + 1)/bytes, "!">>, <<X:N/unit:8>>,
            <<"é"/utf8, "ok"/utf16>>, <<-1>>, <<300:8>>, <<1:4, 2:4, 3:8>>, <<7:3/unit:2>>,
            <<16#10FFFF/utf8>>, <<128/utf8>>, <<2048/utf8>>, <<65536/utf16-little>>,
            <<Y/binary, Z/bits, Y/binary>>, <<1:64>>, <<-1:64/signed>>, <<X:0>>,
            <<"a", <<"bc">>/binary>>, <<(byte_size(Y)):8, Y/binary>>, <<(+5), (-3):16>>],
    lists:foreach(fun(B) -> io:format("~w ~p ~w ~w~n", [B, B, byte_size(B), bit_size(B)]) end, Bins),
    io:format("~w~n", [[is_binary(B) || B <- Bins]]),
    io:format("~w~n", [[is_bitstring(B) || B <- Bins]]).
