%% Without export_all, a function that is not exported cannot be reached
%% by spawn/3, apply/3, Module:F(...) or fun Module:F/A: each raises undef, as on a real
%% node (a local call still works).
-module(rec_no_export).
-export([start/0]).

start() ->
    {P, Ref} = spawn_monitor(?MODULE, hidden, []),
    receive {'DOWN', Ref, process, P, Why} -> io:format("spawn/3: ~p~n", [Why]) end,
    io:format("apply/3: ~p~n", [try apply(?MODULE, hidden, []) catch C:E -> {C, E} end]),
    io:format("remote: ~p~n", [try ?MODULE:hidden() catch C2:E2 -> {C2, E2} end]),
    M = list_to_atom("rec_no_export"),
    io:format("dynamic: ~p~n", [try M:hidden() catch C3:E3 -> {C3, E3} end]),
    F = fun ?MODULE:hidden/0,
    io:format("fun: ~p~n", [try F() catch C4:E4 -> {C4, E4} end]),
    io:format("local: ~p~n", [hidden()]).

hidden() -> hidden.
