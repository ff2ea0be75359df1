%% The term order of maps: by size, then keys in map-key order, then values
%% in key order; maps among other kinds (after tuples, before lists);
%% lists:sort, lists:usort, max, min and comparisons of maps.
-module(map_order).
-export([start/0]).

start() ->
    Ms = [#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{}, #{a => 1}, #{1 => x}, #{{a} => 1},
          #{a => 1, b => 0}, #{a => 0, b => 9}, #{[] => 1}, #{"a" => 1}, #{a => #{b => 1}},
          #{a => #{}}, #{a => [1]}, #{c => 1, a => 1}, #{z => 1}, #{a => 1}],
    io:format("~w~n", [lists:sort(Ms)]),
    io:format("~w~n", [lists:usort(Ms)]),
    io:format("~w~n", [lists:reverse(lists:sort(Ms))]),
    Mixed = [[1], #{a => 1}, {big, tuple}, atom, 7, "str", #{}, {}, [], self() =:= self()],
    io:format("~w~n", [lists:sort(Mixed)]),
    io:format("~w ~w~n", [lists:max(Ms), lists:min(Ms)]),
    io:format("~w~n", [[#{a => 1} < #{b => 1}, #{a => 2} < #{b => 1}, #{a => 1, b => 2} > #{z => 9},
                        #{a => 1} =:= #{a => 1}, #{a => 1} =/= #{a => 2}, #{a => 1} == #{a => 1},
                        #{1 => a} < #{a => 1}, #{} < {}, #{} > {1, 2, 3}, #{} < [], #{a => b} < "a",
                        max(#{a => 1}, #{a => 2}), min(#{a => 1}, {x})]]),
    io:format("~w~n", [lists:keysort(2, [{x, #{b => 1}}, {y, #{a => 1}}, {z, #{}}])]),
    io:format("~w~n", [lists:sort(fun(A, B) -> maps:get(k, A) >= maps:get(k, B) end,
                                  [#{k => 1}, #{k => 3}, #{k => 2}])]).
