%% kvs: read-your-writes on a primary-backup key-value store, written as
%% production Erlang is written: a server module (kvs_server.erl) with a
%% record for its state and a map of options, a client module
%% (kvs_client.erl), and this module, which places them on three nodes and
%% asserts with stdlib's assert.hrl what the client must see.
%%
%% The client writes a value, then reads it back, failing over to the
%% backup when the primary's node crashes. With sync_backup the primary
%% answers a put only once the backup holds it, so the read always sees the
%% write. The async variant answers first: when the primary's node crashes
%% after its answer and before the backup has the copy (or before the
%% backup has even been told who the primary is), the client's read finds
%% nothing, and ?assertEqual fails.
-module(kvs).

-include_lib("stdlib/include/assert.hrl").

-export([start/1, client/2]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(N3, 'n3@host3').

-mcgo({nodes, [?N1, ?N2, ?N3]}).
-mcgo({init, {kvs, start, [true]}}).
-mcgo({faults, [{crash, 1, [?N1]}]}).
-mcgo({check, [deadlock, crash]}).
-mcgo({end_states, [{kvs_server, loop, 1}]}).
-mcgo({expect, pass}).
-mcgo({variant, async, [{init, {kvs, start, [false]}}], {violation, crash}}).
-mcgo({variant, async_no_faults, [{init, {kvs, start, [false]}}, {faults, []}], pass}).

start(Sync) ->
    Primary = kvs_server:start_primary(?N1, #{sync_backup => Sync}),
    Backup = kvs_server:start_backup(?N2),
    receive {backup_ready, Backup} -> ok end,
    Primary ! {backup, self(), Backup},
    Backup ! {primary, self(), Primary},
    spawn(?N3, ?MODULE, client, [[Primary, Backup], self()]),
    ok.

client(Servers, _Owner) ->
    case kvs_client:put(Servers, color, blue) of
        {ok, ok} ->
            ?assertEqual({ok, blue}, kvs_client:get(Servers, color));
        {error, _} ->
            ok
    end.
