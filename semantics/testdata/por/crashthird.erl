%% A crash budget on n3, where a process that also sends to the receiver
%% lives: its message may come first, second, or never.
-module(crashthird).
-export([start/0, sender/2, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).
-mcgo({faults, [{crash, 1, ['n3@h']}]}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, [2, []]),
    spawn('n3@h', ?MODULE, sender, [P, c]),
    spawn('n1@h', ?MODULE, sender, [P, a]),
    ok.

sender(P, M) -> P ! M.

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
