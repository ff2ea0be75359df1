%% -compile(export_all) exports every function, as erlc does: spawn/3,
%% apply/3 and Module:F(...) reach functions the module does not list.
-module(rec_export_all).
-compile(export_all).

-record(job, {n, from}).

start() ->
    Me = self(),
    Pid = spawn(?MODULE, worker, [#job{n = 6, from = Me}]),
    receive {done, Pid, R} -> io:format("worker: ~p~n", [R]) end,
    io:format("apply: ~p~n", [apply(?MODULE, double, [21])]),
    io:format("remote: ~p~n", [?MODULE:double(4)]),
    M = ?MODULE,
    io:format("dynamic: ~p~n", [M:double(5)]),
    F = fun ?MODULE:double/1,
    io:format("fun: ~p~n", [lists:map(F, [1, 2, 3])]),
    {P2, Ref} = spawn_monitor(?MODULE, crash, []),
    receive {'DOWN', Ref, process, P2, Why} -> io:format("crash: ~p~n", [Why]) end.

worker(#job{n = N, from = From}) ->
    From ! {done, self(), double(N)}.

double(X) -> 2 * X.

crash() -> exit(on_purpose).
