%% forward.erl with the relay keeping the receiver's pid only in its
%% process dictionary while it waits: the reduction must still count the
%% relay as knowing the pid (the pid walk covers the dictionary).
-module(dictforward).
-export([start/0, sender/2, relay/0, collect/2]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    P = spawn('n2@h', ?MODULE, collect, [2, []]),
    C = spawn('n3@h', ?MODULE, relay, []),
    spawn('n1@h', ?MODULE, sender, [P, C]),
    ok.

sender(P, C) ->
    C ! {to, P},
    P ! a,
    C ! go.

relay() ->
    receive {to, P} -> put(p, P) end,
    receive go -> get(p) ! b end.

collect(0, Acc) -> receive stop -> Acc end;
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
