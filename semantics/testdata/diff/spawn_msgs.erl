%% spawn, !, receive: messages from one sender arrive in order, selective
%% receive takes the first matching message and leaves the others, after 0,
%% receive with guards, replies through self().
-module(spawn_msgs).
-export([start/0, echo/0, adder/1]).

start() ->
    Self = self(),
    E = spawn(?MODULE, echo, []),
    E ! {Self, hello},
    receive {E, R1} -> io:format("echo: ~w~n", [R1]) end,
    E ! {Self, [1, 2, 3]},
    receive {E, R2} -> io:format("echo: ~w~n", [R2]) end,
    E ! stop,
    %% ordering from one sender
    P = spawn(fun() -> [Self ! {n, I} || I <- lists:seq(1, 5)], Self ! done end),
    Ns = collect_until_done([]),
    io:format("in order: ~w (~w)~n", [Ns, is_pid(P)]),
    %% selective receive
    self() ! {b, 1}, self() ! {a, 2}, self() ! {c, 3}, self() ! {a, 4},
    receive {a, X} -> io:format("first a: ~w~n", [X]) end,
    receive {c, Y} -> io:format("c: ~w~n", [Y]) end,
    io:format("left: ~w~n", [flush()]),
    %% after 0 with an empty mailbox
    R = receive _ -> got after 0 -> timeout end,
    io:format("after 0: ~w~n", [R]),
    %% guards in receive
    self() ! 5, self() ! 50, self() ! 500,
    receive N when N > 10, N < 100 -> io:format("guarded: ~w~n", [N]) end,
    io:format("left: ~w~n", [flush()]),
    %% a chain of adders
    A = spawn(?MODULE, adder, [0]),
    [A ! {add, I} || I <- lists:seq(1, 10)],
    A ! {total, Self},
    receive {total, T} -> io:format("total: ~w~n", [T]) end,
    %% spawn with a closure
    K = 7,
    spawn(fun() -> Self ! {closure, K * 6} end),
    receive {closure, V} -> io:format("closure: ~w~n", [V]) end,
    %% send returns the message
    M = (self() ! msg_value),
    receive msg_value -> io:format("send returned ~w~n", [M]) end,
    %% erlang:send/2
    erlang:send(self(), via_send),
    receive via_send -> io:format("erlang:send ok~n") end,
    %% timer:sleep and a timeout with nothing to receive
    timer:sleep(10),
    receive nothing -> io:format("impossible~n") after 20 -> io:format("timeout fired~n") end,
    %% send_after
    erlang:send_after(10, self(), delayed),
    receive delayed -> io:format("send_after delivered~n") end.

echo() ->
    receive
        {From, Msg} -> From ! {self(), Msg}, echo();
        stop -> ok
    end.

adder(Sum) ->
    receive
        {add, N} -> adder(Sum + N);
        {total, From} -> From ! {total, Sum}
    end.

collect_until_done(Acc) ->
    receive
        {n, I} -> collect_until_done([I | Acc]);
        done -> lists:reverse(Acc)
    end.

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.
