%% A key-value store made of a server module (kv_server.erl) and a client
%% module (kv_client.erl): two clients on two nodes each write their own key
%% and read it back from a server on a third node. Every read sees the
%% client's own write, and a client cut off from the server gets an error,
%% not a hang: pass, with and without a disconnection.
-module(kv).
-export([start/0, client/3]).
-mcgo({nodes, ['a@h', 'b@h', 'c@h']}).
-mcgo({end_states, [{kv_server, loop, 1}]}).
-mcgo({variant, cut_off, [{faults, [{disconnect, 1}]}], pass}).

start() ->
    Server = kv_server:start('c@h'),
    spawn(?MODULE, client, [Server, x, 1]),
    spawn('b@h', ?MODULE, client, [Server, y, 2]).

client(Server, Key, Value) ->
    case kv_client:put(Server, Key, Value) of
        ok ->
            check(kv_client:get(Server, Key), Value);
        {error, _} ->
            cut_off
    end.

check({ok, Value}, Value) -> ok;
check({error, _}, _) -> cut_off.
