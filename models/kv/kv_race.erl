%% The same store with both clients writing the same key: a client that
%% reads its key right after writing it may see the other client's value.
%% Read-your-writes does not hold without a lock or a version: the check
%% finds the interleaving where a client's read crashes on the other's
%% value.
-module(kv_race).
-export([start/0]).
-mcgo({nodes, ['a@h', 'b@h', 'c@h']}).
-mcgo({end_states, [{kv_server, loop, 1}]}).
-mcgo({expect, {violation, crash}}).

start() ->
    Server = kv_server:start('c@h'),
    spawn(kv, client, [Server, x, 1]),
    spawn('b@h', kv, client, [Server, x, 2]).
