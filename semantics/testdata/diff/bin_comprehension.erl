%% Binary comprehensions and bitstring generators: << <<...>> || ... >>
%% over lists and bitstrings, [X || <<X>> <= Bin], segments that do not
%% match skipped, a short tail ignored, filters, nested generators, sizes
%% from outer variables, and the errors.
-module(bin_comprehension).
-export([start/0]).

t(F) ->
    try F() of
        V -> V
    catch
        C:R -> {C, R}
    end.

start() ->
    Bin = <<1, 2, 3, 4, 5>>,
    io:format("~p~n", [<< <<(X + 1)>> || <<X>> <= Bin >>]),
    io:format("~p~n", [[X || <<X:8>> <= Bin]]),
    io:format("~p~n", [<< <<X>> || X <- [104, 105] >>]),
    io:format("~p~n", [<< <<X:4>> || X <- [1, 2, 3] >>]),
    io:format("~p~n", [[X || <<1:8, X:8>> <= <<1, 2, 3, 4, 1, 5, 7>>]]),
    io:format("~p~n", [[{A, B} || <<A:4, B:4>> <= <<16#12, 16#34>>, A < B]]),
    io:format("~p~n", [[X || <<X:3>> <= <<255, 1>>]]),
    N = 16,
    io:format("~p~n", [[X || <<X:N>> <= <<1, 2, 3, 4, 5>>]]),
    io:format("~p~n", [[{X, Y} || <<X>> <= <<1, 2>>, <<Y>> <= <<3, 4>>]]),
    io:format("~p~n", [<< <<Y/binary, ",">> || Y <- [<<"a">>, <<"bc">>] >>]),
    io:format("~p~n", [[S || <<L, S:L/binary>> <= <<2, "ab", 1, "c", 3, "de">>]]),
    io:format("~p~n", [<< <<C/utf8>> || C <- "hé" >>]),
    io:format("~p~n", [[C || <<C/utf8>> <= <<"hé"/utf8>>]]),
    io:format("~p~n", [<< <<B:1>> || B <- [1, 0, 1, 1, 0, 0, 1, 0, 1] >>]),
    io:format("~p~n", [<< <<>> || _ <- [1, 2] >>]),
    io:format("~p~n", [t(fun() -> [X || <<X:8>> <= foo] end)]),
    io:format("~p~n", [t(fun() -> << X || X <- [1, 2] >> end)]),
    io:format("~p~n", [t(fun() -> << <<X>> || X <- [a] >> end)]),
    io:format("~p~n", [t(fun() -> << <<X>> || X <- bar >> end)]).
