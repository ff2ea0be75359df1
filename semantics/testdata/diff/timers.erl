%% erlang:send_after/3 and erlang:cancel_timer/1: a pending timer cancelled
%% gives the time it was set for (mcgo has no clock; erl gives the time
%% left, the same here because nothing waits before cancelling), a
%% cancelled or unknown timer gives false, and a cancelled timer never
%% sends.
-module(timers).
-export([start/0]).

%% Timers fire only when nothing else can move, as when erl runs it.
-mcgo({timeouts, max_progress}).

start() ->
    R1 = erlang:send_after(10, self(), first),
    R2 = erlang:send_after(20, self(), second),
    io:format("~p~n", [erlang:cancel_timer(R1)]),
    io:format("~p~n", [erlang:cancel_timer(R1)]),
    io:format("~p~n", [erlang:cancel_timer(make_ref())]),
    io:format("~p~n", [is_reference(R2)]),
    receive M -> io:format("got ~p~n", [M]) end,
    io:format("~p~n", [erlang:cancel_timer(R2)]),
    receive M2 -> io:format("got ~p~n", [M2]) after 50 -> io:format("none~n") end,
    io:format("~p~n", [try erlang:cancel_timer(not_a_ref) catch error:E -> E end]).
