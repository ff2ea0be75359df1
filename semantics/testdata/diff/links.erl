%% Links and trap_exit: EXIT messages for normal and abnormal ends,
%% exit/2 with normal and kill, linking to a dead process, unlink,
%% process_flag's old value.
-module(links).
-export([start/0]).

start() ->
    Self = self(),
    %% erl's -eval process traps exits; mcgo's initial process does not.
    process_flag(trap_exit, false),
    io:format("trap_exit was ~w~n", [process_flag(trap_exit, true)]),
    io:format("trap_exit was ~w~n", [process_flag(trap_exit, true)]),
    P1 = spawn_link(fun() -> ok end),
    receive {'EXIT', P1, R1} -> io:format("normal end: ~w~n", [R1]) end,
    P2 = spawn_link(fun() -> exit(bye) end),
    receive {'EXIT', P2, R2} -> io:format("exit/1: ~w~n", [R2]) end,
    P3 = spawn_link(fun() -> receive never -> ok end end),
    exit(P3, stop_now),
    receive {'EXIT', P3, R3} -> io:format("exit/2 from parent: ~w~n", [R3]) end,
    %% exit(P, normal) does not kill a process that does not trap exits
    P4 = spawn_link(fun() -> wait_ping() end),
    exit(P4, normal),
    P4 ! {ping, Self},
    receive pong -> io:format("survived exit(P, normal)~n") end,
    P4 ! stop,
    receive {'EXIT', P4, R4} -> io:format("then ended: ~w~n", [R4]) end,
    %% a trapping child gets exit(P, normal) as a message
    P5 = spawn_link(fun() -> process_flag(trap_exit, true), Self ! ready, receive M -> Self ! {child_got, M} end end),
    receive ready -> ok end,
    exit(P5, normal),
    receive {child_got, {'EXIT', Self, normal}} -> io:format("trapping child got the normal exit~n") end,
    receive {'EXIT', P5, R5} -> io:format("child ended: ~w~n", [R5]) end,
    %% kill cannot be trapped
    P6 = spawn_link(fun() -> process_flag(trap_exit, true), Self ! ready, receive never -> ok end end),
    receive ready -> ok end,
    exit(P6, kill),
    receive {'EXIT', P6, R6} -> io:format("kill: ~w~n", [R6]) end,
    %% link to a dead process while trapping exits
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    io:format("link to dead: ~w~n", [link(Dead)]),
    receive {'EXIT', Dead, R7} -> io:format("EXIT from dead: ~w~n", [R7]) after 100 -> io:format("no EXIT~n") end,
    %% unlink: no EXIT afterwards
    P8 = spawn_link(fun() -> receive go -> exit(crash) end end),
    unlink(P8),
    Ref8 = monitor(process, P8),
    P8 ! go,
    receive {'DOWN', Ref8, process, P8, R8} -> io:format("unlinked child ended: ~w~n", [R8]) end,
    receive {'EXIT', P8, _} -> io:format("unexpected EXIT~n") after 50 -> io:format("no EXIT after unlink~n") end,
    %% link/1 returns true, twice is fine, links to self too
    P9 = spawn(fun() -> wait_ping() end),
    io:format("link: ~w ~w ~w~n", [link(P9), link(P9), link(self())]),
    P9 ! stop,
    receive {'EXIT', P9, R9} -> io:format("P9: ~w~n", [R9]) end,
    %% exit/2 on oneself while trapping: a message
    exit(self(), myself),
    receive {'EXIT', Self, R10} -> io:format("self exit trapped: ~w~n", [R10]) end,
    %% not trapping: link to a dead process raises noproc
    process_flag(trap_exit, false),
    io:format("link to dead, not trapping: ~w~n", [catch_reason(fun() -> link(Dead) end)]),
    io:format("link(badarg): ~w~n", [catch_reason(fun() -> link(not_a_pid) end)]).

wait_ping() ->
    receive
        {ping, From} -> From ! pong, wait_ping();
        stop -> ok
    end.

catch_reason(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R -> {C, R}
    end.
