%% Error behaviour of library functions and BIFs (function_clause versus
%% badarg versus case_clause, system_limit), erlang:raise/3, and a few
%% corner cases; each line is numbered by ?LINE.
-module(lib_errors).
-export([start/0]).
start() ->
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> erlang:raise(throw, x, []) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> erlang:raise(error, y, []) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> erlang:raise(foo, y, []) end)]),
    io:format("~w ~w~n", [?LINE, try throw(a) catch Class:Reason:Stack -> {Class, Reason, is_list(Stack)} end]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> integer_to_list(foo) end)]),
    io:format("~w ~p~n", [?LINE, [128, 129, 159, 160]]),
    io:format("~w ~p~n", [?LINE, {[], [[]], "", [""]}]),
    io:format("~w ~s~n", [?LINE, [1,2,3]]),
    io:format("~w ~w~n", [?LINE, lists:sort([c, b, a]) == [a, b, c]]),
    io:format("~w ~p~n", [?LINE, atom_to_list('hello world')]),
    io:format("~w ~w~n", [?LINE, [X || X <- [1,2,3], true]]),
    io:format("~w ~w~n", [?LINE, erlang:element(1, {a})]),
    io:format("~w ~w~n", [?LINE, erlang:tuple_size({a,b})]),
    io:format("~w ~w~n", [?LINE, lists:keyfind(a, 1, [{a}])]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:keyfind(a, 0, [{a}]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:nth(2, [a]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:nthtail(3, [a]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:sublist([a], 0, 1) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:duplicate(-1, a) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:flatten(a) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:delete(a, b) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:append(a, b) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:append([a], b) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:member(a, b) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:reverse(a) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:sort(a) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:max([]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:seq(a, 1) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:seq(1, 5, 0) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:seq(1, 1, 0) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:keysort(0, []) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:keysort(2, [{a}]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:unzip([{a}]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:zip([a], b) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:concat([{a}]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:split(-1, []) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:subtract(a, []) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:sum(a) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:last(a) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:keydelete(a, 0, []) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:keymember(a, 0, []) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:keystore(a, 1, [], b) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:prefix(a, [a]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> lists:usort([b|a]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> length([a|b]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> [a|b] ++ [c] end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> [a] -- b end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> atom_to_list(list_to_atom(lists:duplicate(256, $a))) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> erlang:make_tuple(-1, a) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> list_to_tuple([a|b]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> integer_to_list(10, 37) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> tl([]) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> setelement(1, {}, a) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> node(a) end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> erlang:phash2(a) >= 0 end)]),
    io:format("~w ~w~n", [?LINE, catch_reason(fun() -> self() ! a, receive X -> X end end)]).

catch_reason(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R -> {C, R}
    end.
