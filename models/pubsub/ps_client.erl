%% ps_client: a subscriber of ps_broker.erl. It checks that it sees every
%% frame once and in order, and resubscribes when it loses the broker.
-module(ps_client).

-include_lib("stdlib/include/assert.hrl").

-export([start/3, init/3]).

-record(sub, {broker :: pid(), ref :: reference(), last = 0 :: non_neg_integer(),
              want :: pos_integer(), owner :: pid(), syncing = true :: boolean()}).

%% start subscribes a new process on Node; it tells Owner {received, Self,
%% Payloads} once it has Want frames.
start(Node, Broker, Want) ->
    spawn(Node, ?MODULE, init, [Broker, Want, self()]).

init(Broker, Want, Owner) ->
    S = subscribed(subscribe(#sub{broker = Broker, want = Want, owner = Owner})),
    Owner ! {ready, self()},
    loop(S, []).

%% subscribed waits for the broker's ack of the first subscription.
subscribed(S = #sub{broker = Broker, ref = Ref}) ->
    receive
        {subscribed, Broker} -> S#sub{syncing = false};
        {'DOWN', Ref, process, Broker, noconnection} -> subscribed(subscribe(S))
    end.

%% subscribe asks the broker for the frames after the last one seen. Until
%% the broker's ack, frames come from the old subscription and may have
%% gaps: they are dropped, and the broker sends them again after the ack.
subscribe(S = #sub{broker = Broker, last = Last}) ->
    Ref = erlang:monitor(process, Broker),
    Broker ! {subscribe, self(), Last},
    S#sub{ref = Ref, syncing = true}.

loop(#sub{last = Want, want = Want, owner = Owner}, Got) ->
    Owner ! {received, self(), lists:reverse(Got)};
loop(S = #sub{broker = Broker, ref = Ref, last = Last}, Got) ->
    receive
        {frame, Broker, _} when S#sub.syncing ->
            loop(S, Got);
        {frame, Broker, <<Seq:16, _/binary>>} when Seq =< Last ->
            loop(S, Got);
        {frame, Broker, <<Seq:16, Payload/binary>>} ->
            ?assertEqual(Last + 1, Seq),
            loop(S#sub{last = Seq}, [Payload | Got]);
        {subscribed, Broker} ->
            loop(S#sub{syncing = false}, Got);
        {'DOWN', Ref, process, Broker, noconnection} ->
            loop(subscribe(S), Got)
    end.
