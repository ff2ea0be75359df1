%% A stream with a disconnect: messages are lost (no_loss fails) but never
%% reordered (fifo holds).
%% ALSO no_loss
-module(holds_lossy_stream).
-export([start/0, rcv/0]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [fifo]}).
-mcgo({end_states, [{rcv, 0}]}).

start() ->
    R = spawn('b@h', ?MODULE, rcv, []),
    R ! 1, R ! 2, R ! 3.

rcv() -> receive _ -> rcv() end.
