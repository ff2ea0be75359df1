%% A watcher monitors a worker on another node; without faults it is never
%% told the worker is down while the worker lives.
-module(holds_no_faults).
-export([start/0, worker/1]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({check, [fd_accurate]}).

start() ->
    W = spawn('b@h', ?MODULE, worker, [self()]),
    erlang:monitor(process, W),
    receive
        {'DOWN', _, process, W, _} -> down
    after 0 -> ok
    end,
    receive {alive, W} -> ok end.

worker(Watcher) -> Watcher ! {alive, self()}.
