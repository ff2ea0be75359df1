%% Named funs: recursion through the fun's own name, closures over outer
%% variables, named funs returned and called later.
-module(named_funs).
-export([start/0]).

start() ->
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    io:format("~w~n", [Fact(10)]),
    Fib = fun Fib(0) -> 0; Fib(1) -> 1; Fib(N) -> Fib(N - 1) + Fib(N - 2) end,
    io:format("~w~n", [[Fib(I) || I <- lists:seq(0, 15)]]),
    Base = 7,
    CountDown = fun Loop(0, Acc) -> lists:reverse([Base | Acc]); Loop(N, Acc) -> Loop(N - 1, [N | Acc]) end,
    io:format("~w~n", [CountDown(5, [])]),
    Len = fun L([]) -> 0; L([_ | T]) -> 1 + L(T) end,
    io:format("~w~n", [Len("a named fun")]),
    Make = fun(K) -> fun Rep(0) -> []; Rep(I) -> [K | Rep(I - 1)] end end,
    R3 = Make(x),
    io:format("~w~n", [R3(3)]),
    Even = fun Ev(0) -> true; Ev(N) when N > 0 -> not Ev(N - 1) end,
    io:format("~w~n", [[Even(I) || I <- [0, 1, 2, 7, 10]]]),
    Flatten = fun Fl([]) -> []; Fl([H | T]) when is_list(H) -> Fl(H) ++ Fl(T); Fl([H | T]) -> [H | Fl(T)] end,
    io:format("~w~n", [Flatten([1, [2, [3, [4]], 5], [[6]]])]),
    Ack = fun A(0, N) -> N + 1; A(M, 0) -> A(M - 1, 1); A(M, N) -> A(M - 1, A(M, N - 1)) end,
    io:format("~w~n", [Ack(2, 3)]).
