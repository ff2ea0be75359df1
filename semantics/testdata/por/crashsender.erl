%% A crash budget on the sender's node: a message in flight may be lost
%% with the connection.
-module(crashsender).
-export([start/0, sender/1, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).
-mcgo({faults, [{crash, 1, ['n3@h']}]}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, [2, []]),
    spawn('n3@h', ?MODULE, sender, [P]),
    ok.

sender(P) ->
    P ! a,
    P ! b.

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
