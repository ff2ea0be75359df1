%% kvs_server: the server side of a primary-backup key-value store.
%%
%% A primary serves puts and gets; every put is copied to a backup. With
%% the option sync_backup the primary waits for the backup's ack before it
%% answers the client; without it, it answers first. The backup becomes the
%% primary when it sees the primary's node go down.
-module(kvs_server).

-export([start_primary/2, start_backup/1, init_primary/2, init_backup/1]).

-record(state, {role = backup :: primary | backup,
                data = #{} :: #{term() => term()},
                peer :: pid() | undefined,
                opts = #{} :: #{atom() => term()},
                version = 0 :: non_neg_integer()}).

-define(DEFAULTS, #{sync_backup => true}).

start_primary(Node, Opts) ->
    spawn(Node, ?MODULE, init_primary, [self(), Opts]).

start_backup(Node) ->
    spawn(Node, ?MODULE, init_backup, [self()]).

init_primary(Owner, Opts) ->
    Backup = receive {backup, Owner, B} -> B end,
    loop(#state{role = primary, peer = Backup, opts = maps:merge(?DEFAULTS, Opts)}).

init_backup(Owner) ->
    Ref = erlang:monitor(process, Owner),
    Owner ! {backup_ready, self()},
    receive
        {primary, Owner, Primary} ->
            erlang:demonitor(Ref, [flush]),
            erlang:monitor(process, Primary),
            loop(#state{peer = Primary});
        {'DOWN', Ref, process, Owner, _} ->
            %% The store was never set up.
            ok
    end.

loop(S = #state{role = primary, data = Data, peer = Backup, opts = Opts}) ->
    receive
        {put, From, Ref, Key, Value} ->
            V = S#state.version + 1,
            replicate(Backup, V, Key, Value, Opts),
            From ! {Ref, ok},
            loop(S#state{data = Data#{Key => Value}, version = V});
        {get, From, Ref, Key} ->
            From ! {Ref, maps:get(Key, Data, undefined)},
            loop(S)
    end;
loop(S = #state{role = backup, data = Data, peer = Primary}) ->
    receive
        {replicate, Primary, V, Key, Value} ->
            Primary ! {replicated, V},
            loop(S#state{data = Data#{Key => Value}, version = V});
        {'DOWN', _, process, Primary, _} ->
            %% Puts and gets wait in the mailbox until the backup takes
            %% over; clients only ask it once the primary is down.
            loop(S#state{role = primary, peer = undefined})
    end.

%% replicate copies one put to the backup, if there is one, and waits for
%% its ack when the options say so.
replicate(undefined, _V, _Key, _Value, _Opts) ->
    ok;
replicate(Backup, V, Key, Value, #{sync_backup := Sync}) ->
    Backup ! {replicate, self(), V, Key, Value},
    case Sync of
        true -> receive {replicated, V} -> ok end;
        false -> ok
    end.
