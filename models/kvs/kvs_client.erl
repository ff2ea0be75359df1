%% kvs_client: the client side of the primary-backup store in
%% kvs_server.erl. A call monitors the server it asks, as gen_server:call
%% does, and fails over to the next server when that one is down.
-module(kvs_client).

-export([put/3, get/2]).

-record(call, {servers = [] :: [pid()], failovers = 0 :: non_neg_integer()}).

%% put stores Value under Key on the first server that answers.
put(Servers, Key, Value) ->
    request(#call{servers = Servers}, fun(Ref) -> {put, self(), Ref, Key, Value} end).

%% get reads Key from the first server that answers.
get(Servers, Key) ->
    request(#call{servers = Servers}, fun(Ref) -> {get, self(), Ref, Key} end).

request(#call{servers = []}, _Msg) ->
    {error, no_server};
request(C = #call{servers = [Server | Rest], failovers = N}, Msg) ->
    Ref = erlang:monitor(process, Server),
    Server ! Msg(Ref),
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            {ok, Reply};
        {'DOWN', Ref, process, Server, _Reason} ->
            request(C#call{servers = Rest, failovers = N + 1}, Msg)
    end.
