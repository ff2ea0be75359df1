%% ~p of improper lists, strings (printable and not, with escapes, long
%% ones), atoms that need quotes, negative numbers, mixed deep terms.
-module(fmt_pretty_misc).
-export([start/0]).

start() ->
    io:format("~p~n", [[1, 2 | 3]]),
    io:format("~p~n", [[a | b]]),
    io:format("~p~n", [lists:seq(1, 30) ++ improper]),
    io:format("~p~n", [[{a, b}, {c, d}, {e, f}, {g, h}, {i, j}, {k, l}, {m, n}, {o, p} | {tail, tuple, here}]]),
    io:format("~p~n", ["a plain string"]),
    io:format("~p~n", ["quote \" backslash \\ tab \t newline \n done"]),
    io:format("~p~n", [[104, 105, 0]]),
    io:format("~p~n", [[7, 8, 9]]),
    io:format("~p~n", ["A long string that goes on and on and on and on, well beyond the eighty columns of a line."]),
    io:format("~p~n", [{key, "A long string that goes on and on and on, beyond the eighty columns of a line."}]),
    io:format("~p~n", ["line one\nline two\nline three\n"]),
    io:format("~p~n", [['an atom', 'Capital', 'with-dash', 'a@b', a_b, 'end', 'if', '', 'ok', '$x', 'é']]),
    io:format("~p~n", [[-1, -20, -300, {-4, [-5]}]]),
    io:format("~p~n", [[$a, $b, 300]]),
    io:format("~p~n", [[[104, 101, 108, 108, 111], [119, 111, 114, 108, 100]]]),
    io:format("~p~n", [{[], "", {}, [[]]}]),
    io:format("~p ~p~n", [x, "y"]),
    io:format("~w ~w~n", ["quoted \"", 'it\'s']),
    io:format("~p~n", [[{"name", "Alice", 30}, {"name", "Bob", 25}, {"name", "Carol", 35}, {"name", "Dave", 40}]]),
    io:format("~s~n", [[228, 246, 252]]),
    io:format("~p~n", [[228, 246, 252]]),
    io:format("~w~n", [[228, 246, 252]]),
    io:format("~p~n", ['åäö']).
