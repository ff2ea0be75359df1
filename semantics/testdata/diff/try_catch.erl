%% try ... of ... catch ... after: classes, of clauses, the order of after
%% bodies, nested tries, re-raise, try_clause.
-module(try_catch).
-export([start/0]).

start() ->
    lists:foreach(fun(K) -> io:format("~w: ~w~n", [K, outer(K)]) end,
                  [ok, throw, error, exit, badarith, nested, rethrow, of_fail, value]),
    io:format("~w~n", [after_order()]),
    io:format("~w~n", [class_of(fun() -> throw(t) end)]),
    io:format("~w~n", [class_of(fun() -> erlang:error(e) end)]),
    io:format("~w~n", [class_of(fun() -> exit(x) end)]),
    io:format("~w~n", [class_of(fun() -> done end)]),
    io:format("~w~n", [catch_all(fun() -> [] = [1] end)]),
    io:format("~w~n", [guarded(5)]),
    io:format("~w~n", [guarded(-5)]),
    io:format("~w~n", [try_in_loop(5, [])]),
    io:format("~w~n", [error2()]).

%% An exception in the of clauses is not caught by the same try.
outer(K) ->
    try run(K)
    catch C:R -> {outer, C, R}
    end.

act(ok) -> fine;
act(throw) -> throw(oops);
act(error) -> erlang:error(bad);
act(exit) -> exit(gone);
act(badarith) -> 1 + list_to_atom("a");
act(nested) ->
    try throw(inner)
    catch throw:inner -> {caught_inner}
    end;
act(rethrow) ->
    try throw(first)
    catch throw:first -> throw(second)
    end;
act(of_fail) -> 3;
act(value) -> 42.

run(K) ->
    try act(K) of
        fine -> {ok, fine};
        {caught_inner} -> nested_ok;
        42 -> forty_two
    catch
        throw:oops -> {thrown, oops};
        throw:Other -> {thrown_other, Other};
        error:bad -> {error, bad};
        exit:gone -> {exit, gone};
        error:badarith -> arith;
        error:{try_clause, V} -> {try_clause, V}
    end.

after_order() ->
    Self = self(),
    try
        try
            Self ! body,
            throw(x)
        after
            Self ! inner_after
        end
    catch
        throw:x -> Self ! caught
    after
        Self ! outer_after
    end,
    collect(4).

collect(0) -> [];
collect(N) -> receive M -> [M | collect(N - 1)] end.

class_of(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R -> {C, R}
    end.

catch_all(F) ->
    try F()
    catch
        _:{badmatch, V} -> {badmatch, V};
        _:_ -> other
    end.

guarded(X) ->
    try
        if X > 0 -> throw({pos, X}); true -> throw({neg, X}) end
    catch
        throw:{T, V} when V > 0 -> {positive_tag, T};
        throw:{T, _} -> {other_tag, T}
    end.

try_in_loop(0, Acc) -> lists:reverse(Acc);
try_in_loop(N, Acc) ->
    R = try
            case N rem 2 of
                0 -> throw(even);
                1 -> odd
            end
        catch throw:even -> even
        end,
    try_in_loop(N - 1, [R | Acc]).

error2() ->
    try erlang:error(with_args, [1, 2])
    catch error:R -> R
    end.
