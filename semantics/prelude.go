package semantics

// preludeSources are library modules written in Erlang and compiled with the
// model: the higher-order functions of lists (their funs may have effects,
// so they must run as Erlang code in the process machine), timer:sleep/1, and
// mcgo's own helpers for spawning and send_after. First-order library
// functions are Go built-ins (bif.go).
var preludeSources = map[string]string{
	"lists.erl": `-module(lists).
-export([map/2, foreach/2, foldl/3, foldr/3, filter/2, any/2, all/2, flatmap/2,
         mapfoldl/3, mapfoldr/3, dropwhile/2, takewhile/2, partition/2, zipwith/3,
         sort/2, filtermap/2, splitwith/2, search/2, keymap/3, usort/2,
         merge/2, uniq/1]).

map(F, [H | T]) -> [F(H) | map(F, T)];
map(F, []) when is_function(F, 1) -> [].

foreach(F, [H | T]) -> F(H), foreach(F, T);
foreach(F, []) when is_function(F, 1) -> ok.

foldl(F, Acc, [H | T]) -> foldl(F, F(H, Acc), T);
foldl(F, Acc, []) when is_function(F, 2) -> Acc.

foldr(F, Acc, [H | T]) -> F(H, foldr(F, Acc, T));
foldr(F, Acc, []) when is_function(F, 2) -> Acc.

filter(P, [H | T]) ->
    case P(H) of
        true -> [H | filter(P, T)];
        false -> filter(P, T)
    end;
filter(P, []) when is_function(P, 1) -> [].

any(P, [H | T]) ->
    case P(H) of
        true -> true;
        false -> any(P, T)
    end;
any(P, []) when is_function(P, 1) -> false.

all(P, [H | T]) ->
    case P(H) of
        true -> all(P, T);
        false -> false
    end;
all(P, []) when is_function(P, 1) -> true.

flatmap(F, [H | T]) -> F(H) ++ flatmap(F, T);
flatmap(F, []) when is_function(F, 1) -> [].

mapfoldl(F, Acc, [H | T]) ->
    {R, Acc1} = F(H, Acc),
    {Rs, Acc2} = mapfoldl(F, Acc1, T),
    {[R | Rs], Acc2};
mapfoldl(F, Acc, []) when is_function(F, 2) -> {[], Acc}.

mapfoldr(F, Acc, [H | T]) ->
    {Rs, Acc1} = mapfoldr(F, Acc, T),
    {R, Acc2} = F(H, Acc1),
    {[R | Rs], Acc2};
mapfoldr(F, Acc, []) when is_function(F, 2) -> {[], Acc}.

dropwhile(P, [H | T] = L) ->
    case P(H) of
        true -> dropwhile(P, T);
        false -> L
    end;
dropwhile(P, []) when is_function(P, 1) -> [].

takewhile(P, [H | T]) ->
    case P(H) of
        true -> [H | takewhile(P, T)];
        false -> []
    end;
takewhile(P, []) when is_function(P, 1) -> [].

splitwith(P, L) -> {takewhile(P, L), dropwhile(P, L)}.

partition(P, L) -> partition(P, L, [], []).

partition(P, [H | T], As, Bs) ->
    case P(H) of
        true -> partition(P, T, [H | As], Bs);
        false -> partition(P, T, As, [H | Bs])
    end;
partition(P, [], As, Bs) when is_function(P, 1) ->
    {lists:reverse(As), lists:reverse(Bs)}.

zipwith(F, [X | Xs], [Y | Ys]) -> [F(X, Y) | zipwith(F, Xs, Ys)];
zipwith(F, [], []) when is_function(F, 2) -> [].

sort(F, []) when is_function(F, 2) -> [];
sort(F, [H | T]) -> sort_insert(F, H, sort(F, T)).

sort_insert(_, X, []) -> [X];
sort_insert(F, X, [Y | Ys] = L) ->
    case F(X, Y) of
        true -> [X | L];
        false -> [Y | sort_insert(F, X, Ys)]
    end.

usort(F, L) -> usort_dedup(F, sort(F, L)).

usort_dedup(F, [X, Y | T]) ->
    case F(Y, X) of
        true -> usort_dedup(F, [X | T]);
        false -> [X | usort_dedup(F, [Y | T])]
    end;
usort_dedup(_, L) -> L.

merge(A, B) -> lists:sort(A ++ B).

uniq(L) -> uniq(L, []).
uniq([H | T], Seen) ->
    case lists:member(H, Seen) of
        true -> uniq(T, Seen);
        false -> [H | uniq(T, [H | Seen])]
    end;
uniq([], _) -> [].

filtermap(F, [H | T]) ->
    case F(H) of
        true -> [H | filtermap(F, T)];
        {true, V} -> [V | filtermap(F, T)];
        false -> filtermap(F, T)
    end;
filtermap(F, []) when is_function(F, 1) -> [].

search(P, [H | T]) ->
    case P(H) of
        true -> {value, H};
        false -> search(P, T)
    end;
search(P, []) when is_function(P, 1) -> false.

keymap(F, N, [H | T]) -> [setelement(N, H, F(element(N, H))) | keymap(F, N, T)];
keymap(F, N, []) when is_function(F, 1), is_integer(N) -> [].
`,
	"timer.erl": `-module(timer).
-export([sleep/1]).

sleep(T) ->
    receive
    after T -> ok
    end.
`,
	"mcgo.erl": `-module('$mcgo').
-export([start/3, start_fun/1, send_after/3]).

%% The first function of every spawned process.
start(M, F, A) -> erlang:apply(M, F, A).
start_fun(F) -> F().

%% The hidden helper process of erlang:send_after/3.
send_after(T, Dest, Msg) ->
    receive
    after T -> erlang:send(Dest, Msg)
    end.
`,
}

// preludeOrder fixes the compilation order (function indices must not
// depend on map iteration).
var preludeOrder = []string{"mcgo.erl", "lists.erl", "timer.erl"}
