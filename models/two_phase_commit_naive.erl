%% two_phase_commit_naive: the cooperative termination of
%% two_phase_commit_fixed.erl without its one subtle rule, and the
%% inconsistent decision mcgo finds.
%%
%% Same coordinator, same participants, except that an uncertain
%% participant (voted yes, no decision yet, coordinator still believed
%% alive) answers a state request at once with "uncertain" instead of
%% letting it wait. The run mcgo finds: the coordinator sends commit to A
%% and crashes; B detects the crash first and asks A; A, still uncertain,
%% answers "uncertain"; then the commit reaches A, which commits, while B,
%% seeing only uncertain participants, aborts. B's check (Outcome = Outcome2
%% in done/1) fails when A's outcome arrives.
-module(two_phase_commit_naive).

-export([start/2, participant/2]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(N3, 'n3@host3').

-mcgo({nodes, [?N1, ?N2, ?N3]}).
-mcgo({init, {two_phase_commit_naive, start, [yes, yes]}}).
-mcgo({faults, [{crash, 1, [?N1]}]}).
-mcgo({check, [deadlock, crash]}).
-mcgo({end_states, [{done, 1}]}).
-mcgo({expect, {violation, crash}}).
-mcgo({variant, no_faults, [{faults, []}], pass}).

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

%% Voted yes, waiting for the decision.
uncertain(Coord, Ref, Peers) ->
    receive
        {decision, Coord, Decision} ->
            decided(Decision, Ref, Peers);
        {state_req, From} ->
            %% The naive part: this answer can still change.
            From ! {state, self(), uncertain},
            uncertain(Coord, Ref, Peers);
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
