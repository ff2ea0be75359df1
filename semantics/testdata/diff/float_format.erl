%% ~f, ~e and ~g with widths and precisions, and ~p/~w with widths.
-module(float_format).
-export([start/0]).

start() ->
    Xs = [0.0, -0.0, 1.0, 0.1, -2.5, 3.14159, 1.0e20, 1.0e-10, 123456.789, 0.5, 2.5, 99.995],
    Fmts = ["~f", "~e", "~g", "~.2f", "~.3e", "~.3g", "~12.3f", "~-12.3f|", "~12.2e", "~.1f", "~.10f",
            "~.2e", "~12.4g", "~w", "~p", "~15w|", "~*.*f"],
    lists:foreach(fun(F) ->
        lists:foreach(fun(X) ->
            Args = case F of "~*.*f" -> [10, 3, X]; _ -> [X] end,
            io:format("~s -> [" ++ F ++ "]~n", [F | Args])
        end, Xs)
    end, Fmts),
    io:format("~w~n", [try io_lib:format("~.0f", [1.5]) catch C:R -> {C, R} end]),
    io:format("~w~n", [try io_lib:format("~f", [1]) catch C2:R2 -> {C2, R2} end]).
