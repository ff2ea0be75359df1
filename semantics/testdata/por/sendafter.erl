%% n3 sends to the receiver, then has n1 start a timer whose message goes
%% to the receiver too.
-module(sendafter).
-export([start/0, sender/2, timer_starter/1, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, [2, []]),
    T = spawn('n1@h', ?MODULE, timer_starter, [P]),
    spawn('n3@h', ?MODULE, sender, [P, T]),
    ok.

timer_starter(P) -> receive go -> erlang:send_after(5, P, t) end.

sender(P, T) ->
    P ! a,
    T ! go.

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
