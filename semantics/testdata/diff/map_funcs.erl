%% The first-order functions of maps: results and error reasons.
-module(map_funcs).
-export([start/0]).

start() ->
    M = #{a => 1, b => 2, c => 3},
    R = [maps:get(a, M), maps:get(z, M, def), maps:find(b, M), maps:find(z, M),
         maps:put(d, 4, M), maps:put(a, 1, M), maps:update(a, 10, M),
         maps:remove(b, M), maps:remove(z, M), maps:take(c, M), maps:take(z, M),
         maps:is_key(a, M), maps:is_key(1, M), maps:keys(M), maps:values(M),
         maps:to_list(M), maps:from_list([{x, 1}, {y, 2}, {x, 3}]), maps:from_list([]),
         maps:from_keys([k1, k2, k1], v), maps:new(), maps:size(M), map_size(#{}),
         maps:merge(M, #{a => one, z => 26}), maps:merge(#{}, #{}),
         maps:with([a, c, z], M), maps:without([a, c, z], M), maps:with([], M),
         maps:intersect(M, #{a => x, c => y, q => w}), maps:intersect(#{}, M),
         map_get(c, M), is_map_key(c, M), is_map_key(q, M), is_map(M), is_map([]),
         maps:get(1, #{1 => int}), maps:is_key(1, #{{1} => t})],
    lists:foreach(fun(X) -> io:format("~w~n", [X]) end, R),
    Errs = [fun() -> maps:get(a, foo) end,
            fun() -> maps:get(z, M) end,
            fun() -> maps:get(z, foo, d) end,
            fun() -> maps:find(a, [a]) end,
            fun() -> maps:put(a, 1, {}) end,
            fun() -> maps:update(z, 1, M) end,
            fun() -> maps:update(z, 1, x) end,
            fun() -> maps:remove(a, 3) end,
            fun() -> maps:take(a, foo) end,
            fun() -> maps:is_key(a, foo) end,
            fun() -> maps:keys(foo) end,
            fun() -> maps:values(foo) end,
            fun() -> maps:to_list(foo) end,
            fun() -> maps:from_list([{a, 1} | b]) end,
            fun() -> maps:from_list([{a, 1}, {b}]) end,
            fun() -> maps:from_list(foo) end,
            fun() -> maps:from_keys(foo, 1) end,
            fun() -> maps:size(foo) end,
            fun() -> maps:merge(foo, bar) end,
            fun() -> maps:merge(M, bar) end,
            fun() -> maps:with(foo, M) end,
            fun() -> maps:with([a], foo) end,
            fun() -> maps:without(foo, M) end,
            fun() -> maps:without([a], foo) end,
            fun() -> maps:intersect(M, foo) end,
            fun() -> maps:intersect(foo, M) end,
            fun() -> maps:iterator(foo) end,
            fun() -> maps:next(foo) end,
            fun() -> map_size(foo) end,
            fun() -> map_get(a, foo) end,
            fun() -> map_get(z, M) end,
            fun() -> is_map_key(a, foo) end],
    lists:foreach(fun(F) -> io:format("~w~n", [catch_it(F)]) end, Errs).

catch_it(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.
