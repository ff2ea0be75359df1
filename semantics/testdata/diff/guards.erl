%% Guards: type tests, comparisons, boolean operators, ';' and ',',
%% exceptions in guards (the clause fails), guard BIFs.
-module(guards).
-export([start/0]).

start() ->
    Vals = [0, 1, -1, 100, foo, true, [], [1, 2], {}, {a}, {a, b, c}, "xy", self()],
    lists:foreach(fun(V) -> io:format("~w~n", [kind(V)]) end, lists:droplast(Vals)),
    io:format("~w~n", [kind(lists:last(Vals))]),
    io:format("~w~n", [[safe_elem(I, {x, y, z}) || I <- [0, 1, 3, 4]]]),
    io:format("~w~n", [[g2(X) || X <- [1, 5, 10, 15, a]]]),
    io:format("~w~n", [[bool(X) || X <- [true, false, maybe]]]),
    io:format("~w~n", [[len(L) || L <- [[], [a], [a | b], "abc", x]]]),
    F = fun(A, B) -> A + B end,
    io:format("~w ~w ~w~n", [is_fun2(F), is_fun2(fun lists:map/2), is_fun2(fun() -> ok end)]),
    io:format("~w~n", [[cmp(A, B) || {A, B} <- [{1, 2}, {2, 1}, {a, a}, {1, a}, {{1}, [1]}]]]),
    io:format("~w~n", [[orelse_guard(X) || X <- [0, 3, 7, 12, -2]]]),
    io:format("~w~n", [[hd_guard(X) || X <- [[x, y], [], 5]]]),
    io:format("~w~n", [[rec(X) || X <- [{point, 1, 2}, {point, 1}, {line, 1, 2}, point]]]).

kind(X) when is_integer(X), X > 0 -> pos_int;
kind(X) when is_integer(X), X < 0 -> neg_int;
kind(X) when is_integer(X) -> zero;
kind(X) when is_boolean(X) -> boolean;
kind(X) when is_atom(X) -> atom;
kind(X) when X == [] -> nil;
kind([X | _]) when is_integer(X), X > 64 -> string;
kind(X) when is_list(X), length(X) > 1 -> long_list;
kind(X) when tuple_size(X) =:= 0 -> empty_tuple;
kind(X) when is_tuple(X); is_pid(X) -> tuple_or_pid;
kind(_) -> unknown.

safe_elem(I, T) when element(I, T) =:= y -> got_y;
safe_elem(I, T) when element(I, T) /= y -> other;
safe_elem(_, _) -> out_of_range.

g2(X) when X > 3, X < 12 -> mid;
g2(X) when not is_integer(X) -> nan;
g2(X) when X =< 3 -> low;
g2(_) -> high.

bool(B) when B; not B -> {bool, B};
bool(_) -> not_bool.

len(L) when length(L) >= 2 -> long;
len(L) when length(L) < 2 -> short;
len(_) -> improper.

is_fun2(F) when is_function(F, 2) -> two;
is_fun2(F) when is_function(F) -> other_arity.

cmp(A, B) when A < B -> lt;
cmp(A, B) when A > B -> gt;
cmp(A, B) when A =:= B -> eq.

orelse_guard(X) when X < 0 orelse X > 10 -> out;
orelse_guard(X) when X >= 5 andalso X rem 2 =:= 1 -> odd_high;
orelse_guard(_) -> in.

hd_guard(L) when hd(L) =:= x -> starts_x;
hd_guard(_) -> no.

rec(R) when is_record(R, point, 3) -> point3;
rec(R) when tuple_size(R) > 0, element(1, R) =:= point -> point_any;
rec(_) -> no.
