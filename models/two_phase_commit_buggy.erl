%% two_phase_commit_buggy: two-phase commit whose participants wait for the
%% coordinator for ever.
%%
%% The coordinator on n1 asks the participants on n2 and n3 to prepare,
%% collects their votes (aborting if one says no or does not answer in
%% time) and sends the decision to both. A participant that voted no aborts
%% at once; one that voted yes must not decide alone, so it waits for the
%% coordinator's decision. (Before it has voted, a participant that hears
%% nothing may abort after a timeout.)
%%
%% The bug: nothing tells a participant that voted yes that the coordinator
%% is gone. When n1 crashes after a yes vote and before the decision
%% arrives, the participant waits for ever: a deadlock (the textbook
%% blocking of 2PC, here with no way out at all). two_phase_commit_fixed.erl
%% lets the participants notice and finish the protocol among themselves.
-module(two_phase_commit_buggy).

-export([start/2, participant/2]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(N3, 'n3@host3').

-mcgo({nodes, [?N1, ?N2, ?N3]}).
-mcgo({init, {two_phase_commit_buggy, start, [yes, yes]}}).
-mcgo({faults, [{crash, 1, [?N1]}]}).
-mcgo({check, [deadlock, crash]}).
-mcgo({expect, {violation, deadlock}}).
-mcgo({variant, no_faults, [{faults, []}], pass}).
-mcgo({variant, no_vote_no_faults, [{faults, []}, {init, {two_phase_commit_buggy, start, [yes, no]}}], pass}).

%% The initial process starts the two participants with the votes they will
%% give, and then coordinates.
start(VoteA, VoteB) ->
    A = spawn(?N2, ?MODULE, participant, [self(), VoteA]),
    B = spawn(?N3, ?MODULE, participant, [self(), VoteB]),
    coordinator([A, B]).

coordinator(Participants) ->
    [P ! {prepare, self()} || P <- Participants],
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

%% Until it has voted a participant may give up on its own (abort); once
%% it has voted yes, it waits for the decision.
participant(Coord, Vote) ->
    receive
        {prepare, Coord} ->
            Coord ! {vote, self(), Vote},
            case Vote of
                no ->
                    abort;
                yes ->
                    receive
                        {decision, Coord, Decision} -> Decision
                    end
            end
    after 5000 ->
        abort
    end.
