%% The exit-signal decision table: link-caused kill is not converted to
%% killed and can be trapped; exit/2 kill is untrappable and becomes
%% killed for the links of the victim; normal from a link does not kill;
%% abnormal reasons kill a non-trapping process and propagate.
-module(exit_signals).
-export([start/0]).

start() ->
    process_flag(trap_exit, true),
    Self = self(),
    %% a child ends with exit(kill): the trapping parent gets kill
    K1 = spawn_link(fun() -> exit(kill) end),
    receive {'EXIT', K1, W1} -> io:format("child exit(kill): ~w~n", [W1]) end,
    %% a non-trapping middle process linked to a process that ends with
    %% exit(kill) dies with reason kill
    M2 = spawn_link(fun() ->
                            spawn_link(fun() -> receive go -> exit(kill) end end) ! go,
                            receive never -> ok end
                    end),
    receive {'EXIT', M2, W2} -> io:format("middle of exit(kill): ~w~n", [W2]) end,
    %% exit(P, kill): P's links see killed
    M3 = spawn_link(fun() ->
                            Self ! {inner, spawn_link(fun() -> receive never -> ok end end)},
                            receive never -> ok end
                    end),
    Inner3 = receive {inner, I3} -> I3 end,
    exit(Inner3, kill),
    receive {'EXIT', M3, W3} -> io:format("middle of a killed process: ~w~n", [W3]) end,
    %% a trapping middle process gets the link-caused kill as a message
    M4 = spawn_link(fun() ->
                            process_flag(trap_exit, true),
                            C = spawn_link(fun() -> exit(kill) end),
                            receive {'EXIT', C, R} -> exit({middle_saw, R}) end
                    end),
    receive {'EXIT', M4, W4} -> io:format("trapping middle: ~w~n", [W4]) end,
    %% normal via a link does not kill
    M5 = spawn_link(fun() ->
                            spawn_link(fun() -> ok end),
                            receive after 30 -> exit(survived) end
                    end),
    receive {'EXIT', M5, W5} -> io:format("after a normal link exit: ~w~n", [W5]) end,
    %% exit(P, Reason) with an arbitrary term
    M6 = spawn_link(fun() -> receive never -> ok end end),
    exit(M6, {custom, [reason, 1]}),
    receive {'EXIT', M6, W6} -> io:format("custom reason: ~w~n", [W6]) end,
    %% exit(P, kill) on a process that traps exits
    M7 = spawn_link(fun() -> process_flag(trap_exit, true), Self ! ready7, receive never -> ok end end),
    receive ready7 -> ok end,
    exit(M7, kill),
    receive {'EXIT', M7, W7} -> io:format("trapping victim of kill: ~w~n", [W7]) end,
    %% exit(self(), kill) while trapping exits: the process dies
    M8 = spawn_link(fun() -> process_flag(trap_exit, true), exit(self(), kill), receive never -> ok end end),
    receive {'EXIT', M8, W8} -> io:format("exit(self(), kill): ~w~n", [W8]) end,
    %% exit(self(), normal) without trapping: the process dies with normal
    M9 = spawn_link(fun() -> exit(self(), normal), receive after 50 -> exit(not_dead) end end),
    receive {'EXIT', M9, W9} -> io:format("exit(self(), normal): ~w~n", [W9]) end,
    %% exit(Other, normal) from a child to the trapping parent: a message
    spawn_link(fun() -> exit(Self, normal) end),
    receive {'EXIT', _, normal} -> ok end,
    receive {'EXIT', _, W10} -> io:format("second message: ~w~n", [W10]) end.
