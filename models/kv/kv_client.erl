%% The client side of the key-value store: the protocol behind two calls.
%% A call monitors the server, so that it returns {error, Reason} instead
%% of waiting forever when the server dies or its node is cut off.
-module(kv_client).
-export([put/3, get/2]).

put(Server, Key, Value) -> call(Server, {put, Key, Value}).

get(Server, Key) -> call(Server, {get, Key}).

call(Server, Request) ->
    Ref = monitor(process, Server),
    Server ! {call, self(), Ref, Request},
    receive
        {Ref, Reply} ->
            demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, process, Server, Reason} ->
            {error, Reason}
    end.
