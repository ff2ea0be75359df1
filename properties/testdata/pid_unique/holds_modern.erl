%% A node restarts three times and a process is spawned on each incarnation:
%% under the modern runtime the creation never comes round.
-module(holds_modern).
-export([start/0, run/0, idle/0]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({faults, [{crash, 3, ['b@h']}, {restart, 3, ['b@h']}]}).
-mcgo({check, [pid_unique]}).
-mcgo({end_states, [{idle, 0}]}).

start() -> run().

run() ->
    [spawn('b@h', ?MODULE, idle, []) || _ <- [1, 2, 3, 4]],
    ok.

idle() -> receive stop -> ok end.
