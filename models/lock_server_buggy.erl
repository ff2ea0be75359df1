%% lock_server_buggy: a lock server that forgets that clients can die.
%%
%% The server on n1 grants one lock to one client at a time and queues the
%% others. Two clients, on n2 and n3, each take the lock once, do a job in
%% the critical section and release it. A client monitors the server while
%% it waits, as gen_server:call does, so a dead server does not block it.
%%
%% The bug: the server does not monitor its clients. A client that dies
%% while it holds the lock (its node crashes, or its own job crashes, as in
%% the client_crashes variant: 100 div 0) never releases it, and the other
%% client waits for the lock for ever: a deadlock. lock_server_fixed.erl is
%% the same program with a server that monitors holders and waiters. Both
%% servers crash on a release from a client that does not hold the lock: a
%% protocol violation, which the fixed server meets after a disconnect.
-module(lock_server_buggy).

-export([start/2, client/2]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(N3, 'n3@host3').

-mcgo({nodes, [?N1, ?N2, ?N3]}).
-mcgo({init, {lock_server_buggy, start, [1, 2]}}).
-mcgo({faults, [{crash, 1, [?N2]}]}).
-mcgo({check, [deadlock, crash]}).
-mcgo({end_states, [{free, 0}, {held, 2}]}).
-mcgo({expect, {violation, deadlock}}).
-mcgo({variant, client_crashes, [{faults, []}, {init, {lock_server_buggy, start, [0, 2]}}],
       {violation, deadlock}}).
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
            Client ! {granted, self()},
            held(Client, []);
        {release, Client} ->
            erlang:error({release_by_non_holder, Client})
    end.

%% Holder has the lock; Waiting are the clients queued for it, oldest first.
held(Holder, Waiting) ->
    receive
        {acquire, Client} ->
            held(Holder, Waiting ++ [Client]);
        {release, Holder} ->
            case Waiting of
                [] ->
                    free();
                [Next | Rest] ->
                    Next ! {granted, self()},
                    held(Next, Rest)
            end;
        {release, Client} ->
            erlang:error({release_by_non_holder, Client})
    end.

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
