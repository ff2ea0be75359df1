%% While n1's message may still be in flight, the receiver links to a
%% process on n3 (which never knew its pid) and tells it to end: the exit
%% signal may overtake the message.
-module(linklater).
-export([start/0, sender/2, waker/1, x/0, trapper/1, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    X = spawn('n3@h', ?MODULE, x, []),
    P = spawn('n2@h', ?MODULE, trapper, [X]),
    W = spawn('n3@h', ?MODULE, waker, [P]),
    spawn('n1@h', ?MODULE, sender, [P, W]),
    ok.

x() -> receive die -> ok end.

waker(P) -> receive go -> P ! go end.

sender(P, W) ->
    P ! a,
    W ! go.

trapper(X) ->
    process_flag(trap_exit, true),
    receive go -> ok end,
    link(X),
    X ! die,
    collect(2, []).

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive {'EXIT', _, R} -> collect(N - 1, [R | Acc]); M -> collect(N - 1, [M | Acc]) end.
