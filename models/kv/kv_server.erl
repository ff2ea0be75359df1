%% The server side of the key-value store: one process that keeps the
%% store in its loop and answers each call.
-module(kv_server).
-export([start/1, init/0, loop/1]).

start(Node) -> spawn(Node, ?MODULE, init, []).

init() -> loop([]).

loop(Store) ->
    receive
        {call, From, Ref, Request} ->
            {Reply, Store1} = handle(Request, Store),
            From ! {Ref, Reply},
            loop(Store1)
    end.

handle({put, Key, Value}, Store) ->
    {ok, lists:keystore(Key, 1, Store, {Key, Value})};
handle({get, Key}, Store) ->
    case lists:keyfind(Key, 1, Store) of
        {Key, Value} -> {{ok, Value}, Store};
        false -> {not_found, Store}
    end.
