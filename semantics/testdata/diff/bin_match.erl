%% Bitstring patterns in every position: function heads, case, receive,
%% match expressions; sizes from earlier segments and from bound
%% variables, Rest/binary and Rest/bits, string prefixes, utf8, signed and
%% little-endian integers, and the badmatch of a binary.
-module(bin_match).
-export([start/0]).

head(<<0, Rest/binary>>) -> {zero, Rest};
head(<<1, N:16, Rest/binary>>) -> {one, N, Rest};
head(<<"GET ", Path/binary>>) -> {get, Path};
head(<<Len:8, Data:Len/binary, Rest/bits>>) -> {lv, Data, Rest};
head(Other) -> {other, Other}.

utf(<<C/utf8, Rest/binary>>, Acc) -> utf(Rest, [C | Acc]);
utf(<<>>, Acc) -> lists:reverse(Acc);
utf(Bad, Acc) -> {bad, Bad, lists:reverse(Acc)}.

ints(B) ->
    <<A:8/signed, L:16/little, S:16/little-signed, U:4, V:4, W:3, _:5>> = B,
    {A, L, S, U, V, W}.

sized(N, B) ->
    case B of
        <<X:N, Y/bits>> -> {N, X, Y};
        _ -> nomatch
    end.

head2(<<X:8>>) -> X.

t(F) ->
    try F() of
        V -> V
    catch
        C:R -> {C, R}
    end.

start() ->
    io:format("~p~n", [[head(B) || B <- [<<0, 1, 2>>, <<1, 1, 2, 3>>, <<"GET /index.html">>,
                                        <<3, "abcde">>, <<4, "ab">>, <<2, "xy", 5:3>>, <<>>, <<1, 1>>]]]),
    io:format("~p~n", [utf(<<"héllo"/utf8>>, [])]),
    io:format("~p~n", [utf(<<104, 255, 104>>, [])]),
    io:format("~p~n", [ints(<<255, 1, 2, 254, 255, 16#AB, 2#10100000>>)]),
    io:format("~p~n", [[sized(N, <<16#F0F0:16>>) || N <- [0, 1, 4, 8, 12, 16, 17]]]),
    <<P:4, Q:4>> = <<16#5A>>,
    io:format("~p ~p~n", [P, Q]),
    Bin = <<1, 2, 3>>,
    <<First, _/binary>> = Bin,
    Self = self(),
    Self ! {data, <<7, 0, 42, "tail">>},
    receive
        {data, <<7, Size:16, Tail/binary>>} -> io:format("received ~p ~p~n", [Size, Tail])
    end,
    io:format("~p~n", [First]),
    io:format("~p~n", [t(fun() -> <<A:8, _/binary>> = list_to_binary([]), A end)]),
    io:format("~p~n", [t(fun() -> <<_:4>> = <<1:5>> end)]),
    io:format("~p~n", [t(fun() -> <<B2:2/binary>> = <<1, 2, 3>>, B2 end)]),
    io:format("~p~n", [t(fun() -> head2(<<1:7>>) end)]),
    io:format("~p~n", [case <<1:1>> of <<1:1>> -> yes; _ -> no end]),
    io:format("~p~n", [case <<"abc">> of <<"ab", C>> -> C end]),
    io:format("~p~n", [case <<"abc">> of "abc" -> list; <<_/binary>> -> bin end]),
    Exp = <<"abc">>,
    io:format("~p~n", [case <<"abc">> of Exp -> same end]),
    ok.
