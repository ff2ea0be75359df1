%% Higher-order functions of module lists (mcgo runs them as Erlang code).
-module(lists2).
-export([start/0]).

start() ->
    L = [5, 3, 8, 1, 9, 2],
    p(map, lists:map(fun(X) -> X * 2 end, L)),
    Self = self(),
    lists:foreach(fun(X) -> Self ! {item, X} end, [a, b, c]),
    p(foreach, [receive {item, X} -> X end || _ <- [1, 2, 3]]),
    p(foldl, lists:foldl(fun(X, Acc) -> Acc * 10 + X end, 0, [1, 2, 3])),
    p(foldr, lists:foldr(fun(X, Acc) -> Acc * 10 + X end, 0, [1, 2, 3])),
    p(filter, lists:filter(fun(X) -> X > 4 end, L)),
    p(any_all, {lists:any(fun(X) -> X > 8 end, L), lists:all(fun(X) -> X > 0 end, L),
                lists:any(fun(X) -> X > 100 end, []), lists:all(fun(X) -> X > 100 end, [])}),
    p(flatmap, lists:flatmap(fun(X) -> [X, X] end, [a, b])),
    p(mapfoldl, lists:mapfoldl(fun(X, S) -> {X * S, S + 1} end, 1, [10, 20, 30])),
    p(mapfoldr, lists:mapfoldr(fun(X, S) -> {X * S, S + 1} end, 1, [10, 20, 30])),
    p(dropwhile, lists:dropwhile(fun(X) -> X > 2 end, L)),
    p(takewhile, lists:takewhile(fun(X) -> X > 2 end, L)),
    p(partition, lists:partition(fun(X) -> X rem 2 =:= 0 end, L)),
    p(zipwith, lists:zipwith(fun(X, Y) -> {X, Y} end, [1, 2, 3], [x, y, z])),
    p(sort2, lists:sort(fun(A, B) -> A >= B end, L)),
    p(sort2_stable, lists:sort(fun({A, _}, {B, _}) -> A =< B end, [{2, a}, {1, b}, {2, c}, {1, d}, {0, e}])),
    p(filtermap, lists:filtermap(fun(X) when X > 5 -> {true, X * 100}; (X) -> X =:= 1 end, L)),
    p(splitwith, lists:splitwith(fun(X) -> X < 6 end, L)),
    p(search, {lists:search(fun(X) -> X > 7 end, L), lists:search(fun(X) -> X > 70 end, L)}),
    p(keymap, lists:keymap(fun(X) -> X + 1 end, 2, [{a, 1}, {b, 2}])),
    p(usort2, lists:usort(fun(A, B) -> A =< B end, [3, 1, 3, 2, 1])),
    p(merge, lists:merge([1, 4, 7], [2, 3, 8])),
    p(merge3, lists:merge(fun(A, B) -> A >= B end, [9, 5, 1], [8, 4, 2])),
    p(sort2_strict, lists:sort(fun({A, _}, {B, _}) -> A < B end, [{2, a}, {1, b}, {2, c}, {1, d}, {0, e}, {2, f}, {1, g}, {3, h}, {0, i}])),
    p(usort2_keys, lists:usort(fun({A, _}, {B, _}) -> A =< B end, [{2, a}, {1, b}, {2, c}, {1, d}, {3, e}])),
    p(sort2_long, lists:sort(fun(A, B) -> A rem 7 =< B rem 7 end, lists:seq(1, 30))),
    p(uniq, lists:uniq([3, 1, 3, 2, 1, 4])),
    p(uniq2, lists:uniq(fun({K, _}) -> K end, [{a, 1}, {b, 2}, {a, 3}, {c, 4}, {b, 5}])),
    p(nested, lists:map(fun(Xs) -> lists:foldl(fun erlang:'+'/2, 0, Xs) end, [[1, 2], [3], []])),
    p(badfun, catch_reason(fun() -> lists:map(not_a_fun, [1]) end)),
    p(fc, catch_reason(fun() -> lists:map(fun(X) -> X end, not_a_list) end)).

p(Name, V) -> io:format("~w: ~w~n", [Name, V]).

catch_reason(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R -> {C, R}
    end.
