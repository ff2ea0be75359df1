%% Printing maps with ~w and ~p: flat and nested, keys of every kind in map
%% order, long maps that wrap under ~p (values that fit, values that do
%% not, nested maps, maps inside lists and tagged tuples), and
%% io_lib:format.
-module(map_print).
-export([start/0]).

start() ->
    Small = #{a => 1, b => "two", c => {3, three}},
    io:format("~w~n~p~n", [Small, Small]),
    Kinds = #{1 => int, -5 => neg, atom => a, 'Quoted atom' => q, {t, 1} => tuple, [1, 2] => list,
              "str" => string, [] => nil, #{} => emptymap, #{k => v} => map, {} => emptytuple},
    io:format("~w~n~p~n", [Kinds, Kinds]),
    Nested = #{outer => #{inner => #{deep => [1, 2, 3]}, other => ok}, list => [#{x => 1}, #{y => 2}]},
    io:format("~w~n~p~n", [Nested, Nested]),
    Long = maps:from_list([{list_to_atom("key_number_" ++ integer_to_list(I)), I * 1000} || I <- lists:seq(1, 12)]),
    io:format("~p~n", [Long]),
    LongVals = #{alpha => lists:seq(1, 30), beta => "a fairly long string value that goes on and on",
                 gamma => {tagged, lists:seq(1, 25)}, delta => #{nested => lists:seq(1, 20), more => x}},
    io:format("~p~n", [LongVals]),
    io:format("prefix text ~p~n", [LongVals]),
    io:format("~p~n", [[LongVals, Small]]),
    io:format("~p~n", [{state, LongVals, Small}]),
    io:format("~p~n", [#{[lists:seq(1, 40)] => value, key => lists:seq(1, 40)}]),
    io:format("~p~n", [#{{a, very, long, tuple, key, with, many, elements, to, make, it, wrap, ok} =>
                             {a, very, long, tuple, value, with, many, elements, to, make, it, wrap}}]),
    Thirty2 = maps:from_list([{I, I * I} || I <- lists:seq(1, 32)]),
    io:format("~w~n~p~n", [Thirty2, Thirty2]),
    io:format("~s~n", [io_lib:format("~w ~p", [Small, #{}])]),
    io:format("~p~n", [#{self_key => ok, pid => self()} =:= #{pid => self(), self_key => ok}]),
    io:format("~10p|~n", [#{a => 1, bb => 22, ccc => 333}]),
    io:format("~40p|~n", [LongVals]).
