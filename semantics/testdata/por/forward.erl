%% A message from n1 is in flight when n3 learns the receiver's pid from n1
%% and sends to it too: the later message may overtake the earlier one.
-module(forward).
-export([start/0, sender/2, relay/0, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, [2, []]),
    C = spawn('n3@h', ?MODULE, relay, []),
    spawn('n1@h', ?MODULE, sender, [P, C]),
    ok.

sender(P, C) ->
    P ! a,
    C ! {to, P}.

relay() ->
    receive {to, P} -> P ! b end.

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
