%% Maps with the rest of the language: updates with variable keys and
%% repeated keys, maps in lists and tuples handled by erlang and lists
%% functions (++, --, member, delete, usort, element, setelement,
%% tuple_to_list), maps captured in funs, size/1 and length/1 on a map,
%% and maps as keys of maps.
-module(map_misc).
-export([start/0]).

start() ->
    K = key,
    M0 = #{K => 1, {K} => 2},
    M1 = M0#{K := 10, K => 11, other => K},
    io:format("~w ~w~n", [M0, M1]),
    L = [#{a => 1}, #{b => 2}, #{a => 1}],
    io:format("~w~n", [[L ++ [#{}], L -- [#{a => 1}], lists:member(#{b => 2}, L), lists:delete(#{a => 1}, L),
                        lists:usort(L), element(2, {x, #{y => 1}}), setelement(1, {old}, #{new => 1}),
                        tuple_to_list({#{}, #{a => b}}), list_to_tuple([#{}]), lists:reverse(L),
                        lists:keyfind(#{k => 1}, 1, [{#{k => 1}, found}]), lists:nth(2, L)]]),
    F = fun(X) -> M1#{arg => X} end,
    io:format("~w~n", [F(3)]),
    io:format("~w~n", [[try erlang:size(M1) catch error:E1 -> E1 end, try length(M1) catch error:E2 -> E2 end,
                        try tuple_size(M1) catch error:E3 -> E3 end, try M1 + 1 catch error:E4 -> E4 end,
                        try hd(M1) catch error:E5 -> E5 end]]),
    Nested = #{#{inner => key} => value, #{} => empty},
    io:format("~w ~w~n", [maps:get(#{inner => key}, Nested), maps:get(#{}, Nested)]),
    Counter = lists:foldl(fun(W, Acc) -> maps:update_with(W, fun(C) -> C + 1 end, 1, Acc) end, #{},
                          [the, cat, sat, on, the, mat, the, cat]),
    io:format("~w~n", [Counter]),
    io:format("~p~n", [lists:sort(fun({_, A}, {_, B}) -> A >= B end, maps:to_list(Counter))]).
