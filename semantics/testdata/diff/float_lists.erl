%% Floats in the list functions: which compare with == (the key
%% functions) and which with =:= (member, delete, --).
-module(float_lists).
-export([start/0]).

start() ->
    L = [{1, a}, {2.0, b}, {0.0, c}],
    T = fun(F) -> try F() catch C:R -> {C, R} end end,
    io:format("~w~n", [[lists:keymember(1.0, 1, L), lists:keymember(2, 1, L), lists:keymember(-0.0, 1, L)]]),
    io:format("~w~n", [lists:keydelete(2, 1, L)]),
    io:format("~w~n", [lists:keyreplace(1.0, 1, L, {x})]),
    io:format("~w~n", [lists:keystore(2, 1, L, {y})]),
    io:format("~w~n", [[lists:delete(1.0, [1, 1.0, 2]), lists:delete(-0.0, [0.0, 1])]]),
    io:format("~w~n", [[[1, 1.0, 2.0, 2] -- [1.0, 2], [0.0] -- [-0.0]]]),
    io:format("~w~n", [[lists:member(2.0, [2.0]), lists:member(-0.0, [0.0])]]),
    io:format("~w~n", [[lists:sum([1, 2.5]), lists:sum([]), lists:max([1.5, 1]), lists:min([1.5, 1, 1.0])]]),
    io:format("~w~n", [[lists:nth(2, [1.5, 2.5]), length([1.0, 2.0]), lists:reverse([1.0, 2])]]),
    io:format("~w~n", [lists:sort(fun(A, B) -> A =< B end, [2.5, 1, 1.0, 0.5])]),
    io:format("~w~n", [lists:sort([3.5, 1, 2.25, -4])]),
    io:format("~w~n", [lists:usort([3.5, 1, 2.25, 1, 3.5])]),
    io:format("~w~n", [[T(fun() -> integer_to_list(id(1.0)) end), T(fun() -> atom_to_list(id(1.0)) end),
                        T(fun() -> lists:seq(1, id(3.0)) end), T(fun() -> element(id(1.0), {a}) end),
                        T(fun() -> lists:duplicate(2, 0.5) end)]]),
    io:format("~w~n", [[is_atom(1.0), is_list(1.0), is_tuple(1.0), is_integer(2.0 * 1)]]),
    io:format("~w~n", [[X * 1.5 || X <- lists:seq(1, 5)]]),
    io:format("~w~n", [lists:foldl(fun(X, Acc) -> X + Acc end, 0.0, [1, 2, 3])]),
    io:format("~w~n", [[tuple_size({1.0}), hd([0.5]), tl([0.5, 1.5])]]).

id(X) -> X.
