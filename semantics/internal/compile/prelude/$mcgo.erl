-module('$mcgo').
-export([start/3, start_fun/1, send_after/4]).

%% The first function of every spawned process.
start(M, F, A) -> erlang:apply(M, F, A).
start_fun(F) -> F().

%% The hidden helper process of erlang:send_after/3. Tag is
%% {'$mcgo_timer', TimerRef, T}: it stays live while the helper waits, so
%% that erlang:cancel_timer/1 can find the helper of a timer.
send_after(T, Dest, Msg, Tag) ->
    receive
    after T -> erlang:send(Dest, Msg), Tag
    end.
