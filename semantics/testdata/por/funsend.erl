%% After its message to the receiver, n1 sends n3 a fun that sends to the
%% receiver too; n3 runs it.
-module(funsend).
-export([start/0, sender/2, runner/0, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, [2, []]),
    Y = spawn('n3@h', ?MODULE, runner, []),
    spawn('n1@h', ?MODULE, sender, [P, Y]),
    ok.

sender(P, Y) ->
    P ! a,
    Y ! fun() -> P ! f end.

runner() -> receive F -> F() end.

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
