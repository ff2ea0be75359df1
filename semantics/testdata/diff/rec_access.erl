%% R#r.f and R#r{f = V}: reading fields, updating one or several,
%% nested records and nested access (R#r.s#s.x), updates inside funs and
%% list comprehensions, the order in which the values are evaluated.
-module(rec_access).
-export([start/0]).

-record(inner, {x = 1, y = 2}).
-record(outer, {name = outer, in = #inner{}, n = 0}).
-record(log, {a = say(default_a), b = say(default_b), c}).

say(X) -> io:format("~p ", [X]), X.

start() ->
    O = #outer{},
    io:format("~p ~p ~p~n", [O#outer.name, O#outer.in, O#outer.n]),
    io:format("~p ~p~n", [O#outer.in#inner.x, (O#outer.in)#inner.y]),
    O2 = O#outer{n = 5},
    O3 = O2#outer{name = changed, in = (O2#outer.in)#inner{y = 20}},
    io:format("~p~n~p~n~p~n", [O, O2, O3]),
    io:format("~p~n", [O3#outer.in#inner.y]),
    Inc = fun(R = #outer{n = N}) -> R#outer{n = N + 1} end,
    io:format("~p~n", [(Inc(Inc(Inc(O))))#outer.n]),
    Rs = [#inner{x = I, y = I * I} || I <- lists:seq(1, 4)],
    io:format("~p~n", [[R#inner.y || R <- Rs]]),
    io:format("~p~n", [[R#inner{x = 0} || R <- Rs, R#inner.y > 4]]),
    io:format("~p~n", [lists:foldl(fun(R, Acc) -> Acc + R#inner.x end, 0, Rs)]),
    %% evaluation order: field values, then defaults of the fields not given
    L1 = #log{c = say(c), b = say(b)},
    io:format("~n~p~n", [L1]),
    L2 = (say(L1))#log{c = say(c2), a = say(a2)},
    io:format("~n~p~n", [L2]),
    L3 = #log{_ = say(w)},
    io:format("~n~p~n", [L3]),
    %% a record as a fun's environment
    Get = fun() -> O3#outer.name end,
    io:format("~p~n", [Get()]),
    %% a field of a record built in place
    io:format("~p~n", [(#inner{x = 7})#inner.x]),
    io:format("~p~n", [#inner{}#inner.y]).
