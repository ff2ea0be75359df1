%% Run-time error reasons as seen through try and catch: badmatch,
%% function_clause, case_clause, if_clause, badarith, badarg, undef,
%% badfun, badarity, and {nocatch, V} in the exit reason of a process that
%% throws.
-module(errors).
-export([start/0]).

start() ->
    Tests = [badmatch, function_clause, case_clause, if_clause, badarith, badarg1, badarg2,
             badarg3, badarg4, undef1, undef2, badfun, badarity, try_clause, div0, rem0,
             bad_generator, atom_arith, tuple_elem, bnot_atom, neg_atom, hd_nil, not_bool,
             andalso_bad, send_bad],
    lists:foreach(fun(T) -> io:format("~w: ~w~n", [T, reason(T)]) end, Tests),
    {_, Ref} = spawn_monitor(fun() -> throw(uncaught) end),
    receive
        {'DOWN', Ref, process, _, {Why, Stack}} when is_list(Stack) -> io:format("throw in a process: ~w~n", [Why])
    end,
    {_, Ref2} = spawn_monitor(fun() -> erlang:error(kaboom) end),
    receive
        {'DOWN', Ref2, process, _, {Why2, Stack2}} when is_list(Stack2) -> io:format("error in a process: ~w~n", [Why2])
    end,
    {_, Ref3} = spawn_monitor(fun() -> exit(plain) end),
    receive
        {'DOWN', Ref3, process, _, Why3} -> io:format("exit in a process: ~w~n", [Why3])
    end,
    {_, Ref4} = spawn_monitor(fun() -> ok = nope() end),
    receive
        {'DOWN', Ref4, process, _, {Why4, _}} -> io:format("badmatch in a process: ~w~n", [Why4])
    end.

nope() -> nope.

reason(T) ->
    try run(T) of
        V -> {no_error, V}
    catch
        error:{badarity, {F, Args}} when is_function(F) -> {badarity, fun_and, Args};
        C:R -> {C, R}
    end.

f(1) -> one.
id(X) -> X.

run(badmatch) -> {a, _} = id({b, c});
run(function_clause) -> f(id(2));
run(case_clause) -> case id(x) of y -> y end;
run(if_clause) -> X = id(1), if X > 1 -> big end;
run(badarith) -> id(1) + id(foo);
run(badarg1) -> list_to_atom(id(123));
run(badarg2) -> atom_to_list(id("abc"));
run(badarg3) -> element(id(0), {a});
run(badarg4) -> id(not_a_name) ! hello;
run(undef1) -> (id(no_such_module)):f(1);
run(undef2) -> errors:no_such_function(1, 2);
run(badfun) -> (id(3))(x);
run(badarity) -> (id(fun(A) -> A end))(1, 2);
run(try_clause) -> try id(1) of 2 -> two after ok end;
run(div0) -> id(1) div id(0);
run(rem0) -> id(1) rem id(0);
run(bad_generator) -> [X || X <- id(gen)];
run(atom_arith) -> -id(a);
run(tuple_elem) -> setelement(id(3), {a, b}, c);
run(bnot_atom) -> bnot id(a);
run(neg_atom) -> id(5) - id([]);
run(hd_nil) -> hd(id([]));
run(not_bool) -> not id(3);
run(andalso_bad) -> id(true) andalso id(3) orelse id(x);
run(send_bad) -> id({a, b, c}) ! msg.
