%% false_suspicion: pitfall 4, failure detection across nodes is not
%% accurate: a process reported dead can talk again.
%%
%% A watcher on n1 runs a worker on n2 and monitors it. The worker sends
%% ?RESULTS results and ends. The watcher trusts the monitor: on a DOWN
%% with a reason other than normal it considers the worker dead and starts
%% a replacement, and it asserts that no result comes from a worker it
%% buried.
%%
%% With one disconnect of n1 - n2 the watcher gets DOWN with reason
%% noconnection while the worker is alive; the worker's next result sets up
%% a new connection and reaches the watcher (fd_accurate is violated, and
%% the watcher's assertion fails: two workers now do the same job). When n2
%% really crashes (variant real_crash) the report is true and nothing is
%% heard from the dead worker again; without faults there is no report.
-module(false_suspicion).

-export([start/0, worker/2]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(RESULTS, 2).

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [fd_accurate, crash, deadlock]}).
-mcgo({expect, {violation, fd_accurate}}).
-mcgo({variant, assertion, [], {violation, crash}}).
-mcgo({variant, real_crash, [{faults, [{crash, 1, [?N2]}]}], pass}).
-mcgo({variant, no_faults, [{faults, []}], pass}).

%% The initial process is the watcher.
start() ->
    watch(start_worker(), 1).

start_worker() ->
    spawn_monitor(?N2, ?MODULE, worker, [self(), ?RESULTS]).

%% Restarts is how many replacements the watcher may still start.
watch({Worker, Ref} = Current, Restarts) ->
    receive
        {result, Worker, R} ->
            io:format("result ~p~n", [R]),
            watch(Current, Restarts);
        {result, Buried, R} ->
            erlang:error({result_from_dead_worker, Buried, R});
        {'DOWN', Ref, process, Worker, normal} ->
            done;
        {'DOWN', Ref, process, Worker, Reason} when Restarts > 0 ->
            io:format("worker ~p died (~p), starting another~n", [Worker, Reason]),
            watch(start_worker(), Restarts - 1);
        {'DOWN', Ref, process, Worker, Reason} ->
            {error, Reason}
    end.

worker(_Watcher, 0) ->
    ok;
worker(Watcher, N) ->
    Watcher ! {result, self(), N},
    worker(Watcher, N - 1).
