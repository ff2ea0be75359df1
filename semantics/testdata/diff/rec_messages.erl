%% Records in messages between processes: a server keeps its state in a
%% record and answers requests that are records, selected in its receive
%% by record patterns; replies carry records back.
-module(rec_messages).
-export([start/0]).

-record(state, {count = 0, items = [] :: list(), log = []}).
-record(add, {from, item}).
-record(get, {from}).
-record(reply, {to, value}).

server(S = #state{count = N, items = Is}) ->
    receive
        #add{from = From, item = I} ->
            From ! #reply{to = add, value = N + 1},
            server(S#state{count = N + 1, items = [I | Is], log = [add | S#state.log]});
        #get{from = From} ->
            From ! #reply{to = get, value = S},
            server(S#state{log = [get | S#state.log]});
        stop ->
            ok
    end.

call(Server, Msg) ->
    Server ! Msg,
    receive #reply{value = V} -> V end.

start() ->
    Server = spawn(fun() -> server(#state{}) end),
    Me = self(),
    io:format("~p~n", [call(Server, #add{from = Me, item = apple})]),
    io:format("~p~n", [call(Server, #add{from = Me, item = pear})]),
    State = call(Server, #get{from = Me}),
    io:format("~p~n", [State]),
    io:format("~p ~p~n", [State#state.count, State#state.items]),
    %% workers each send a record; the replies are selected by field
    Workers = [spawn(fun() -> Me ! #reply{to = I, value = I * 10} end) || I <- lists:seq(1, 3)],
    Got = [receive #reply{to = I, value = V} -> V end || I <- lists:seq(1, 3)],
    io:format("~p ~p~n", [length(Workers), Got]),
    Server ! stop,
    io:format("~p~n", [is_record(State, state)]).
