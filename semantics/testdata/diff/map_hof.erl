%% The higher-order functions of maps: the order in which they call their
%% funs (key order), funs with effects (printing, sending), iterators, and
%% the error reasons.
-module(map_hof).
-export([start/0]).

start() ->
    M = #{c => 3, a => 1, b => 2, 10 => ten, "s" => str},
    io:format("~w~n", [maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], M)]),
    io:format("~w~n", [maps:map(fun(K, V) -> io:format("map ~w~n", [K]), {K, V} end, M)]),
    io:format("~w~n", [maps:filter(fun(_, V) -> is_integer(V) end, M)]),
    io:format("~w~n", [maps:filtermap(fun(a, _) -> true; (b, V) -> {true, V * 100}; (_, _) -> false end, M)]),
    ok = maps:foreach(fun(K, V) -> self() ! {K, V} end, M),
    io:format("~w~n", [drain([])]),
    io:format("~w~n", [maps:update_with(a, fun(V) -> V + 100 end, M)]),
    io:format("~w~n", [maps:update_with(z, fun(V) -> V + 100 end, init, M)]),
    io:format("~w~n", [maps:update_with(a, fun(V) -> V + 100 end, init, M)]),
    io:format("~w~n", [maps:merge_with(fun(K, A, B) -> {K, A, B} end, #{a => 1, b => 2}, #{b => 20, c => 30})]),
    io:format("~w~n", [maps:merge_with(fun(K, A, B) -> {K, A, B} end, #{a => 1, b => 2, d => 4}, #{b => 20})]),
    io:format("~w~n", [maps:intersect_with(fun(K, A, B) -> {K, A, B} end, #{a => 1, b => 2}, #{b => 20, c => 30, a => 0})]),
    io:format("~w~n", [maps:intersect_with(fun(K, A, B) -> {K, A, B} end, #{a => 1, b => 2, d => 4}, #{b => 20})]),
    io:format("~w~n", [maps:groups_from_list(fun(X) -> X rem 3 end, [1, 2, 3, 4, 5, 6, 7])]),
    io:format("~w~n", [maps:groups_from_list(fun(X) -> X rem 2 end, fun(X) -> X * 10 end, [1, 2, 3, 4, 5])]),
    io:format("~w~n", [maps:groups_from_list(fun(X) -> X end, [])]),
    I = maps:iterator(#{x => 1, y => 2}),
    io:format("~w~n", [I]),
    {K1, V1, I2} = maps:next(I),
    io:format("~w ~w ~w~n", [K1, V1, I2]),
    {K2, V2, I3} = maps:next(I2),
    io:format("~w ~w ~w ~w~n", [K2, V2, I3, maps:next(I3)]),
    io:format("~w~n", [maps:next(maps:iterator(#{}))]),
    io:format("~w~n", [maps:fold(fun(K, V, A) -> [K, V | A] end, [], I2)]),
    io:format("~w~n", [maps:map(fun(_, V) -> V * 2 end, I)]),
    io:format("~w~n", [maps:filter(fun(_, V) -> V > 1 end, I)]),
    Errs = [fun() -> maps:fold(fun(K, V, A) -> [K, V | A] end, [], foo) end,
            fun() -> maps:fold(foo, [], M) end,
            fun() -> maps:fold(fun(_, _) -> x end, [], M) end,
            fun() -> maps:map(fun(_, V) -> V end, 3) end,
            fun() -> maps:map(foo, M) end,
            fun() -> maps:filter(fun(_, _) -> true end, [x]) end,
            fun() -> maps:filter(fun(_, _) -> maybe end, M) end,
            fun() -> maps:filtermap(fun(_, _) -> maybe end, M) end,
            fun() -> maps:filtermap(foo, M) end,
            fun() -> maps:foreach(foo, M) end,
            fun() -> maps:foreach(fun(_, _) -> ok end, foo) end,
            fun() -> maps:update_with(z, fun(V) -> V end, M) end,
            fun() -> maps:update_with(a, foo, M) end,
            fun() -> maps:update_with(a, fun(V) -> V end, bar) end,
            fun() -> maps:update_with(a, foo, 0, M) end,
            fun() -> maps:update_with(a, fun(V) -> V end, 0, bar) end,
            fun() -> maps:merge_with(foo, M, M) end,
            fun() -> maps:merge_with(fun(_, A, _) -> A end, M, bar) end,
            fun() -> maps:merge_with(fun(_, A, _) -> A end, bar, M) end,
            fun() -> maps:intersect_with(foo, M, M) end,
            fun() -> maps:intersect_with(fun(_, A, _) -> A end, foo, M) end,
            fun() -> maps:groups_from_list(fun(X) -> X end, [1 | 2]) end,
            fun() -> maps:groups_from_list(foo, [1]) end,
            fun() -> maps:groups_from_list(fun(X) -> X end, foo, [1]) end,
            fun() -> maps:next([0 | foo]) end,
            fun() -> maps:next({a, b}) end,
            fun() -> maps:without([a | b], M) end],
    lists:foreach(fun(F) -> io:format("~w~n", [catch_it(F)]) end, Errs).

drain(Acc) ->
    receive
        X -> drain([X | Acc])
    after 0 -> lists:reverse(Acc)
    end.

catch_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.
