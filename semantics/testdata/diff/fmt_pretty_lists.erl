%% ~p of lists wider than a line: flat lists of numbers and atoms, nested
%% lists, lists of strings, lists printed after text (indented).
-module(fmt_pretty_lists).
-export([start/0]).

start() ->
    Seq = lists:seq(1, 40),
    io:format("~p~n", [Seq]),
    io:format("seq: ~p~n", [Seq]),
    io:format("~p~n", [lists:seq(1000, 1040)]),
    io:format("~p~n", [[lists:seq(1, N) || N <- lists:seq(1, 12)]]),
    io:format("~p~n", [[alpha, beta, gamma, delta, epsilon, zeta, eta, theta, iota, kappa, lambda, mu, nu, xi, omicron]]),
    io:format("~p~n", [["first string", "second string", "third string", "fourth string", "fifth"]]),
    io:format("~p~n", [[[a, b], [c, [d, [e, [f, [g, [h, [i, [j, [k, [l, [m, [n, [o, [p, [q, [r, [s, [t]]]]]]]]]]]]]]]]]]]]),
    io:format("   indented ~p~n", [lists:seq(100, 130)]),
    io:format("~p~n", [[]]),
    io:format("~p~n", [[[], [[]], [[], []]]]),
    io:format("~p~n", [lists:duplicate(30, "ab")]),
    io:format("~40p~n", [lists:seq(1, 20)]),
    io:format("~p~n", [[{N, N * N} || N <- lists:seq(1, 15)]]),
    io:format("~w~n", [lists:seq(1, 40)]).
