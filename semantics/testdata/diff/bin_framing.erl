%% A small length-prefixed framing protocol between two processes: the
%% client encodes messages as <<Len:16, Type:8, Payload/binary>> frames,
%% sends the byte stream in chunks cut at arbitrary places, and the server
%% buffers the bytes, decodes every complete frame and answers each one.
-module(bin_framing).
-export([start/0]).

encode(Type, Payload) when is_binary(Payload) ->
    <<(byte_size(Payload) + 1):16, Type:8, Payload/binary>>.

decode(<<Len:16, Frame:Len/binary, Rest/binary>>, Acc) when Len > 0 ->
    <<Type:8, Payload/binary>> = Frame,
    decode(Rest, [{Type, Payload} | Acc]);
decode(Rest, Acc) ->
    {lists:reverse(Acc), Rest}.

chunks(<<>>, _) -> [];
chunks(Bin, N) when byte_size(Bin) =< N -> [Bin];
chunks(Bin, N) ->
    <<Chunk:N/binary, Rest/binary>> = Bin,
    [Chunk | chunks(Rest, N + 1)].

server(Buf, Client) ->
    receive
        {bytes, Chunk} ->
            {Frames, Rest} = decode(<<Buf/binary, Chunk/binary>>, []),
            [Client ! {reply, answer(F)} || F <- Frames],
            server(Rest, Client);
        stop ->
            Client ! {leftover, Buf}
    end.

answer({1, Name}) -> <<"hello ", Name/binary>>;
answer({2, <<A:32, B:32>>}) -> <<(A + B):32>>;
answer({T, P}) -> {unknown, T, byte_size(P)}.

collect(0) -> [];
collect(N) ->
    receive
        {reply, R} -> [R | collect(N - 1)]
    end.

start() ->
    Self = self(),
    Server = spawn(fun() -> server(<<>>, Self) end),
    Msgs = [encode(1, <<"world">>), encode(2, <<40:32, 2:32>>), encode(9, <<0:800>>), encode(1, <<>>)],
    Stream = iolist_to_binary([Msgs, <<0, 7, 1>>]),
    io:format("stream of ~p bytes: ~p~n", [byte_size(Stream), Stream]),
    [Server ! {bytes, C} || C <- chunks(Stream, 1)],
    Replies = collect(length(Msgs)),
    io:format("~p~n", [Replies]),
    Server ! stop,
    receive
        {leftover, L} -> io:format("leftover ~p~n", [L])
    end.
