%% lock_server_fixed: the lock server of lock_server_buggy.erl, with a
%% server that monitors its clients.
%%
%% The server monitors every client that asks for the lock. When the holder
%% goes DOWN the lock passes to the next client in the queue; when a waiting
%% client goes DOWN it leaves the queue. A crash of a client's node, or a
%% client whose own job crashes, no longer blocks the others: no deadlock.
%% The clients are the same as in the buggy version.
%%
%% Only a partial fix across nodes: a DOWN with reason noconnection does
%% not mean that the client is dead. After a disconnect the server frees the
%% lock (or hands it to the next client) while the first client may still
%% be in its critical section. That client's release then arrives over the
%% new connection at a server that no longer counts it as the holder, and
%% the server's check that only the holder releases fails (variant
%% disconnect: crash); the release, or the grant a client gave up on, comes
%% from a process its receiver was told is gone (variant disconnect_fd:
%% fd_accurate). The cure is outside the lock server: leases that expire, or
%% fencing tokens that the protected resource checks.
-module(lock_server_fixed).

-export([start/2, client/2]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(N3, 'n3@host3').

-mcgo({nodes, [?N1, ?N2, ?N3]}).
-mcgo({init, {lock_server_fixed, start, [1, 2]}}).
-mcgo({faults, [{crash, 1, [?N2]}]}).
-mcgo({check, [deadlock, crash]}).
-mcgo({end_states, [{free, 0}, {held, 2}]}).
-mcgo({expect, pass}).
-mcgo({variant, client_crashes, [{faults, []}, {init, {lock_server_fixed, start, [0, 2]}}, {check, [deadlock]}],
       pass}).
%% The disconnect variants break the connection between the server's node
%% and client A's node only: a fault restricted to two or more nodes
%% applies to the pairs among them.
-mcgo({variant, disconnect, [{faults, [{disconnect, 1, [?N1, ?N2]}]}], {violation, crash}}).
-mcgo({variant, disconnect_fd, [{faults, [{disconnect, 1, [?N1, ?N2]}]}], {violation, fd_accurate}}).
-mcgo({variant, no_faults, [{faults, []}], pass}).

%% The initial process starts a client on n2 and one on n3, with their
%% jobs, and then serves the lock.
start(JobA, JobB) ->
    spawn(?N2, ?MODULE, client, [self(), JobA]),
    spawn(?N3, ?MODULE, client, [self(), JobB]),
    free().

%% The lock is free.
free() ->
    receive
        {acquire, Client} ->
            Ref = erlang:monitor(process, Client),
            Client ! {granted, self()},
            held({Client, Ref}, []);
        {release, Client} ->
            erlang:error({release_by_non_holder, Client})
    end.

%% Holder = {Pid, MonitorRef} has the lock; Waiting are the clients queued
%% for it, oldest first, each with its monitor.
held({Holder, HolderRef} = Current, Waiting) ->
    receive
        {acquire, Client} ->
            Ref = erlang:monitor(process, Client),
            held(Current, Waiting ++ [{Client, Ref}]);
        {release, Holder} ->
            erlang:demonitor(HolderRef, [flush]),
            grant_next(Waiting);
        {release, Client} ->
            erlang:error({release_by_non_holder, Client});
        {'DOWN', HolderRef, process, Holder, _Reason} ->
            grant_next(Waiting);
        {'DOWN', Ref, process, _Client, _Reason} ->
            held(Current, lists:keydelete(Ref, 2, Waiting))
    end.

grant_next([]) ->
    free();
grant_next([{Next, _Ref} = Holder | Rest]) ->
    Next ! {granted, self()},
    held(Holder, Rest).

client(Server, Job) ->
    Ref = erlang:monitor(process, Server),
    Server ! {acquire, self()},
    receive
        {granted, Server} ->
            io:format("~p: ~p~n", [self(), 100 div Job]),
            Server ! {release, self()},
            erlang:demonitor(Ref, [flush]),
            ok;
        {'DOWN', Ref, process, Server, Reason} ->
            {error, Reason}
    end.
