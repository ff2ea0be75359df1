%% Odds and ends of processes: spawn of an undefined function, spawn/3 of
%% an exported function, is_process_alive, self() in children, messages
%% to dead processes vanish, many processes, a ring.
-module(procs_misc).
-export([start/0, child/1, ring_node/1]).

start() ->
    Self = self(),
    {P1, R1} = spawn_monitor(no_such_module, f, [1]),
    receive {'DOWN', R1, process, P1, {undef, [Top | _]}} -> io:format("undef: ~w~n", [Top]) end,
    {P2, R2} = spawn_monitor(?MODULE, no_such_fun, []),
    receive {'DOWN', R2, process, P2, {undef, [Top2 | _]}} -> io:format("undef: ~w~n", [Top2]) end,
    P3 = spawn(?MODULE, child, [Self]),
    receive {child, Pid3} -> io:format("self() in child: ~w~n", [Pid3 =:= P3]) end,
    R3 = monitor(process, P3),
    receive {'DOWN', R3, process, P3, _} -> ok end,
    io:format("alive after end: ~w~n", [is_process_alive(P3)]),
    P3 ! into_the_void,
    io:format("send to dead returns: ~w~n", [P3 ! again]),
    Ps = [spawn(fun() -> receive {go, From, I} -> From ! {done, I * I} end end) || _ <- lists:seq(1, 12)],
    lists:foreach(fun({P, I}) -> P ! {go, Self, I} end, lists:zip(Ps, lists:seq(1, 12))),
    Sq = lists:sort([receive {done, V} -> V end || _ <- Ps]),
    io:format("squares: ~w~n", [Sq]),
    Ring = ring(5),
    hd(Ring) ! {token, 0, Self},
    receive {token, N, _} -> io:format("ring: ~w hops~n", [N]) end,
    [P ! stop || P <- Ring],
    io:format("spawn(badarg): ~w~n", [catch_reason(fun() -> spawn(not_a_fun) end)]),
    io:format("spawn(arity): ~w~n", [catch_reason(fun() -> spawn(fun(_) -> ok end) end)]),
    io:format("spawn/3 badarg: ~w~n", [catch_reason(fun() -> spawn(m, f, not_a_list) end)]),
    io:format("is_process_alive(badarg): ~w~n", [catch_reason(fun() -> is_process_alive(self) end)]).

child(Parent) -> Parent ! {child, self()}.

ring(N) ->
    Ps = [spawn(?MODULE, ring_node, [undefined]) || _ <- lists:seq(1, N)],
    Next = tl(Ps) ++ [hd(Ps)],
    lists:foreach(fun({P, Q}) -> P ! {next, Q} end, lists:zip(Ps, Next)),
    Ps.

ring_node(undefined) ->
    receive {next, Q} -> ring_node(Q) end;
ring_node(Next) ->
    receive
        {token, N, Top} when N >= 12 -> Top ! {token, N, self()}, ring_node(Next);
        {token, N, Top} -> Next ! {token, N + 1, Top}, ring_node(Next);
        stop -> ok
    end.

catch_reason(F) ->
    try F() of
        V -> {value, is_pid(V)}
    catch
        C:R -> {C, R}
    end.
