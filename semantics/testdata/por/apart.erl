%% Three nodes that never share the receivers' pids: every delivery may
%% go alone.
-module(apart).
-export([start/0, sender/3, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, [2, []]),
    Q = spawn('n3@h', ?MODULE, collect, [2, []]),
    spawn('n1@h', ?MODULE, sender, [P, Q, 1]),
    spawn('n1@h', ?MODULE, sender, [Q, P, 2]),
    ok.

sender(X, Y, I) ->
    X ! {I, 1},
    Y ! {I, 2},
    X ! {I, 3}.

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
