%% jobq_worker: a worker of jobq_server.erl. It asks the server for a job,
%% runs it and reports the result, until the server stops it or goes away.
-module(jobq_worker).

-export([start/2, init/1]).

-record(job, {id :: pos_integer(), input :: integer()}).

start(Node, Server) ->
    spawn(Node, ?MODULE, init, [Server]).

init(Server) ->
    erlang:monitor(process, Server),
    loop(Server).

loop(Server) ->
    Server ! {work, self()},
    receive
        {job, Server, Ref, #job{id = Id, input = X}} ->
            Server ! {done, Ref, Id, X * X},
            loop(Server);
        stop ->
            ok;
        {'DOWN', _, process, Server, _} ->
            ok
    end.
