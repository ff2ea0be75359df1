%% The receiver monitors a process on n3 that never learns its pid; n1
%% sends to the receiver and then ends the monitored process: its 'DOWN'
%% may overtake the message.
-module(monitor).
-export([start/0, sender/2, watcher/1, x/0, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    X = spawn('n3@h', ?MODULE, x, []),
    P = spawn('n2@h', ?MODULE, watcher, [X]),
    spawn('n1@h', ?MODULE, sender, [P, X]),
    ok.

x() -> receive go -> ok end.

sender(P, X) ->
    P ! a,
    X ! go.

watcher(X) ->
    erlang:monitor(process, X),
    collect(2, []).

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive {'DOWN', _, _, _, _} -> collect(N - 1, [down | Acc]); M -> collect(N - 1, [M | Acc]) end.
