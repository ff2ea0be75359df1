%% Errors across modules: a library function's badmatch, function_clause,
%% badarith and throw seen by the caller; undef for a function the library
%% does not export, for a module that exists nowhere, and for a fun of one;
%% a process running library code that crashes.
-module(mod_errors).
-export([start/0]).

start() ->
    Tests = [fun() -> mod_errors_lib:must_be_ok(nope) end,
             fun() -> mod_errors_lib:only_ints(an_atom) end,
             fun() -> mod_errors_lib:divide(1, 0) end,
             fun() -> mod_errors_lib:throws(ball) end,
             fun() -> mod_errors_lib:exits(gone) end,
             fun() -> mod_errors_lib:hidden(1) end,
             fun() -> mod_errors_nowhere:f(2) end,
             fun() -> (fun mod_errors_nowhere:g/0)() end,
             fun() -> mod_errors_lib:only_ints(41) end],
    lists:foreach(fun(T) -> io:format("~p~n", [run(T)]) end, Tests),
    {_, Ref} = spawn_monitor(mod_errors_lib, must_be_ok, [bad]),
    receive
        {'DOWN', Ref, process, _, {Why, Stack}} when is_list(Stack) -> io:format("process: ~p~n", [Why])
    end.

run(T) ->
    try T() of
        V -> {value, V}
    catch
        error:undef:St ->
            [{M, F, A, _} | _] = St,
            {undef, M, F, A};
        C:R -> {C, R}
    end.
