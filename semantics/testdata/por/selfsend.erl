%% The receiver sends to itself while a message from n1 may still be in
%% flight: n1 sends, then has n3 wake the receiver.
-module(selfsend).
-export([start/0, sender/2, waker/1, collect/0]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, []),
    W = spawn('n3@h', ?MODULE, waker, [P]),
    spawn('n1@h', ?MODULE, sender, [P, W]),
    ok.

sender(P, W) ->
    P ! a,
    W ! go.

waker(P) -> receive go -> P ! go end.

collect() ->
    receive go -> ok end,
    self() ! x,
    receive M1 -> receive M2 -> receive stop -> {M1, M2} end end end.
