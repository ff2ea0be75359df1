%% With one disconnect the watcher is told noconnection, then the "dead"
%% worker's message arrives over the new connection.
%% WANT 8 "deliver \{alive,<b.1>\}"
-module(violated_false_suspicion).
-export([start/0, worker/1]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [fd_accurate]}).
-mcgo({end_states, [{start, 0}]}).

start() ->
    W = spawn('b@h', ?MODULE, worker, [self()]),
    erlang:monitor(process, W),
    receive {alive, W} -> ok end.

worker(Watcher) ->
    receive after 0 -> ok end,
    Watcher ! {alive, self()}.
