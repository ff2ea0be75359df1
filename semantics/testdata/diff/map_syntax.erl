%% Maps: construction, update with => and :=, patterns with literal and
%% bound keys, guards (is_map, map_size, is_map_key, map_get, map
%% construction and update), and the errors badmap and badkey.
-module(map_syntax).
-export([start/0]).

start() ->
    M0 = #{},
    M1 = #{a => 1, b => 2},
    M2 = M1#{c => 3, a := 10},
    M3 = #{a => 1, {x, y} => [1, 2], "str" => M1},
    io:format("~w ~w ~w~n~w~n", [M0, M1, M2, M3]),
    K = b,
    #{K := B, a := A} = M1,
    io:format("~w ~w~n", [A, B]),
    io:format("~w~n", [[classify(X) || X <- [M0, M1, M2, M3, #{1 => one}, notmap]]]),
    io:format("~w~n", [[guards(X) || X <- [M0, M1, M2, #{a => 1}, 7]]]),
    io:format("~w~n", [[err(T) || T <- [badmap_update, badmap_exact, badkey, badmap_empty, badmatch]]]),
    io:format("~w~n", [lookup(c, M2)]),
    io:format("~w~n", [(M1#{z => 26})#{z := 0}]),
    io:format("~w ~w~n", [M1 =:= #{b => 2, a => 1}, M1 == M2]),
    Fun = fun(#{a := X}) -> X; (_) -> none end,
    io:format("~w ~w~n", [Fun(M1), Fun(M0)]),
    io:format("~w~n", [#{[] => nil, {} => tuple, 0 => int, a => atom, #{} => map, "s" => list}]),
    case M2 of
        #{a := 10, c := C} when C > 2 -> io:format("case ~w~n", [C]);
        _ -> io:format("no~n")
    end.

classify(#{a := 1, b := _}) -> ab;
classify(#{"str" := #{a := V}}) -> {str, V};
classify(#{1 := X}) -> {one, X};
classify(#{}) -> map;
classify(_) -> other.

guards(M) when map_size(M) =:= 0 -> empty;
guards(M) when is_map_key(c, M), map_get(c, M) > 2 -> has_c;
guards(M) when M#{a => 1} =:= #{a => 1} -> only_a;
guards(M) when is_map(M), M#{a := 5} =/= M -> other_map;
guards(_) -> not_map.

lookup(K, M) ->
    case M of
        #{K := V} -> V;
        _ -> none
    end.

err(T) ->
    try run(T) of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

run(badmap_update) -> (id(notmap))#{a => 1};
run(badmap_exact) -> (id([1]))#{a := 1};
run(badkey) -> (id(#{a => 1}))#{b := 1};
run(badmap_empty) -> (id(3))#{};
run(badmatch) -> #{a := _} = id(#{b => 1}).

id(X) -> X.
