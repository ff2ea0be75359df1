%% First-order functions of module lists.
-module(lists1).
-export([start/0]).

start() ->
    L = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
    p(reverse, lists:reverse(L)),
    p(reverse2, lists:reverse([1, 2], [3, 4])),
    p(member, {lists:member(9, L), lists:member(7, L)}),
    p(nth, {lists:nth(1, L), lists:nth(5, L)}),
    p(nthtail, lists:nthtail(8, L)),
    p(append2, lists:append([1, 2], [3])),
    p(append1, lists:append([[a], [], [b, c]])),
    p(subtract, {lists:subtract(L, [1, 5, 5]), L -- [3, 3, 3], [a, b, a] -- [a]}),
    p(sum, lists:sum(L)),
    KV = [{b, 2}, {a, 1}, {c, 3}, {a, 4}],
    p(keyfind, {lists:keyfind(a, 1, KV), lists:keyfind(z, 1, KV), lists:keyfind(3, 2, KV)}),
    p(keymember, {lists:keymember(c, 1, KV), lists:keymember(c, 2, KV)}),
    p(keysearch, {lists:keysearch(b, 1, KV), lists:keysearch(q, 1, KV)}),
    p(keydelete, lists:keydelete(a, 1, KV)),
    p(keyreplace, lists:keyreplace(a, 1, KV, {a, 100})),
    p(keystore, {lists:keystore(a, 1, KV, {a, x}), lists:keystore(d, 1, KV, {d, 0})}),
    p(keysort, {lists:keysort(1, KV), lists:keysort(2, KV)}),
    p(delete, {lists:delete(1, L), lists:delete(42, [1, 2])}),
    p(sort, lists:sort(L)),
    p(usort, lists:usort(L)),
    p(sort_mixed, lists:sort([b, 3, "s", {1}, a, [], 1])),
    p(zip, lists:zip([1, 2, 3], [a, b, c])),
    p(unzip, lists:unzip([{1, a}, {2, b}])),
    p(last, lists:last(L)),
    p(droplast, lists:droplast([1, 2, 3])),
    p(duplicate, lists:duplicate(4, x)),
    p(flatten, lists:flatten([1, [2, [3, []], [[4]]], 5])),
    p(max_min, {lists:max(L), lists:min(L), lists:max([a, 1, "z"]), lists:min([a, 1, "z"])}),
    p(seq, {lists:seq(1, 5), lists:seq(5, 1, -1), lists:seq(1, 10, 3), lists:seq(3, 2), lists:seq(1, 1)}),
    p(sublist, {lists:sublist(L, 3), lists:sublist(L, 3, 4), lists:sublist([a], 5), lists:sublist([a, b], 3, 1)}),
    p(split, lists:split(3, L)),
    p(concat, lists:concat([abc, "def", 12, x])),
    p(prefix, {lists:prefix([3, 1], L), lists:prefix([1], L), lists:prefix([], L)}),
    p(length, length(L)),
    p(errors, [catch_reason(fun() -> lists:nth(0, L) end),
               catch_reason(fun() -> lists:last([]) end),
               catch_reason(fun() -> lists:sum([1, a]) end),
               catch_reason(fun() -> lists:seq(5, 1) end),
               catch_reason(fun() -> lists:split(20, L) end),
               catch_reason(fun() -> lists:zip([1], [a, b]) end),
               catch_reason(fun() -> lists:reverse(improper()) end)]).

improper() -> [1 | 2].

p(Name, V) -> io:format("~w: ~w~n", [Name, V]).

catch_reason(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R -> {C, R}
    end.
