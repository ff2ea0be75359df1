%% A stream of three messages between two nodes, without faults.
-module(holds_stream).
-export([start/0, rcv/0]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({check, [no_loss]}).
-mcgo({end_states, [{rcv, 0}]}).

start() ->
    R = spawn('b@h', ?MODULE, rcv, []),
    R ! 1, R ! 2, R ! 3.

rcv() -> receive _ -> rcv() end.
