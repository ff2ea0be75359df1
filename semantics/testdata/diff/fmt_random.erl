%% ~p, ~w and ~s of pseudo-random terms (a fixed linear congruential
%% generator, so erl and mcgo build the same terms): nested lists, tuples,
%% tagged tuples, improper lists, strings, atoms needing quotes, negative
%% numbers and binaries, at several columns and line lengths.
-module(fmt_random).
-export([start/0]).

start() ->
    loop(1, 7).

loop(N, _) when N > 60 -> ok;
loop(N, Seed) ->
    {T, S1} = term(Seed, 0),
    io:format("~p~n", [T]),
    io:format("~w~n", [T]),
    io:format("at col ~p~n", [T]),
    io:format("~50p|~n", [T]),
    io:format("~s~n", [io_lib:format("~p", [T])]),
    loop(N + 1, S1).

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

pick(S, N) -> S1 = next(S), {S1 rem N, S1}.

term(S, D) ->
    {K, S1} = pick(S, if D > 3 -> 5; true -> 10 end),
    case K of
        0 -> {I, S2} = pick(S1, 2000), {I - 1000, S2};
        1 -> {I, S2} = pick(S1, 8), {element(I + 1, {ok, error, 'Quoted', 'with space', a@b, '', 'end', x_y}), S2};
        2 -> {L, S2} = pick(S1, 30), string(S2, L, []);
        3 -> {I, S2} = pick(S1, 100000), {I * 1000, S2};
        4 -> {I, S2} = pick(S1, 3), {element(I + 1, {[], {}, ""}), S2};
        5 -> {L, S2} = pick(S1, 8), list(S2, L, D, []);
        6 -> {L, S2} = pick(S1, 6), {Es, S3} = list(S2, L, D, []), {list_to_tuple(Es), S3};
        7 -> {L, S2} = pick(S1, 5), {Es, S3} = list(S2, L, D, []), {Tag, S4} = pick(S3, 3),
             {list_to_tuple([element(Tag + 1, {tag, a_longer_tag_name, 'Tag'}) | Es]), S4};
        8 -> {L, S2} = pick(S1, 5), {Es, S3} = list(S2, L, D, []), {Tl, S4} = term(S3, D + 1),
             {Es ++ Tl, S4};
        9 -> {L, S2} = pick(S1, 40), {Str, S3} = string(S2, L, []), {list_to_binary(Str), S3}
    end.

list(S, 0, _, Acc) -> {lists:reverse(Acc), S};
list(S, N, D, Acc) -> {T, S1} = term(S, D + 1), list(S1, N - 1, D, [T | Acc]).

string(S, 0, Acc) -> {Acc, S};
string(S, N, Acc) ->
    {C, S1} = pick(S, 40),
    Ch = if C < 26 -> $a + C; C < 30 -> $\s; C < 33 -> $\n; C < 36 -> $"; true -> $0 + C - 36 end,
    string(S1, N - 1, [Ch | Acc]).
