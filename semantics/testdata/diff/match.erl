%% Pattern matching: tuples, lists, aliases, repeated variables, string
%% prefixes, function clauses and badmatch.
-module(match).
-export([start/0]).

start() ->
    {A, B, [C | D]} = {1, two, [3, 4, 5]},
    io:format("~w ~w ~w ~w~n", [A, B, C, D]),
    [H1, H2 | T] = "hello",
    io:format("~w ~w ~s~n", [H1, H2, T]),
    P = {X, X} = {same, same},
    io:format("~w ~w~n", [P, X]),
    "abc" ++ Rest = "abcdef",
    io:format("~s~n", [Rest]),
    {ok, {inner, [_, Second | _]}} = {ok, {inner, [a, b, c]}},
    io:format("~w~n", [Second]),
    io:format("~w~n", [[classify(V) || V <- [0, 7, -3, foo, [], [1], {a, b}, {a, b, c}, "str", {pair, x, x}, {pair, x, y}]]]),
    io:format("~w~n", [dup([1, 1, 2, 3, 3, 3, 4])]),
    io:format("~w~n", [catch_badmatch()]),
    io:format("~w~n", [lookup(b, [{a, 1}, {b, 2}, {c, 3}])]),
    io:format("~w~n", [lookup(z, [{a, 1}])]),
    Neg = -5,
    -5 = Neg,
    case 10 of
        2 * 5 -> io:format("constant expression pattern~n");
        _ -> io:format("no~n")
    end,
    {Y, Z} = {W, _} = {7, 8},
    io:format("~w ~w ~w~n", [Y, Z, W]).

classify(0) -> zero;
classify(N) when is_integer(N), N > 0 -> positive;
classify(N) when is_integer(N) -> negative;
classify([]) -> empty_list;
classify([_]) -> singleton;
classify({pair, S, S}) -> equal_pair;
classify({pair, _, _}) -> pair;
classify({_, _}) -> two_tuple;
classify([C | _]) when C >= $a, C =< $z -> lower_string;
classify(T) when is_tuple(T) -> {tuple, tuple_size(T)};
classify(_) -> other.

dup([X, X | T]) -> dup([X | T]);
dup([X | T]) -> [X | dup(T)];
dup([]) -> [].

catch_badmatch() ->
    try
        {ok, V} = list_to_tuple([error, reason]),
        V
    catch
        error:{badmatch, Bad} -> {badmatch, Bad}
    end.

lookup(K, [{K, V} | _]) -> {found, V};
lookup(K, [_ | T]) -> lookup(K, T);
lookup(_, []) -> not_found.
