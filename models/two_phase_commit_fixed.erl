%% two_phase_commit_fixed: two-phase commit whose participants finish the
%% protocol among themselves when the coordinator dies (cooperative
%% termination).
%%
%% The coordinator is the one of two_phase_commit_buggy.erl, except that
%% the prepare message names all participants. A participant monitors the
%% coordinator from the start:
%%  - DOWN before it has voted: it aborts (the coordinator cannot have
%%    decided commit without its vote).
%%  - DOWN after a yes vote, no decision: it asks the other participants
%%    for their state. Anyone who knows the decision (or voted no, or never
%%    voted, which means abort) settles it; if everybody is uncertain,
%%    nobody got a decision and nobody ever will, since the coordinator is
%%    dead and its connections were torn down: all abort.
%%  - A participant answers a state request only when its answer can no
%%    longer change: once it has decided, or once it has seen the
%%    coordinator's DOWN itself. A request that comes earlier waits in its
%%    mailbox (selective receive). Without this rule a participant could say
%%    "uncertain" and then receive commit from the dying coordinator.
%% When a participant has decided, it tells the others its outcome and
%% asserts that every outcome and decision it hears agrees with its own
%% (Outcome = Outcome2), so an inconsistent decision shows up as a crash. A
%% decided participant stays to answer late requests (done/1, an end state).
%%
%% Under a crash of the coordinator's node: no deadlock and no
%% inconsistency (pass). This is enough here because the coordinator keeps
%% no log: a coordinator that had applied commit locally before dying would
%% need to recover its decision (three-phase commit or a durable log).
%% two_phase_commit_naive.erl drops the "answer only when stable" rule and
%% mcgo finds the inconsistent decision.
%%
%% Where it still blocks (variant crash_and_disconnect): when a participant
%% cannot reach the other one, it waits for an answer that never comes. Here
%% a disconnect loses the spawn request of the second participant, so the
%% first asks a process that does not exist. No cure within 2PC: treating an
%% unreachable peer as uncertain would be unsafe, since it may have
%% committed. Under one disconnect alone, without the crash, the protocol
%% passes (variant disconnect): a participant that suspects the live
%% coordinator asks its peer, whose answer waits until the peer has the
%% decision.
-module(two_phase_commit_fixed).

-export([start/2, participant/2]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(N3, 'n3@host3').

-mcgo({nodes, [?N1, ?N2, ?N3]}).
-mcgo({init, {two_phase_commit_fixed, start, [yes, yes]}}).
-mcgo({faults, [{crash, 1, [?N1]}]}).
-mcgo({check, [deadlock, crash]}).
-mcgo({end_states, [{done, 1}]}).
-mcgo({expect, pass}).
-mcgo({variant, no_vote, [{init, {two_phase_commit_fixed, start, [yes, no]}}], pass}).
-mcgo({variant, no_faults, [{faults, []}], pass}).
-mcgo({variant, disconnect, [{faults, [{disconnect, 1}]}], pass}).
-mcgo({variant, crash_and_disconnect, [{faults, [{crash, 1, [?N1]}, {disconnect, 1}]}],
       {violation, deadlock}}).

start(VoteA, VoteB) ->
    A = spawn(?N2, ?MODULE, participant, [self(), VoteA]),
    B = spawn(?N3, ?MODULE, participant, [self(), VoteB]),
    coordinator([A, B]).

coordinator(Participants) ->
    [P ! {prepare, self(), Participants} || P <- Participants],
    Decision = collect_votes(Participants, commit),
    [P ! {decision, self(), Decision} || P <- Participants],
    Decision.

collect_votes([], Decision) ->
    Decision;
collect_votes(Waiting, Decision) ->
    receive
        {vote, P, yes} -> collect_votes(lists:delete(P, Waiting), Decision);
        {vote, P, no} -> collect_votes(lists:delete(P, Waiting), abort)
    after 5000 ->
        abort
    end.

participant(Coord, Vote) ->
    Ref = erlang:monitor(process, Coord),
    receive
        {prepare, Coord, All} ->
            Coord ! {vote, self(), Vote},
            Peers = lists:delete(self(), All),
            case Vote of
                no -> decided(abort, Ref, Peers);
                yes -> uncertain(Coord, Ref, Peers)
            end;
        {'DOWN', Ref, process, Coord, _} ->
            decided(abort, Ref, [])
    after 5000 ->
        decided(abort, Ref, [])
    end.

%% Voted yes, waiting for the decision. State requests wait in the mailbox.
uncertain(Coord, Ref, Peers) ->
    receive
        {decision, Coord, Decision} ->
            decided(Decision, Ref, Peers);
        {'DOWN', Ref, process, Coord, _} ->
            [P ! {state_req, self()} || P <- Peers],
            terminate(Peers)
    end.

%% The coordinator is gone: settle the outcome with the other participants.
terminate([]) ->
    decided(abort, none, []);
terminate(Asking) ->
    receive
        {state, P, uncertain} ->
            terminate(lists:delete(P, Asking));
        {state, P, Outcome} ->
            decided(Outcome, none, lists:delete(P, Asking));
        {state_req, From} ->
            From ! {state, self(), uncertain},
            terminate(Asking)
    end.

decided(Outcome, Ref, Peers) ->
    case Ref of
        none -> ok;
        _ -> erlang:demonitor(Ref, [flush])
    end,
    io:format("~p: ~p~n", [self(), Outcome]),
    [P ! {outcome, self(), Outcome} || P <- Peers],
    done(Outcome).

%% Decided: answer late requests and check that everybody agrees.
done(Outcome) ->
    receive
        {state_req, From} ->
            From ! {state, self(), Outcome},
            done(Outcome);
        {outcome, _From, Outcome2} ->
            Outcome = Outcome2,
            done(Outcome);
        {state, _From, uncertain} ->
            done(Outcome);
        {state, _From, Outcome2} ->
            Outcome = Outcome2,
            done(Outcome);
        {decision, _Coord, Decision} ->
            Outcome = Decision,
            done(Outcome)
    end.
