%% Termination cascades through chains and trees of links; the reason
%% travels unchanged; trapping processes stop the cascade.
-module(cascade).
-export([start/0]).

start() ->
    process_flag(trap_exit, true),
    Self = self(),
    %% a chain Self - A - B - C; C crashes, A and B die with C's reason
    A = spawn_link(fun() -> chain(3, Self, []) end),
    Pids = receive {chain, Ps} -> Ps end,
    Refs = [monitor(process, P) || P <- Pids],
    lists:last(Pids) ! {die, {chain_reason, 42}},
    Downs = [receive {'DOWN', R, process, _, Why} -> Why end || R <- Refs],
    io:format("downs: ~w~n", [Downs]),
    receive {'EXIT', A, WA} -> io:format("head: ~w~n", [WA]) end,
    %% a trapping link in the middle stops the cascade
    B = spawn_link(fun() ->
                           process_flag(trap_exit, true),
                           C = spawn_link(fun() -> receive go -> exit(inner_crash) end end),
                           Self ! {middle, C},
                           receive {'EXIT', C, R} -> Self ! {middle_saw, R} end,
                           receive stop -> ok end
                   end),
    C = receive {middle, X} -> X end,
    C ! go,
    receive {middle_saw, R} -> io:format("middle saw: ~w~n", [R]) end,
    io:format("middle alive: ~w~n", [is_process_alive(B)]),
    B ! stop,
    receive {'EXIT', B, WB} -> io:format("middle ended: ~w~n", [WB]) end,
    %% a star: the hub dies, every leaf dies with the hub's reason
    Hub = spawn(fun() ->
                        Leaves = [spawn_link(fun() -> receive never -> ok end end) || _ <- [1, 2, 3, 4]],
                        Self ! {leaves, Leaves},
                        receive go -> exit(hub_down) end
                end),
    Leaves = receive {leaves, L} -> L end,
    LRefs = [monitor(process, P) || P <- Leaves],
    Hub ! go,
    io:format("leaves: ~w~n", [[receive {'DOWN', R2, process, _, W} -> W end || R2 <- LRefs]]),
    %% normal termination does not cascade
    {D, DRef} = spawn_monitor(fun() ->
                                      E = spawn_link(fun() -> receive ping -> Self ! pong end end),
                                      Self ! {e, E}
                              end),
    E = receive {e, EP} -> EP end,
    receive {'DOWN', DRef, process, D, normal} -> ok end,
    E ! ping,
    receive pong -> io:format("no cascade on normal~n") end.

chain(0, Top, Acc) ->
    Top ! {chain, lists:reverse([self() | Acc])},
    receive {die, Why} -> exit(Why) end;
chain(N, Top, Acc) ->
    Me = self(),
    spawn_link(fun() -> chain(N - 1, Top, [Me | Acc]) end),
    receive never -> ok end.
