%% Monitors: DOWN reasons, monitoring a dead process (noproc), demonitor
%% with flush and info, monitors by registered name, spawn_monitor,
%% several monitors on one process.
-module(monitors).
-export([start/0]).

start() ->
    Self = self(),
    P1 = spawn(fun() -> receive go -> exit(done_here) end end),
    R1 = monitor(process, P1),
    P1 ! go,
    receive {'DOWN', R1, process, P1, W1} -> io:format("DOWN: ~w~n", [W1]) end,
    R2 = monitor(process, P1),
    receive {'DOWN', R2, process, P1, W2} -> io:format("dead target: ~w~n", [W2]) end,
    {P3, R3} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R3, process, P3, W3} -> io:format("spawn_monitor: ~w~n", [W3]) end,
    %% demonitor: no DOWN afterwards
    P4 = spawn(fun() -> receive go -> ok end end),
    R4 = monitor(process, P4),
    io:format("demonitor: ~w~n", [demonitor(R4)]),
    P4 ! go,
    receive {'DOWN', R4, _, _, _} -> io:format("unexpected DOWN~n") after 50 -> io:format("no DOWN after demonitor~n") end,
    %% demonitor with flush removes a DOWN already received
    {P5, R5} = spawn_monitor(fun() -> ok end),
    R5b = monitor(process, P5),
    receive {'DOWN', R5b, process, P5, _} -> ok end,
    io:format("flush: ~w~n", [demonitor(R5, [flush])]),
    receive {'DOWN', R5, _, _, _} -> io:format("unexpected DOWN~n") after 0 -> io:format("flushed~n") end,
    io:format("info: ~w ~w~n", [demonitor(R5, [info]), demonitor(make_ref(), [info])]),
    R6 = monitor(process, spawn(fun() -> ok end)),
    receive {'DOWN', R6, _, _, _} -> ok end,
    io:format("info after DOWN: ~w~n", [demonitor(R6, [info, flush])]),
    %% by name
    P7 = spawn(fun() -> receive go -> exit(named_end) end end),
    register(watched, P7),
    R7 = monitor(process, watched),
    P7 ! go,
    receive {'DOWN', R7, process, Obj7, W7} -> io:format("by name: ~w ~w~n", [Obj7, W7]) end,
    R8 = monitor(process, not_registered),
    receive {'DOWN', R8, process, Obj8, W8} -> io:format("unregistered name: ~w ~w~n", [Obj8, W8]) end,
    P9 = spawn(fun() -> receive go -> exit(remote_form) end end),
    register(watched2, P9),
    R9 = monitor(process, {watched2, node()}),
    P9 ! go,
    receive {'DOWN', R9, process, Obj9, W9} -> io:format("by {name, node}: ~w ~w~n", [Obj9, W9]) end,
    %% two monitors, two DOWNs in monitor order
    P10 = spawn(fun() -> receive go -> exit(twice) end end),
    Ra = monitor(process, P10),
    Rb = monitor(process, P10),
    P10 ! go,
    receive {'DOWN', Ra, process, _, Wa} -> io:format("first: ~w~n", [Wa]) end,
    receive {'DOWN', Rb, process, _, Wb} -> io:format("second: ~w~n", [Wb]) end,
    %% the monitored process is killed
    P11 = spawn(fun() -> receive never -> ok end end),
    R11 = monitor(process, P11),
    exit(P11, kill),
    receive {'DOWN', R11, process, P11, W11} -> io:format("killed: ~w~n", [W11]) end,
    io:format("alive: ~w~n", [is_process_alive(P11)]),
    io:format("self alive: ~w~n", [is_process_alive(Self)]),
    io:format("monitor(badarg): ~w~n", [catch_reason(fun() -> monitor(process, 42) end)]),
    io:format("monitor(badtype): ~w~n", [catch_reason(fun() -> monitor(port_like, self()) end)]).

catch_reason(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R -> {C, R}
    end.
