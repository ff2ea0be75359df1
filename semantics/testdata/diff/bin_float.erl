-module(bin_float).
-export([start/0]).

%% Float segments: 64, 32 and 16 bits, both byte orders, integers taken
%% as floats, values too large for the size (an infinity), and patterns
%% that match no infinity and no NaN.
start() ->
    Vals = [0.0, -0.0, 1.0, -2.5, 0.1, 1.0e-8, 1.0e-40, 65504.0, 65520.0,
            3.4028234663852886e38, 1.0e300, 5.960464477539063e-8, 7, -3,
            1 bsl 62, 0.3333333333333333, 1.0e-310],
    [io:format("~p: ~w ~w ~w ~w~n",
               [V, <<V:64/float>>, <<V:32/float>>, <<V:16/float>>, <<V:32/little-float>>])
     || V <- Vals],
    [io:format("~p -> ~p ~p ~p~n", [V, r64(<<V:64/float>>), r32(<<V:32/float>>), r16(<<V:16/float>>)])
     || V <- Vals],
    io:format("~p~n", [[r16(<<B:16>>) || B <- [1, 16#3C00, 16#3C01, 16#7BFF, 16#7C00, 16#7E00, 16#8001, 16#FC00]]]),
    io:format("~p~n", [[r32(<<B:32>>) || B <- [1, 16#7F800000, 16#7FC00000, 16#FF800000, 16#3F800001]]]),
    <<A:32/little-float, Rest/binary>> = <<1.5:32/little-float, "tail">>,
    io:format("~p ~p~n", [A, Rest]),
    io:format("~p~n", [[try <<X:Size/float>> catch error:R -> R end
                        || {X, Size} <- [{1.0, 8}, {1.0, 24}, {a, 64}, {1.0, 0}, {1.0, -64}]]]),
    io:format("~p~n", [<< <<F:32/float>> || F <- [1.0, 2.0, 0.5] >>]),
    io:format("~p~n", [[F || <<F:16/float>> <= <<1.0:16/float, 16#7C00:16, -2.0:16/float>>]]).

r64(<<F:64/float>>) -> F;
r64(_) -> nomatch.
r32(<<F:32/float>>) -> F;
r32(_) -> nomatch.
r16(<<F:16/float>>) -> F;
r16(_) -> nomatch.
