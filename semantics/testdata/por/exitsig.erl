%% The receiver traps exits and links to a process on n3 that sends
%% nothing; n1 sends to the receiver, then ends the linked process: its exit
%% signal may overtake the message.
-module(exitsig).
-export([start/0, sender/2, x/0, trapper/1, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    X = spawn('n3@h', ?MODULE, x, []),
    P = spawn('n2@h', ?MODULE, trapper, [X]),
    spawn('n1@h', ?MODULE, sender, [P, X]),
    ok.

x() -> receive go -> ok end.

trapper(X) ->
    process_flag(trap_exit, true),
    link(X),
    collect(2, []).

sender(P, X) ->
    P ! a,
    X ! go.

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive {'EXIT', _, R} -> collect(N - 1, [R | Acc]); M -> collect(N - 1, [M | Acc]) end.
