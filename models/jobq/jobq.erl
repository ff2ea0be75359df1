%% jobq: no job is lost when a worker's node crashes. A job queue written
%% as production Erlang is written: a server module (jobq_server.erl) with
%% records for its jobs and state and a map of options, a worker module
%% (jobq_worker.erl), and this module, which runs the server on n1, a
%% worker on each of n2 and n3, and asserts (eunit's ?assertEqual) that
%% the owner gets every result.
%%
%% The server monitors the worker that runs a job and puts the job back in
%% the queue when that worker goes down. The no_requeue variant forgets the
%% job instead: when n2 crashes while its worker runs a job, the owner
%% waits for the last result for ever (a deadlock).
-module(jobq).

-include_lib("eunit/include/eunit.hrl").

-export([start/1]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(N3, 'n3@host3').

-mcgo({nodes, [?N1, ?N2, ?N3]}).
-mcgo({init, {jobq, start, [true]}}).
-mcgo({faults, [{crash, 1, [?N2]}]}).
-mcgo({check, [deadlock, crash]}).
-mcgo({expect, pass}).
-mcgo({variant, no_requeue, [{init, {jobq, start, [false]}}], {violation, deadlock}}).
-mcgo({variant, no_requeue_no_faults, [{init, {jobq, start, [false]}}, {faults, []}], pass}).

start(Requeue) ->
    Server = jobq_server:start([1, 2, 3], #{requeue => Requeue}),
    jobq_worker:start(?N2, Server),
    jobq_worker:start(?N3, Server),
    receive
        {results, Server, Results} ->
            ?assertEqual([1, 4, 9], [R || {_Id, R} <- lists:sort(maps:to_list(Results))])
    end.
