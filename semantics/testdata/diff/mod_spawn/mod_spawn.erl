%% Processes started in other modules: spawn/3 and spawn/1 of a fun m:f/0
%% and of a closure made in a library module, spawn_link/3, spawn_monitor/3,
%% and replies read in a fixed order.
-module(mod_spawn).
-export([start/0]).

start() ->
    Self = self(),
    P1 = spawn(mod_spawn_worker, echo, [Self, one]),
    receive {P1, M1} -> io:format("~w~n", [M1]) end,
    P2 = spawn(fun mod_spawn_worker:hello/0),
    P2 ! {greet, Self},
    receive {P2, M2} -> io:format("~w~n", [M2]) end,
    P3 = spawn(mod_spawn_worker:closure(Self, three)),
    receive {P3, M3} -> io:format("~w~n", [M3]) end,
    process_flag(trap_exit, true),
    P4 = spawn_link(mod_spawn_worker, crash, [bye]),
    receive {'EXIT', P4, R4} -> io:format("exit ~w~n", [R4]) end,
    {P5, Ref} = spawn_monitor(mod_spawn_worker, echo, [Self, five]),
    receive {P5, M5} -> io:format("~w~n", [M5]) end,
    receive {'DOWN', Ref, process, P5, R5} -> io:format("down ~w~n", [R5]) end,
    P6 = spawn(mod_spawn_worker, relay, [mod_spawn_worker, echo, Self]),
    receive {_, M6} -> io:format("~w~n", [M6]) end,
    unlink(P4),
    io:format("~w~n", [[is_pid(P) || P <- [P1, P2, P3, P4, P5, P6]]]).
