%% term_to_binary of integers (small, 32-bit, big), atoms, strings, lists,
%% improper lists, tuples (small and large), binaries and nested terms:
%% the bytes, as lists, compared with what erl produces.
-module(ttb).
-export([start/0]).

start() ->
    Terms = [0, 1, 255, 256, -1, -256, 65535, 2147483647, 2147483648, -2147483648, -2147483649,
             4294967296, 9223372036854775807, -9223372036854775807,
             a, 'hello world', '', 'é',
             [], "abc", [1, 2, 300], [a | b], "", [[]], [256],
             {}, {a}, {1, 2, 3}, erlang:make_tuple(300, z), list_to_binary("bin"), list_to_binary([]),
             {nested, [{deep, "list"}, -5]}, true, false],
    lists:foreach(fun(T) -> io:format("~w~n", [binary_to_list(term_to_binary(T))]) end, Terms),
    io:format("~w~n", [[byte_size(term_to_binary(T)) || T <- Terms]]),
    io:format("~w~n", [term_to_binary(fun lists:map/2)]),
    io:format("~w~n", [term_to_binary(lists:seq(1, 20))]).
