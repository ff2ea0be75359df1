%% Binaries in messages between processes: a receive that selects by the
%% contents of a binary (a prefix, a size, a bound value), binaries inside
%% tuples and lists, and a ring of processes that each append a byte.
-module(bin_messages).
-export([start/0]).

ring(0, Parent) ->
    receive
        {token, B} -> Parent ! {done, B}
    end;
ring(N, Parent) ->
    Next = spawn(fun() -> ring(N - 1, Parent) end),
    receive
        {token, B} -> Next ! {token, <<B/binary, N>>}
    end.

start() ->
    Self = self(),
    Self ! <<"noise">>,
    Self ! {msg, <<2, "hi">>},
    Self ! {msg, <<"PING">>},
    Self ! {msg, <<1, 0:3>>},
    Key = <<"PI">>,
    receive
        {msg, <<Key:2/binary, Rest/binary>>} -> io:format("prefix ~p rest ~p~n", [Key, Rest])
    end,
    receive
        {msg, <<_, _:3>>} = M -> io:format("bits ~p~n", [M])
    end,
    receive
        {msg, <<N, Body:N/binary>>} -> io:format("sized ~p ~p~n", [N, Body])
    end,
    receive
        B when is_binary(B), byte_size(B) > 3 -> io:format("guarded ~p~n", [B])
    end,
    First = spawn(fun() -> ring(5, Self) end),
    First ! {token, <<"ring:">>},
    receive
        {done, R} -> io:format("ring ~p~n", [R])
    end,
    Echo = spawn(fun() -> receive {From, Data} -> From ! {self(), [Data, <<"!">>, {nested, Data}]} end end),
    Echo ! {Self, <<"echo">>},
    receive
        {Echo, Reply} -> io:format("echo ~p ~p~n", [Reply, iolist_to_binary([D || D <- Reply, is_binary(D)])])
    end.
