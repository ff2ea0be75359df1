%% Maps in guards: is_map, map_size, is_map_key, map_get (failing quietly
%% on a non-map or a missing key), map construction and update (failing
%% on a non-map or a missing := key), with andalso, orelse, ; and not.
-module(map_guards).
-export([start/0]).

start() ->
    Vs = [#{}, #{a => 1}, #{a => 2, b => 3}, #{b => 1}, [a], 7, {a, 1}],
    lists:foreach(fun(V) -> io:format("~w: ~w ~w ~w ~w~n", [V, g1(V), g2(V), g3(V), g4(V)]) end, Vs),
    io:format("~w~n", [[if is_map(X) andalso map_size(X) > 1 -> big; is_map(X) -> small; true -> no end || X <- Vs]]),
    io:format("~w~n", [[X || X <- Vs, is_map(X), not is_map_key(a, X)]]).

g1(M) when map_get(a, M) =:= 1 -> one;
g1(M) when map_get(a, M) > 1 -> more;
g1(M) when is_map(M) -> map;
g1(_) -> other.

g2(M) when is_map_key(b, M) orelse map_size(M) =:= 0 -> b_or_empty;
g2(M) when is_map_key(a, M); is_list(M) -> a_or_list;
g2(_) -> none.

g3(M) when M#{a := 0} =:= #{a => 0} -> only_a;
g3(M) when M#{c => 1} =/= M -> updatable;
g3(_) -> no.

g4(M) when #{key => M} =:= #{key => #{}} -> empty_inside;
g4(M) when map_size(#{x => M, y => M}) =:= 2, not is_map(M) -> not_map;
g4(M) when M#{} =:= M -> any_map;
g4(_) -> never.
