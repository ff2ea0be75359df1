%% commFixed_bounded: the paper's recipe against message loss (figure 6,
%% models/commFixed.erl) with a sender that stops, checked honestly.
%%
%% The sender on n1 monitors the receiver on n2. When it sees
%% {'DOWN', _, _, _, noconnection} it stops streaming, monitors again, asks
%% the receiver for the last number it got ({sync, self()}) and goes on
%% from the next one. Two changes from the paper, marked below: the sender
%% stops (exit(normal)) after ?MAX numbers, so that the state space is
%% finite; and the receiver asserts what the recipe is meant to guarantee,
%% that every number it gets is the one after the previous (X = next(N)).
%%
%% What mcgo finds (docs/models.md walks through each trace):
%%  - base (one disconnect, no_loss): the send-after-teardown window. The
%%    sender checks for DOWN only in its receive ... after 1000; a
%%    disconnect between that timeout and the next Rcv ! N throws away the
%%    number in flight, and the send itself sets up a new connection.
%%  - gap (the same fault, crash): the same run seen by the receiver: it
%%    gets 2 without 1 and its assertion fails.
%%  - crash_restart (n2 crashes and restarts once, deadlock): after the
%%    restart the receiver is gone, the new monitor reports noproc, which
%%    neither of the recipe's receives matches (they only match
%%    noconnection), the {sync, ...} request is dropped, and the sender
%%    waits for ever.
%%  - no_faults: without faults the stream is intact.
%% A third weakness needs the faithful model (the assertion above is found
%% first here): see the sync_none variant of commFixed.erl, where the
%% receiver answers {sync, none} and the sender computes none + 1.
%% commFixed_corrected.erl is a protocol that survives the same faults.
-module(commFixed_bounded).

-export([init/0, rcv/1, snd/2, sync/1]).

-define(N1, 'n1@host1.domain.com').
-define(N2, 'n2@host2.domain.com').
-define(MAX, 3).

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({init, {commFixed_bounded, init, []}}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [no_loss, crash, deadlock]}).
-mcgo({end_states, [{rcv, 1}]}).
-mcgo({expect, {violation, no_loss}}).
-mcgo({variant, gap, [], {violation, crash}}).
-mcgo({variant, crash_restart, [{faults, [{crash, 1, [?N2]}, {restart, 1, [?N2]}]}], {violation, deadlock}}).
-mcgo({variant, no_faults, [{faults, []}], pass}).

init() ->
    Rcv = spawn(?N2, ?MODULE, rcv, [none]),
    spawn(?N1, ?MODULE, snd, [Rcv, 1]).

rcv(N) ->
    receive
        {sync, Snd} ->
            Snd ! {sync, N},
            N1 = N;
        X ->
            io:format("got ~p\n", [X]),
            X = next(N),                        % added: no number skipped
            N1 = X
    end,
    rcv(N1).

%% Added: the number that must follow N.
next(none) -> 1;
next(N) -> N + 1.

snd(Rcv, N) ->
    erlang:monitor(process, Rcv),
    snd_(Rcv, N).

snd_(_Rcv, N) when N > ?MAX ->               % added: the sender stops
    exit(normal);
snd_(Rcv, N) ->
    receive
        {'DOWN', _, _, _, noconnection} ->
            N = sync(Rcv)
    after 1000 ->
            ok
    end,
    Rcv ! N,
    snd_(Rcv, N + 1).

sync(Rcv) ->
    erlang:monitor(process, Rcv),
    Rcv ! {sync, self()},
    receive
        {'DOWN', _, _, _, noconnection} ->
            timer:sleep(5000),
            sync(Rcv);
        {sync, N} ->
            snd_(Rcv, N + 1)
    end.
