%% jobq_server: a job queue that hands jobs to workers that ask for them,
%% and collects their results for its owner.
%%
%% The server monitors a worker while the worker runs a job. With the
%% option requeue (the default) a job whose worker goes down goes back to
%% the queue; without it the job is forgotten, and the owner waits for its
%% results for ever.
-module(jobq_server).

-export([start/2, init/3]).

-record(job, {id :: pos_integer(), input :: integer()}).
-record(state, {owner :: pid(),
                pending = [] :: [#job{}],
                idle = [] :: [pid()],
                running = #{} :: #{reference() => {pid(), #job{}}},
                results = #{} :: #{pos_integer() => integer()},
                total = 0 :: non_neg_integer(),
                opts = #{} :: #{requeue => boolean()}}).

-define(DEFAULTS, #{requeue => true}).

%% start runs a server for the inputs on this node; it sends its owner
%% {results, Server, #{Id => Result}} when every job is done.
start(Inputs, Opts) ->
    spawn(?MODULE, init, [self(), Inputs, Opts]).

init(Owner, Inputs, Opts) ->
    Jobs = [#job{id = Id, input = X} || {Id, X} <- lists:zip(lists:seq(1, length(Inputs)), Inputs)],
    loop(#state{owner = Owner, pending = Jobs, total = length(Jobs),
                opts = maps:merge(?DEFAULTS, Opts)}).

loop(S = #state{owner = Owner, results = Results, total = Total})
  when map_size(Results) =:= Total ->
    Owner ! {results, self(), Results},
    [W ! stop || W <- S#state.idle],
    done;
loop(S) ->
    receive
        {work, Worker} ->
            loop(dispatch(S#state{idle = S#state.idle ++ [Worker]}));
        {done, Ref, Id, Result} ->
            erlang:demonitor(Ref, [flush]),
            #state{running = Running, results = Results} = S,
            loop(S#state{running = maps:remove(Ref, Running),
                         results = Results#{Id => Result}});
        {'DOWN', Ref, process, _Worker, _Reason} ->
            loop(dispatch(worker_down(Ref, S)))
    end.

%% dispatch gives pending jobs to idle workers, oldest first.
dispatch(S = #state{pending = [Job | Pending], idle = [Worker | Idle], running = Running}) ->
    Ref = erlang:monitor(process, Worker),
    Worker ! {job, self(), Ref, Job},
    dispatch(S#state{pending = Pending, idle = Idle, running = Running#{Ref => {Worker, Job}}});
dispatch(S) ->
    S.

worker_down(Ref, S = #state{running = Running, pending = Pending, opts = Opts}) ->
    case maps:take(Ref, Running) of
        {{_Worker, Job}, Rest} when map_get(requeue, Opts) ->
            S#state{running = Rest, pending = Pending ++ [Job]};
        {{_Worker, _Job}, Rest} ->
            S#state{running = Rest};
        error ->
            S
    end.
