%% After its message to the receiver, n1 has n3 wake a process on the
%% receiver's own node, which sends to the receiver locally.
-module(localsender).
-export([start/0, sender/2, waker/1, local/1, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, [2, []]),
    L = spawn('n2@h', ?MODULE, local, [P]),
    W = spawn('n3@h', ?MODULE, waker, [L]),
    spawn('n1@h', ?MODULE, sender, [P, W]),
    ok.

sender(P, W) ->
    P ! a,
    W ! go.

waker(L) -> receive go -> L ! go end.

local(P) -> receive go -> P ! l end.

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
