%% Registered names: register, whereis, unregister, registered/0 (only the
%% names this program made), sending to a name, badarg cases, the name
%% freed when its process ends.
-module(registered).
-export([start/0, server/0]).

start() ->
    Self = self(),
    P = spawn(?MODULE, server, []),
    io:format("register: ~w~n", [register(srv, P)]),
    io:format("whereis: ~w~n", [whereis(srv) =:= P]),
    io:format("mine: ~w~n", [mine()]),
    srv ! {echo, Self, hi},
    receive {reply, hi} -> io:format("name send ok~n") end,
    {srv, node()} ! {echo, Self, there},
    receive {reply, there} -> io:format("{name, node} send ok~n") end,
    io:format("again: ~w~n", [catch_reason(fun() -> register(srv, self()) end)]),
    io:format("second name: ~w~n", [catch_reason(fun() -> register(other, P) end)]),
    io:format("undefined: ~w~n", [catch_reason(fun() -> register(undefined, self()) end)]),
    io:format("not a pid: ~w~n", [catch_reason(fun() -> register(x, not_a_pid) end)]),
    io:format("not an atom: ~w~n", [catch_reason(fun() -> register("x", self()) end)]),
    io:format("send to unknown: ~w~n", [catch_reason(fun() -> nobody ! hello end)]),
    io:format("{unknown, node}: ~w~n", [catch_reason(fun() -> {nobody, node()} ! hello end)]),
    io:format("whereis unknown: ~w~n", [whereis(nobody)]),
    register(me, self()),
    io:format("mine: ~w~n", [mine()]),
    io:format("unregister: ~w~n", [unregister(me)]),
    io:format("unregister again: ~w~n", [catch_reason(fun() -> unregister(me) end)]),
    Ref = monitor(process, P),
    srv ! stop,
    receive {'DOWN', Ref, process, P, _} -> ok end,
    io:format("after the end: ~w ~w~n", [whereis(srv), mine()]),
    Dead = P,
    io:format("register dead: ~w~n", [catch_reason(fun() -> register(ghost, Dead) end)]),
    Q = spawn(?MODULE, server, []),
    register(srv, Q),
    io:format("reused name: ~w~n", [whereis(srv) =:= Q]),
    srv ! stop.

mine() ->
    lists:sort([N || N <- registered(), lists:member(N, [srv, me, other, ghost, x])]).

server() ->
    receive
        {echo, From, M} -> From ! {reply, M}, server();
        stop -> ok
    end.

catch_reason(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R -> {C, R}
    end.
