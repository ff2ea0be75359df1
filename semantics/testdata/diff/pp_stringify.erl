%% ??Arg: the argument's tokens written as epp writes them, one space apart.
-module(pp_stringify).
-export([start/0]).
-define(S(X), ??X).
-define(S2(X, Y), {??X, ??Y}).
-define(M, mm).

start() ->
    io:format("~s~n", [?S(a + 'B c' + 'x' + 16#FF + 1_000 + 2#101 + $a + $\n + $\s + $\\ + $")]),
    io:format("~s~n", [?S("a\"b\n\tc\x{7f}" "z" "\x{0}\x{1}\b\f\r\e\v\\")]),
    io:format("~s~n", [?S(fun(X) -> X end)]),
    io:format("~s~n", [?S(?M + ?MODULE)]),
    io:format("~s~n", [?S([1,2|T] =:= {} andalso X orelse not Y)]),
    io:format("~s~n", [?S($' '\'' 'a\nb' [] '[]' {} 'if' 'hello_World@1' 'Caps' é 'x-y')]),
    io:format("~w~n", [?S("é" $é 'é')]),
    io:format("~p~n", [?S2(case X of {_, _Y} when is_atom(X) -> ok end, begin a, b end)]),
    io:format("~s~n", [?S(try a() catch C:R:S -> {C, R, S} after ok end)]),
    io:format("~s~n", [?S(X = Y ! Z -- [q] ++ "r")]),
    io:format("~s~n", [?S(A#{})]),
    io:format("~s~n", [?S(1.5e3 0.1 100.0 1000.0 123456.0 1.0e-5 2.5e-10 0.001 1.0e22 123.456 1_0.5)]),
    ok.
