%% The sender monitors the receiver while it streams; with a disconnect
%% messages are lost (no_loss fails), but never without the sender being
%% told (monitored_no_loss holds).
%% ALSO no_loss
-module(holds_monitored).
-export([start/0, rcv/0]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [monitored_no_loss]}).
-mcgo({end_states, [{rcv, 0}]}).

start() ->
    R = spawn('b@h', ?MODULE, rcv, []),
    erlang:monitor(process, R),
    R ! 1, R ! 2, R ! 3.

rcv() -> receive _ -> rcv() end.
