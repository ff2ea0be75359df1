%% Scalable benchmark: the paper's comm stream with K messages and M
%% independent sender/receiver pairs between two nodes, without faults.
%% Sizes: -D K=... -D M=... (defaults 5 and 2).
-module(stream).
-export([start/0, snd/3, rcv/1]).

-ifndef(K).
-define(K, 5).
-endif.
-ifndef(M).
-define(M, 2).
-endif.

-mcgo({nodes, ['n1@h', 'n2@h']}).
-mcgo({check, [deadlock]}).
-mcgo({end_states, [{rcv, 1}]}).

start() ->
    [begin
         R = spawn('n1@h', ?MODULE, rcv, [1]),
         spawn('n2@h', ?MODULE, snd, [R, 1, ?K])
     end || _ <- lists:seq(1, ?M)],
    ok.

snd(_, N, K) when N > K -> done;
snd(R, N, K) ->
    R ! N,
    snd(R, N + 1, K).

rcv(N) ->
    receive
        N -> rcv(N + 1)
    end.
