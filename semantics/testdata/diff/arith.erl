%% Integer arithmetic within 64 bits: div and rem with signs, bit
%% operators and shifts, precedence, comparisons of integers.
-module(arith).
-export([start/0]).

start() ->
    Pairs = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {6, 3}],
    io:format("~w~n", [[{A div B, A rem B} || {A, B} <- Pairs]]),
    io:format("~w~n", [[A band B || {A, B} <- Pairs]]),
    io:format("~w~n", [[A bor B || {A, B} <- Pairs]]),
    io:format("~w~n", [[A bxor B || {A, B} <- Pairs]]),
    io:format("~w~n", [[bnot X || X <- [0, 1, -1, 255]]]),
    io:format("~w~n", [[1 bsl N || N <- [0, 1, 10, 40, 62]]]),
    io:format("~w~n", [[-1024 bsr N || N <- [0, 1, 5, 20]]]),
    io:format("~w~n", [[1024 bsr N || N <- [1, 5, 11, 100]]]),
    io:format("~w~n", [[8 bsl -2, 8 bsr -2]]),
    io:format("~w~n", [2 + 3 * 4 - 10 div 3]),
    io:format("~w~n", [(2 + 3) * (4 - 10) rem 7]),
    io:format("~w~n", [- - 3]),
    io:format("~w~n", [+5]),
    io:format("~w~n", [1000000 * 1000000]),
    io:format("~w~n", [4611686018427387903 + 4611686018427387903]),
    io:format("~w~n", [-9223372036854775807 - 1]),
    io:format("~w~n", [[1 < 2, 2 =< 2, 3 >= 4, 5 > 4, 1 == 1, 1 /= 2, 1 =:= 1, 1 =/= 1]]),
    io:format("~w~n", [fact(20)]),
    io:format("~w~n", [gcd(1071, 462)]),
    io:format("~w~n", [pow(3, 39)]),
    io:format("~w~n", [lists:sum(lists:seq(1, 1000))]),
    io:format("~w ~w~n", [16#FF, 2#1010]),
    io:format("~w ~w ~w~n", [$a, $\n, $\\]).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).
