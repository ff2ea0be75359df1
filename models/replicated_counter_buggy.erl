%% replicated_counter_buggy: a primary-backup counter whose backup silently
%% misses an update after a disconnect.
%%
%% A client on n1 increments a counter ?INCREMENTS times through the
%% primary (also on n1), which forwards each increment to its backup on n2,
%% fire and forget, and answers the client at once. At the end the client
%% stops the primary, which reads the backup's value and asserts that the
%% replica agrees (Value = BackupValue).
%%
%% The bug: a disconnect of n1 - n2 throws away the increments in flight,
%% the next increment reconnects and gets through, and nobody notices
%% (no_loss is violated). The backup ends one or more behind the primary
%% and the final check fails (variant diverged: crash).
%% replicated_counter_fixed.erl acknowledges and retransmits.
-module(replicated_counter_buggy).

-export([start/0, primary/2, backup/1]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(INCREMENTS, 3).

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [no_loss, crash, deadlock]}).
-mcgo({end_states, [{backup, 1}]}).
-mcgo({expect, {violation, no_loss}}).
-mcgo({variant, diverged, [], {violation, crash}}).
-mcgo({variant, no_faults, [{faults, []}], pass}).

%% The initial process is the client.
start() ->
    Backup = spawn(?N2, ?MODULE, backup, [0]),
    Primary = spawn(?MODULE, primary, [Backup, 0]),
    [increment(Primary) || _ <- lists:seq(1, ?INCREMENTS)],
    Primary ! {stop, self()},
    receive
        {stopped, Primary, Value} -> Value
    end.

increment(Primary) ->
    Primary ! {increment, self()},
    receive
        {ok, Primary, Value} -> Value
    end.

primary(Backup, Value) ->
    receive
        {increment, From} ->
            Backup ! increment,
            From ! {ok, self(), Value + 1},
            primary(Backup, Value + 1);
        {stop, From} ->
            Backup ! {get, self()},
            receive
                {value, Backup, BackupValue} -> ok
            end,
            Value = BackupValue,
            From ! {stopped, self(), Value}
    end.

backup(Value) ->
    receive
        increment ->
            backup(Value + 1);
        {get, From} ->
            From ! {value, self(), Value},
            backup(Value)
    end.
