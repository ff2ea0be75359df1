%% case and if: clause order, variables bound in every branch, nesting,
%% case_clause and if_clause.
-module(case_if).
-export([start/0]).

start() ->
    lists:foreach(fun(X) -> io:format("~w -> ~w~n", [X, describe(X)]) end,
                  [0, 5, 50, 500, -1, atom, {tag, 1}, {tag, 1, 2}]),
    io:format("~w~n", [[sign(X) || X <- [-10, 0, 10]]]),
    io:format("~w~n", [[fizz(X) || X <- lists:seq(1, 15)]]),
    V = case {1, 2} of
            {A, B} when A > B -> Big = A, Big;
            {A, B} -> Big = B, Big + A
        end,
    io:format("~w ~w~n", [V, Big]),
    R = if
            V > 2 -> Msg = big, Msg;
            true -> Msg = small, Msg
        end,
    io:format("~w ~w~n", [R, Msg]),
    io:format("~w~n", [nested(3, 4)]),
    io:format("~w~n", [nested(4, 3)]),
    io:format("~w~n", [catch_case(7)]),
    io:format("~w~n", [catch_if(7)]).

describe(X) ->
    case X of
        0 -> zero;
        N when is_integer(N), N < 0 -> negative;
        N when is_integer(N) ->
            if N < 10 -> small;
               N < 100 -> medium;
               true -> large
            end;
        {tag, Y} -> {tagged, Y};
        _ when is_atom(X) -> atom;
        _ -> other
    end.

sign(X) -> if X < 0 -> -1; X =:= 0 -> 0; X > 0 -> 1 end.

fizz(N) ->
    case {N rem 3, N rem 5} of
        {0, 0} -> fizzbuzz;
        {0, _} -> fizz;
        {_, 0} -> buzz;
        _ -> N
    end.

nested(A, B) ->
    case A < B of
        true ->
            case B - A of
                1 -> {adjacent, A, B};
                D -> {apart, D}
            end;
        false ->
            if A =:= B -> same; true -> {reversed, B, A} end
    end.

catch_case(X) ->
    try case X of 1 -> one; 2 -> two end
    catch error:E -> E
    end.

catch_if(X) ->
    try if X > 10 -> big end
    catch error:E -> E
    end.
