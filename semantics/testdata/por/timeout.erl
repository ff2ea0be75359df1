%% The receiver waits with a timeout only after n1's message is on its
%% way (n1 sends, then wakes the receiver through n3): the timeout may
%% still fire first.
-module(timeout).
-export([start/0, sender/2, waker/1, waiter/0]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    P = spawn('n2@h', ?MODULE, waiter, []),
    W = spawn('n3@h', ?MODULE, waker, [P]),
    spawn('n1@h', ?MODULE, sender, [P, W]),
    ok.

sender(P, W) ->
    P ! a,
    W ! go.

waker(P) -> receive go -> P ! go end.

waiter() ->
    receive go -> ok end,
    R = receive a -> got after 10 -> receive a -> late end end,
    receive stop -> R end.
