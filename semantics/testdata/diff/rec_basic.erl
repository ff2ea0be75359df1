%% Records are tuples: #r{} with defaults, fields given, _ = V for the
%% rest, #r.f (the field's position), record_info/2, and how ~p and ~w
%% print them (as tuples, as erl does).
-module(rec_basic).
-export([start/0]).

-record(point, {x = 0, y = 0}).
-record(person, {name, age = 0 :: non_neg_integer(), email :: string() | undefined, tags = [] :: [atom()]}).
-record(empty, {}).
-record(box, {origin = #point{}, corner = #point{x = 1, y = 1}, label = "box"}).

start() ->
    io:format("~p~n", [#point{}]),
    io:format("~w~n", [#point{x = 3}]),
    io:format("~p~n", [#person{name = "Ann"}]),
    io:format("~p~n", [#person{age = 41, name = "Bob", tags = [admin, ops]}]),
    io:format("~p~n", [#person{_ = x}]),
    io:format("~p~n", [#person{name = n, _ = '_'}]),
    io:format("~p~n", [#empty{}]),
    io:format("~p~n", [#box{}]),
    io:format("~p~n", [#box{label = "a rather long label that makes the pretty printer break the line"}]),
    io:format("~w ~w ~w ~w~n", [#point.x, #point.y, #person.name, #person.tags]),
    io:format("~p ~p~n", [record_info(fields, person), record_info(size, person)]),
    io:format("~p ~p~n", [record_info(fields, empty), record_info(size, empty)]),
    P = #point{x = 1, y = 2},
    io:format("~p ~p ~p~n", [tuple_size(P), element(1, P), tuple_to_list(P)]),
    io:format("~p~n", [P =:= {point, 1, 2}]),
    io:format("~p~n", [lists:sort([#point{x = 2}, #point{x = 1, y = 5}, #point{}])]),
    People = [#person{name = "C", age = 30}, #person{name = "A", age = 50}, #person{name = "B", age = 40}],
    io:format("~p~n", [[N || #person{name = N} <- lists:keysort(#person.age, People)]]),
    io:format("~p~n", [lists:keyfind("A", #person.name, People)]),
    io:format("~p~n", [element(#person.age, hd(People))]).
