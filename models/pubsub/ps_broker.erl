%% ps_broker: a publish-subscribe broker for one topic.
%%
%% Publishers send payloads; the broker numbers them and sends each
%% subscriber a frame <<Seq:16, Payload/binary>>. It monitors its
%% subscribers and forgets the ones that go down. With the option history
%% it keeps every frame, and a subscriber that comes back with the last
%% sequence number it saw gets the frames it missed.
-module(ps_broker).

-export([start/2, init/1]).

-record(state, {seq = 0 :: non_neg_integer(),
                subs = #{} :: #{pid() => reference()},
                history = #{} :: #{pos_integer() => binary()},
                opts = #{} :: #{history => boolean()}}).

-define(DEFAULTS, #{history => false}).

start(Node, Opts) ->
    spawn(Node, ?MODULE, init, [maps:merge(?DEFAULTS, Opts)]).

init(Opts) ->
    loop(#state{opts = Opts}).

loop(S = #state{seq = Seq, subs = Subs, history = History, opts = Opts}) ->
    receive
        {subscribe, Sub, Last} ->
            Ref = erlang:monitor(process, Sub),
            Sub ! {subscribed, self()},
            [Sub ! {frame, self(), frame(N, P)}
             || {N, P} <- lists:sort(maps:to_list(History)), N > Last],
            loop(S#state{subs = Subs#{Sub => Ref}});
        {publish, Payload} when is_binary(Payload) ->
            Next = Seq + 1,
            Frame = frame(Next, Payload),
            maps:foreach(fun(Sub, _Ref) -> Sub ! {frame, self(), Frame} end, Subs),
            History1 = case Opts of
                           #{history := true} -> History#{Next => Payload};
                           #{} -> History
                       end,
            loop(S#state{seq = Next, history = History1});
        {'DOWN', Ref, process, Sub, _} ->
            case Subs of
                #{Sub := Ref} -> loop(S#state{subs = maps:remove(Sub, Subs)});
                #{} -> loop(S)
            end
    end.

frame(Seq, Payload) ->
    <<Seq:16, Payload/binary>>.
