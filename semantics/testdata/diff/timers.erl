%% erlang:send_after/3 and erlang:cancel_timer/1: a pending timer cancelled
%% gives a time between 0 and the time it was set for (mcgo has no clock
%% and gives the time set; erl gives the time left, which a loaded machine
%% can make less than that, so only the range is printed), a cancelled or
%% unknown timer gives false, and a cancelled timer never sends.
-module(timers).
-export([start/0]).

%% Timers fire only when nothing else can move, as when erl runs it.
-mcgo({timeouts, max_progress}).

start() ->
    R1 = erlang:send_after(10, self(), first),
    R2 = erlang:send_after(20, self(), second),
    io:format("~p~n", [left(erlang:cancel_timer(R1), 10)]),
    io:format("~p~n", [erlang:cancel_timer(R1)]),
    io:format("~p~n", [erlang:cancel_timer(make_ref())]),
    io:format("~p~n", [is_reference(R2)]),
    receive M -> io:format("got ~p~n", [M]) end,
    io:format("~p~n", [erlang:cancel_timer(R2)]),
    receive M2 -> io:format("got ~p~n", [M2]) after 50 -> io:format("none~n") end,
    io:format("~p~n", [try erlang:cancel_timer(not_a_ref) catch error:E -> E end]).

left(T, Max) when is_integer(T), T >= 0, T =< Max -> pending;
left(Other, _) -> Other.
