%% comm_bounded: pitfall 2, silent message loss on disconnect and reconnect,
%% with a sender that stops.
%%
%% The paper's figure 4 (models/comm.erl) with one change: the sender stops
%% after ?MAX numbers instead of counting for ever, so that the state space
%% is finite and mcgo can explore all of it. The receiver on n1 prints what
%% it gets; the sender on n2 sends 1, 2, ..., ?MAX.
%%
%% Under distributed semantics one disconnect of n1 - n2 throws away the
%% numbers in flight, and the next send sets up a new connection and gets
%% through: the receiver sees a gap (no_loss is violated). Under single-node
%% semantics there is no node pair to disconnect and the stream is intact.
-module(comm_bounded).

-export([start/0, snd/2, rcv/0]).

-define(N1, 'n1@host1.domain.com').
-define(N2, 'n2@host2.domain.com').
-define(MAX, 5).

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [no_loss, deadlock, crash]}).
-mcgo({end_states, [{rcv, 0}]}).
-mcgo({expect, {violation, no_loss}}).
-mcgo({variant, single_node, [{semantics, single_node}], pass}).

start() ->
    Pid = spawn(?N1, ?MODULE, rcv, []),
    spawn(?N2, ?MODULE, snd, [Pid, 1]).

%% The receiver prints every number it gets and waits for the next one.
rcv() ->
    receive
        N ->
            io:format("got ~p~n", [N]),
            rcv()
    end.

%% The sender sends ?MAX numbers, one a second, and stops.
snd(_Pid, N) when N > ?MAX ->
    ok;
snd(Pid, N) ->
    Pid ! N,
    timer:sleep(1000),
    snd(Pid, N + 1).
