%% Map patterns: in function heads, case, receive and matches; literal keys
%% of every kind (atoms, integers, constant expressions, strings, tuples,
%% lists, maps), bound variables as keys, nested map patterns, aliases,
%% #{} matching any map, and failing matches.
-module(map_patterns).
-export([start/0]).

start() ->
    Ms = [#{a => 1}, #{a => 2, b => 3}, #{1 => x}, #{2 => y}, #{"k" => s}, #{{p, q} => t},
          #{[1, 2] => l}, #{#{} => e}, #{#{z => 1} => m}, #{-3 => neg}, #{a => #{b => #{c => deep}}},
          #{}, [], {#{a => 1}}, #{a => 1, n => [#{x => 1}, #{x => 2}]}],
    lists:foreach(fun(M) -> io:format("~w -> ~w~n", [M, head(M)]) end, Ms),
    K1 = {p, q},
    K2 = [1, 2],
    lists:foreach(fun(M) -> io:format("~w~n", [bound(M, K1, K2)]) end, Ms),
    #{a := A} = Whole = #{a => 5, b => 6},
    io:format("~w ~w~n", [A, Whole]),
    Whole2 = #{b := B} = #{a => 7, b => 8},
    io:format("~w ~w~n", [B, Whole2]),
    self() ! #{type => req, id => 1, body => #{op => add, args => [1, 2]}},
    self() ! #{type => other},
    receive
        #{type := req, body := #{op := Op, args := Args}} = Req ->
            io:format("req ~w ~w ~w~n", [Op, Args, maps:get(id, Req)])
    end,
    receive
        #{type := T} -> io:format("type ~w~n", [T])
    end,
    io:format("~w~n", [[same(X, Y) || X <- [1, a, {1}], Y <- [#{1 => one}, #{a => aa}, #{{1} => t1}]]]),
    io:format("~w~n", [try (fun() -> #{a := 1} = #{a => 2} end)() catch error:E1 -> E1 end]),
    io:format("~w~n", [try (fun(#{x := X}) -> X end)(#{y => 1}) catch error:E2 -> E2 end]),
    io:format("~w~n", [try case #{q => 1} of #{r := _} -> r end catch error:E -> E end]),
    Key = b,
    F = fun(#{Key := V}) -> V; ({#{Key := V}}) -> {V}; (_) -> none end,
    io:format("~w~n", [[F(#{b => 1}), F({#{b => 2}}), F(#{a => 1})]]),
    io:format("~w~n", [[V || #{Key := V} <- [#{b => 1}, #{a => 2}, #{b => 3}, x]]]),
    io:format("~w~n", [[{K, V} || #{k := K, Key := V} <- [#{k => 1, b => 2}, #{k => 3}]]]).

head(#{a := 1, n := [#{x := X1}, #{x := X2}]}) -> {n, X1, X2};
head(#{a := 1}) -> a1;
head(#{a := A, b := B}) -> {ab, A, B};
head(#{1 := V}) -> {one, V};
head(#{(1 + 1) := V}) -> {two, V};
head(#{"k" := V}) -> {str, V};
head(#{{p, q} := V}) -> {tuple, V};
head(#{[1, 2] := V}) -> {list, V};
head(#{#{} := V}) -> {emptymap, V};
head(#{#{z => 1} := V}) -> {map, V};
head(#{-3 := V}) -> {neg, V};
head(#{a := #{b := #{c := V}}}) -> {deep, V};
head(#{} = M) -> {empty_or_other, map_size(M)};
head(_) -> not_a_map.

bound(M, K1, K2) ->
    case M of
        #{K1 := V} -> {k1, V};
        #{K2 := V} -> {k2, V};
        _ -> none
    end.

same(K, M) ->
    case M of
        #{K := V} -> V;
        #{} -> '-'
    end.
