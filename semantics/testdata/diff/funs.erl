%% Funs: closures capturing variables, fun f/N, fun m:f/N, funs returning
%% funs, apply/2,3, funs passed to library functions, currying.
-module(funs).
-export([start/0, double/1, add/2]).

double(X) -> 2 * X.
add(X, Y) -> X + Y.
triple(X) -> 3 * X.

start() ->
    N = 10,
    AddN = fun(X) -> X + N end,
    io:format("~w~n", [AddN(5)]),
    io:format("~w~n", [lists:map(fun double/1, [1, 2, 3])]),
    io:format("~w~n", [lists:map(fun ?MODULE:double/1, [4, 5])]),
    io:format("~w~n", [lists:map(fun triple/1, [4, 5])]),
    M = funs, F = add, A = 2,
    G = fun M:F/A,
    io:format("~w~n", [G(3, 4)]),
    io:format("~w~n", [apply(fun add/2, [1, 2])]),
    io:format("~w~n", [apply(funs, add, [10, 20])]),
    io:format("~w~n", [erlang:apply(fun(X) -> X * X end, [9])]),
    Compose = fun(F1, F2) -> fun(X) -> F2(F1(X)) end end,
    Inc = fun(X) -> X + 1 end,
    io:format("~w~n", [(Compose(Inc, fun double/1))(5)]),
    Curry = fun(X) -> fun(Y) -> fun(Z) -> X * 100 + Y * 10 + Z end end end,
    io:format("~w~n", [((Curry(1))(2))(3)]),
    Counters = [fun() -> I * I end || I <- [1, 2, 3]],
    io:format("~w~n", [[C() || C <- Counters]]),
    Multi = fun(0) -> zero; (X) when X > 0 -> pos; (_) -> neg end,
    io:format("~w~n", [[Multi(X) || X <- [0, 3, -3]]]),
    Shadow = 1,
    Sh = fun(Shadow) -> Shadow + 100 end,
    io:format("~w ~w~n", [Sh(5), Shadow]),
    io:format("~w~n", [lists:foldl(fun(X, Acc) -> [X | Acc] end, [], [a, b, c])]),
    io:format("~w ~w~n", [is_function(AddN), is_function(AddN, 1)]),
    io:format("~w~n", [[is_function(AddN, 2), AddN =:= AddN]]),
    io:format("~w~n", [(fun erlang:length/1)([a, b])]),
    io:format("~w~n", [apply(lists, reverse, [[1, 2, 3]])]).
