%% After its message to the receiver, n1 spawns a process on n3 that sends
%% to the receiver too.
-module(spawner).
-export([start/0, sender/1, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, [2, []]),
    spawn('n1@h', ?MODULE, sender, [P]),
    ok.

sender(P) ->
    P ! a,
    spawn('n3@h', fun() -> P ! s end).

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
