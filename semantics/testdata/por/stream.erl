%% Two sender/receiver pairs between two nodes (bench/models/stream.erl).
-module(stream).
-export([start/0, snd/3, rcv/1]).
-mcgo({nodes, ['n1@h', 'n2@h']}).

start() ->
    [begin
         R = spawn('n1@h', ?MODULE, rcv, [1]),
         spawn('n2@h', ?MODULE, snd, [R, 1, 3])
     end || _ <- [1, 2]],
    ok.

snd(_, N, K) when N > K -> done;
snd(R, N, K) ->
    R ! N,
    snd(R, N + 1, K).

rcv(N) ->
    receive N -> rcv(N + 1) end.
