%% A client module and a server module: the server registers itself, keeps
%% its state in its loop, and the client's API hides the protocol.
-module(mod_server).
-export([start/0]).

start() ->
    ok = mod_server_srv:start(),
    io:format("~p~n", [mod_server_client:put(a, 1)]),
    io:format("~p~n", [mod_server_client:put(b, 2)]),
    io:format("~p~n", [mod_server_client:get(a)]),
    io:format("~p~n", [mod_server_client:get(c)]),
    io:format("~p~n", [mod_server_client:put(a, 10)]),
    io:format("~p~n", [mod_server_client:keys()]),
    io:format("~p~n", [mod_server_client:bad()]),
    io:format("~p~n", [is_pid(whereis(mod_server_srv))]),
    io:format("~p~n", [mod_server_client:stop()]).
