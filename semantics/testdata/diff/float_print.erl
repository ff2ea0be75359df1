%% Shortest round-trip printing (~w) over many values and the boundaries
%% where OTP switches to exponent notation.
-module(float_print).
-export([start/0]).

start() ->
    Pows = [list_to_float("1.0e" ++ integer_to_list(N)) || N <- lists:seq(-25, 25)],
    lists:foreach(fun(X) -> io:format("~w ~w~n", [X, -X]) end, Pows),
    Near = [X * Y || X <- [1.0, 1.5, 9.999, 0.999999], Y <- [1.0e-5, 1.0e-4, 1.0e-3, 1.0e15, 1.0e16, 1.0e17, 1.0e20, 1.0e21, 1.0e22]],
    lists:foreach(fun(X) -> io:format("~w~n", [X]) end, Near),
    Odd = [1/3, 2/3, 1/7, 22/7, 100/3, 1.0e23, 5.0e-324, 2.2250738585072014e-308,
           1.7976931308348623e308, 4503599627370496.0, 9007199254740992.0, 9007199254740993.0,
           123456789012345678.0, 0.1 + 0.2, 1.1 * 1.1, 100.0, 1000000.0, 12345678.9],
    lists:foreach(fun(X) -> io:format("~w ~p~n", [X, X]) end, Odd),
    io:format("~w~n", [[float(N) || N <- lists:seq(0, 20)]]),
    io:format("~w~n", [[N / 8 || N <- lists:seq(-8, 8)]]).
