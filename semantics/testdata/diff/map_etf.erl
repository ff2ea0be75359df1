%% The external term format of maps (MAP_EXT, pairs in key order) and
%% maps with maps as keys and values, as term_to_binary/1 writes them.
-module(map_etf).
-export([start/0]).

start() ->
    Ts = [#{}, #{a => 1}, #{b => 2, a => 1}, #{1 => one, a => "str", {t} => [1, 2]},
          #{#{k => v} => #{}, [] => [#{}]}, [#{x => 1}], {#{}, #{y => 2}},
          maps:from_list([{I, I} || I <- lists:seq(1, 32)])],
    lists:foreach(fun(T) -> io:format("~w~n", [binary_to_list(term_to_binary(T))]) end, Ts),
    io:format("~w~n", [term_to_binary(#{a => 1}) =:= term_to_binary(maps:put(a, 1, #{}))]).
