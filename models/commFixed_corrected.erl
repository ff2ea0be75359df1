%% commFixed_corrected: a stream between two nodes that loses nothing,
%% skips nothing and never blocks, under one disconnect or under a crash
%% and restart of the receiver's node (the faults that break the paper's
%% recipe in commFixed_bounded.erl).
%%
%% What changes from the recipe:
%%  1. Stop and wait. A number is sent only after the previous one was
%%     acknowledged, so at most one message is in flight and a disconnect
%%     can lose only that one.
%%  2. One session process per connection. A session monitors the
%%     receiver, asks it for the last number it has ({sync, self()}) and
%%     streams from the next one. On any DOWN the session ends and never
%%     sends again: what one pid sends to another is never "lost, then
%%     followed by more" (the paper's advice: stop talking to a process you
%%     were told is gone). The sender starts a fresh session, which
%%     resynchronises from the receiver's count, so nothing is skipped.
%%     Every receive of the session waits for its reply or the DOWN, so the
%%     send-after-teardown window of the recipe does not exist.
%%  3. All DOWN reasons are handled. noconnection means "maybe alive": try
%%     again (at most ?ATTEMPTS sessions); anything else (noproc after the
%%     receiver's node restarted) means the receiver is gone: give up with
%%     {error, Reason} instead of waiting for ever.
%% The receiver asserts that each number follows the previous one
%% (N = Last + 1), so a gap or a duplicate would show up as a crash.
%% Variants: crash_restart (n2 crashes and restarts once), two_disconnects,
%% no_faults; all pass.
-module(commFixed_corrected).

-export([init/0, rcv/1, snd/2, session/1]).

-define(N1, 'n1@host1.domain.com').
-define(N2, 'n2@host2.domain.com').
-define(MAX, 3).
-define(ATTEMPTS, 3).

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({init, {commFixed_corrected, init, []}}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [no_loss, deadlock, crash]}).
-mcgo({end_states, [{rcv, 1}]}).
-mcgo({expect, pass}).
-mcgo({variant, crash_restart, [{faults, [{crash, 1, [?N2]}, {restart, 1, [?N2]}]}], pass}).
-mcgo({variant, two_disconnects, [{faults, [{disconnect, 2}]}], pass}).
-mcgo({variant, no_faults, [{faults, []}], pass}).

init() ->
    Rcv = spawn(?N2, ?MODULE, rcv, [0]),
    spawn(?N1, ?MODULE, snd, [Rcv, ?ATTEMPTS]).

%% The receiver keeps the last number it got, acknowledges every number and
%% answers a session's sync request with its count.
rcv(Last) ->
    receive
        {sync, From} ->
            From ! {synced, self(), Last},
            rcv(Last);
        {num, From, N} ->
            N = Last + 1,
            io:format("got ~p~n", [N]),
            From ! {ack, self(), N},
            rcv(N)
    end.

%% The sender runs one session at a time and learns from the session's exit
%% reason how it ended.
snd(Rcv, Attempts) ->
    {Pid, Ref} = spawn_monitor(?MODULE, session, [Rcv]),
    receive
        {'DOWN', Ref, process, Pid, {shutdown, done}} ->
            ok;
        {'DOWN', Ref, process, Pid, {shutdown, noconnection}} when Attempts > 1 ->
            timer:sleep(1000),
            snd(Rcv, Attempts - 1);
        {'DOWN', Ref, process, Pid, Reason} ->
            io:format("giving up: ~p~n", [Reason]),
            {error, Reason}
    end.

%% A session: monitor, resynchronise, then stream with acknowledgements.
%% It ends with {shutdown, done} or {shutdown, Reason} from the DOWN.
session(Rcv) ->
    Ref = erlang:monitor(process, Rcv),
    Rcv ! {sync, self()},
    receive
        {synced, Rcv, Last} ->
            stream(Rcv, Ref, Last + 1);
        {'DOWN', Ref, process, Rcv, Reason} ->
            exit({shutdown, Reason})
    end.

stream(_Rcv, Ref, N) when N > ?MAX ->
    erlang:demonitor(Ref, [flush]),
    exit({shutdown, done});
stream(Rcv, Ref, N) ->
    Rcv ! {num, self(), N},
    receive
        {ack, Rcv, N} ->
            stream(Rcv, Ref, N + 1);
        {'DOWN', Ref, process, Rcv, Reason} ->
            exit({shutdown, Reason})
    end.
