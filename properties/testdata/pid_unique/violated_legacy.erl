%% The same under the 2007 runtime: the fourth incarnation reuses the
%% first one's pids.
%% WANT 11 "REUSES the pid"
-module(violated_legacy).
-export([start/0, run/0, idle/0]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({runtime, legacy}).
-mcgo({faults, [{crash, 3, ['b@h']}, {restart, 3, ['b@h']}]}).
-mcgo({check, [pid_unique]}).
-mcgo({end_states, [{idle, 0}]}).

start() -> run().

run() ->
    [spawn('b@h', ?MODULE, idle, []) || _ <- [1, 2, 3, 4]],
    ok.

idle() -> receive stop -> ok end.
