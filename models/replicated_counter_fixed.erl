%% replicated_counter_fixed: the primary-backup counter of
%% replicated_counter_buggy.erl, with acknowledged, retransmitted updates.
%%
%% What changes:
%%  - The primary monitors its backup and waits for the backup's reply to
%%    every request before it answers the client (call/4).
%%  - A DOWN with reason noconnection means the request or its reply may
%%    have been lost: the primary monitors the backup again and resends.
%%    Updates carry the new value as a sequence number ({update, Seq}), so
%%    the backup applies each once: a resent update it already has is only
%%    acknowledged again. The backup asserts that no update is missing
%%    (Seq = Value + 1, or a resend with Seq =< Value).
%%  - Any other DOWN reason (noproc: the backup does not exist, for example
%%    because the reply to the spawn that created it was lost) means the
%%    backup is gone: the primary starts a new one with the current value
%%    (state transfer) and resends.
%% The final check of the buggy version stays: at stop the primary reads the
%% backup and asserts that it agrees (Value = BackupValue).
%%
%% Under one disconnect (or two, variant two_disconnects): no crash, no deadlock, and monitored_no_loss holds
%% (whatever was lost, the primary was told). no_loss itself is still
%% violated (variant transport): a lost update is followed by its resend
%% from the same process, which is the point of retransmission. no_loss is
%% a property of the transport; the protocol repairs what it loses.
-module(replicated_counter_fixed).

-export([start/0, primary/1, backup/1]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(INCREMENTS, 3).

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [crash, deadlock, monitored_no_loss]}).
-mcgo({end_states, [{backup, 1}]}).
-mcgo({expect, pass}).
-mcgo({variant, transport, [{check, [no_loss]}], {violation, no_loss}}).
-mcgo({variant, two_disconnects, [{faults, [{disconnect, 2}]}], pass}).
-mcgo({variant, no_faults, [{faults, []}], pass}).

%% The initial process is the client.
start() ->
    Backup = spawn(?N2, ?MODULE, backup, [0]),
    Primary = spawn(?MODULE, primary, [Backup]),
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

primary(Backup) ->
    loop(Backup, erlang:monitor(process, Backup), 0).

loop(Backup, Ref, Value) ->
    receive
        {increment, From} ->
            New = Value + 1,
            {Backup1, Ref1, ok} = call(Backup, Ref, {update, New}, Value),
            From ! {ok, self(), New},
            loop(Backup1, Ref1, New);
        {stop, From} ->
            {_, Ref1, BackupValue} = call(Backup, Ref, get, Value),
            Value = BackupValue,
            erlang:demonitor(Ref1, [flush]),
            From ! {stopped, self(), Value};
        {'DOWN', Ref, process, Backup, noconnection} ->
            loop(Backup, erlang:monitor(process, Backup), Value);
        {'DOWN', Ref, process, Backup, _Gone} ->
            {Backup1, Ref1} = new_backup(Value),
            loop(Backup1, Ref1, Value);
        {reply, _OldBackup, _OldRequest, _} ->
            %% A second reply to a request that was resent.
            loop(Backup, Ref, Value)
    end.

%% Send Request to the backup until it replies. Value is what the backup
%% must hold before Request, should a new backup be needed.
call(Backup, Ref, Request, Value) ->
    Backup ! {Request, self()},
    receive
        {reply, Backup, Request, Result} ->
            {Backup, Ref, Result};
        {'DOWN', Ref, process, Backup, noconnection} ->
            call(Backup, erlang:monitor(process, Backup), Request, Value);
        {'DOWN', Ref, process, Backup, _Gone} ->
            {Backup1, Ref1} = new_backup(Value),
            call(Backup1, Ref1, Request, Value)
    end.

new_backup(Value) ->
    spawn_monitor(?N2, ?MODULE, backup, [Value]).

backup(Value) ->
    receive
        {{update, Seq} = Request, From} when Seq =< Value ->
            From ! {reply, self(), Request, ok},
            backup(Value);
        {{update, Seq} = Request, From} ->
            Seq = Value + 1,
            From ! {reply, self(), Request, ok},
            backup(Seq);
        {get = Request, From} ->
            From ! {reply, self(), Request, Value},
            backup(Value)
    end.
