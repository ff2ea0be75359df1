%% A crash budget on n3, which the stream from n1 to n2 never touches: its
%% deliveries may still go alone.
-module(crashapart).
-export([start/0, snd/3, rcv/1, idle/0]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).
-mcgo({faults, [{crash, 1, ['n3@h']}]}).

start() ->
    spawn('n3@h', ?MODULE, idle, []),
    R = spawn('n2@h', ?MODULE, rcv, [1]),
    spawn('n1@h', ?MODULE, snd, [R, 1, 3]),
    ok.

idle() -> receive stop -> ok end.

snd(_, N, K) when N > K -> done;
snd(R, N, K) ->
    R ! N,
    snd(R, N + 1, K).

rcv(4) -> receive stop -> ok end;
rcv(N) -> receive N -> rcv(N + 1) end.
