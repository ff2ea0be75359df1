%% List comprehensions: generators, filters, several generators, patterns
%% in generators that skip non-matching elements, nested comprehensions.
-module(listcomp).
-export([start/0]).

start() ->
    io:format("~w~n", [[X * X || X <- lists:seq(1, 10)]]),
    io:format("~w~n", [[X || X <- lists:seq(1, 20), X rem 3 =:= 0]]),
    io:format("~w~n", [[{X, Y} || X <- [1, 2, 3], Y <- [a, b]]]),
    io:format("~w~n", [[{X, Y} || X <- [1, 2, 3], Y <- [1, 2, 3], X < Y]]),
    io:format("~w~n", [[V || {ok, V} <- [{ok, 1}, error, {ok, 2}, {error, x}, {ok, 3}]]]),
    io:format("~w~n", [[X || [X | _] <- [[a], [], [b, c], d]]]),
    io:format("~w~n", [[[Y * 10 || Y <- L] || L <- [[1, 2], [], [3]]]]),
    Pyth = [{A, B, C} || C <- lists:seq(1, 20), B <- lists:seq(1, C), A <- lists:seq(1, B), A * A + B * B =:= C * C],
    io:format("~w~n", [Pyth]),
    N = 3,
    io:format("~w~n", [[X + N || X <- [1, 2, 3], X =/= N]]),
    io:format("~w~n", [[X || X <- "hello world", X =/= $o]]),
    io:format("~s~n", [[X - 32 || X <- "shout", X >= $a]]),
    io:format("~w~n", [qsort([5, 3, 8, 1, 9, 2, 7, 3])]),
    io:format("~w~n", [perms([a, b, c])]),
    io:format("~w~n", [[X || X <- [], X > 0]]),
    io:format("~w~n", [[{I, J} || I <- [1, 2], J <- [I, I * 10]]]),
    io:format("~w~n", [catch_gen()]).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

catch_gen() ->
    try [X || X <- not_a_list]
    catch error:{bad_generator, G} -> {bad_generator, G}
    end.
