%% The same stream with one disconnect: message 1 is lost in flight, 2 arrives.
%% WANT 7 "deliver 2 to <b.1> \(a -> b\)"
-module(violated_disconnect).
-export([start/0, rcv/0]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [no_loss]}).
-mcgo({end_states, [{rcv, 0}]}).

start() ->
    R = spawn('b@h', ?MODULE, rcv, []),
    R ! 1, R ! 2, R ! 3.

rcv() -> receive _ -> rcv() end.
