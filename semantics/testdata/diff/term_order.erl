%% Term order: number < atom < reference < fun < pid < tuple < nil < list
%% < binary; tuples by size then elements; lists element-wise; atoms by
%% text. Values whose text differs between runtimes (pids, refs, funs) are
%% printed by type only.
-module(term_order).
-export([start/0]).

start() ->
    Pid = self(),
    Ref = make_ref(),
    Fun = fun() -> ok end,
    Bin = term_to_binary(hello),
    Mixed = [Bin, [1], [], {1, 2}, {9}, Pid, Fun, Ref, zebra, apple, -5, 100, "abc", {a, b, c}],
    io:format("~w~n", [[tag(X) || X <- lists:sort(Mixed)]]),
    io:format("~w~n", [[tag(X) || X <- lists:reverse(lists:sort(Mixed))]]),
    io:format("~w~n", [lists:sort([{2, a}, {1, z}, {1, a, x}, {}, {0}])]),
    io:format("~w~n", [lists:sort([[2], [1, 5], [1], [1, 2, 3], [], "b", "ab"])]),
    io:format("~w~n", [lists:sort([b, a, 'B', 'a b', aa, '', 'Z'])]),
    io:format("~w~n", [lists:sort([3, -1, 0, 1000, -1000])]),
    io:format("~w~n", [[compare(A, B) || {A, B} <- [{1, a}, {a, {}}, {{}, []}, {[], [a]}, {{a}, {a, b}}, {[a], [a, b]}, {[b], [a, b]}, {{b}, {a, a}}]]]),
    io:format("~w~n", [[Pid < Bin, Ref < Fun, Fun < Pid, Pid < {}, 1 < Ref, zzz < Ref]]),
    io:format("~w~n", [[max(Pid, {x}) =:= {x}, min(Ref, 0) =:= 0, max([], {}) =:= []]]),
    io:format("~w~n", [[X == Y || {X, Y} <- [{a, a}, {1, 1}, {[1, 2], [1, 2]}, {{a, [b]}, {a, [b]}}, {"a", [97]}, {[], ""}]]]),
    io:format("~w~n", [lists:usort([b, a, b, {x}, {x}, 1, 1])]),
    io:format("~w~n", [lists:sort([Bin, term_to_binary(a), term_to_binary(1)]) =:= [term_to_binary(1), term_to_binary(a), Bin]]).

compare(A, B) when A < B -> lt;
compare(A, B) when A > B -> gt;
compare(_, _) -> eq.

tag(X) when is_integer(X) -> {int, X};
tag(X) when is_atom(X) -> {atom, X};
tag(X) when is_reference(X) -> ref;
tag(X) when is_function(X) -> 'fun';
tag(X) when is_pid(X) -> pid;
tag(X) when is_tuple(X) -> {tuple, X};
tag([]) -> nil;
tag(X) when is_list(X) -> {list, X};
tag(X) when is_binary(X) -> binary.
