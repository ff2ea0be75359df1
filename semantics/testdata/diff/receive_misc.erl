%% receive corner cases on one process: guards that raise (the clause does
%% not match), already bound variables in patterns, nested receives, a
%% receive in a try's after section and in a catch, a variable timeout,
%% the message order kept for unmatched messages.
-module(receive_misc).
-export([start/0]).

start() ->
    Self = self(),
    [Self ! M || M <- [[], a, [5], {ref, 1}, {ref, 2}, 7]],
    R1 = receive X when hd(X) > 0 -> {hd, X} end,
    io:format("~p~n", [R1]),
    Want = 2,
    R2 = receive {ref, Want} -> got_two end,
    io:format("~p~n", [R2]),
    R3 = receive A when is_atom(A) -> receive N when is_integer(N) -> {A, N} end end,
    io:format("~p~n", [R3]),
    io:format("left: ~p~n", [flush()]),
    Self ! inside_after,
    R4 = try throw(t) catch throw:t -> caught after receive inside_after -> ok end end,
    io:format("~p ~p~n", [R4, flush()]),
    Self ! for_catch,
    R5 = (catch receive for_catch -> throw(from_receive) end),
    io:format("~p~n", [R5]),
    T = 0,
    R6 = receive _ -> any after T -> {timeout, T} end,
    io:format("~p~n", [R6]),
    Self ! {x, 1}, Self ! {y, 2}, Self ! {x, 3},
    R7 = [receive {x, V1} -> V1 end, receive {x, V2} -> V2 end],
    io:format("~p ~p~n", [R7, flush()]),
    R8 = try receive after -1 -> never end catch error:E -> E end,
    io:format("~p~n", [R8]),
    R9 = try receive after foo -> never end catch error:E2 -> E2 end,
    io:format("~p~n", [R9]).

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.
