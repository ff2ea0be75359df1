%% pubsub: a subscriber sees every published frame, once and in order,
%% across a broken connection. Written as production Erlang is written: a
%% broker module (ps_broker.erl) with a record for its state, a map of
%% options and binary frames, a subscriber module (ps_client.erl) that
%% checks the frames with ?assertEqual, and this module, which publishes
%% from n1 through a broker on n2 to a subscriber on n3.
%%
%% A disconnect between n2 and n3 loses the frames in flight (the paper's
%% second pitfall). The subscriber notices (its monitor of the broker fires
%% with noconnection) and subscribes again with the last sequence number
%% it saw. Without history (the default) the broker cannot send what was
%% lost, and the next frame the subscriber sees skips a number: its
%% assertion fails. With history the broker resends what is missing.
%%
%% The subscriber drops the frames that reach it between losing the broker
%% and the broker's ack of its new subscription. A first version kept them,
%% and mcgo found the run that breaks it: the broker sends a frame on the
%% old subscription just after the disconnect (it has not yet seen its
%% monitor fire), the frame goes out on the new connection and overtakes
%% the replay, and the history variant failed its assertion.
-module(pubsub).

-include_lib("stdlib/include/assert.hrl").

-export([start/1]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(N3, 'n3@host3').

-mcgo({nodes, [?N1, ?N2, ?N3]}).
-mcgo({init, {pubsub, start, [#{history => false}]}}).
-mcgo({faults, [{disconnect, 1, [{?N2, ?N3}]}]}).
-mcgo({check, [deadlock, crash]}).
-mcgo({end_states, [{ps_broker, loop, 1}]}).
-mcgo({expect, {violation, crash}}).
-mcgo({variant, history, [{init, {pubsub, start, [#{history => true}]}}], pass}).
-mcgo({variant, no_faults, [{faults, []}], pass}).

start(Opts) ->
    Broker = ps_broker:start(?N2, Opts),
    Sub = ps_client:start(?N3, Broker, 2),
    receive {ready, Sub} -> ok end,
    Broker ! {publish, <<"hello">>},
    Broker ! {publish, <<"world">>},
    receive
        {received, Sub, Payloads} ->
            ?assertMatch([<<"hello">>, <<"world">>], Payloads)
    end.
