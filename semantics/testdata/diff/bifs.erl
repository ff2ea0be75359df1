%% String, atom, integer and tuple built-ins.
-module(bifs).
-export([start/0]).

start() ->
    p(atom_to_list, {atom_to_list(hello), atom_to_list('with space'), atom_to_list('')}),
    p(list_to_atom, {list_to_atom("abc"), list_to_atom("Cap"), list_to_atom("")}),
    p(list_to_existing_atom, {list_to_existing_atom("ok"), catch_reason(fun() -> list_to_existing_atom("surely_not_an_atom_xyz") end)}),
    p(integer_to_list, {integer_to_list(0), integer_to_list(-123), integer_to_list(255, 16), integer_to_list(-255, 2), integer_to_list(35, 36)}),
    p(list_to_integer, {list_to_integer("42"), list_to_integer("-7"), list_to_integer("+7"), list_to_integer("ff", 16), list_to_integer("-Z", 36)}),
    p(list_to_integer_bad, [catch_reason(fun() -> list_to_integer(S) end) || S <- ["", "1.0", " 1", "abc"]]),
    p(tuple_to_list, tuple_to_list({a, {b}, [c]})),
    p(list_to_tuple, list_to_tuple([1, 2, 3])),
    p(element, {element(1, {x, y}), element(2, {x, y})}),
    p(setelement, setelement(2, {a, b, c}, z)),
    p(make_tuple, erlang:make_tuple(3, q)),
    p(append_element, erlang:append_element({a, b}, c)),
    p(sizes, {tuple_size({}), tuple_size({1, 2}), size({1, 2, 3}), length([]), length("four")}),
    p(hd_tl, {hd([1, 2]), tl([1, 2]), tl([1])}),
    p(abs, {abs(-5), abs(5), abs(0)}),
    p(min_max, {min(1, 2), max(1, 2), min(a, 1), max(a, 1), max("abc", "abd"), min({1, 2}, {1, 1})}),
    p(type_tests, [[is_atom(X), is_integer(X), is_list(X), is_tuple(X), is_number(X), is_boolean(X), is_function(X), is_binary(X)]
                   || X <- [a, 1, [], {}, true, fun() -> ok end, term_to_binary(x)]]),
    p(string_lists, {"abc" ++ "def", "abcabc" -- "b", [$a | "bc"], "" ++ []}),
    io:format("~s|~s|~s~n", ["plain", atom_to_list(atom), integer_to_list(1234)]),
    p(iolist, {iolist_to_binary(["ab", [$c, "d"], list_to_binary("e")]), list_to_binary([1, 2, [3]])}),
    p(binary_to_list, binary_to_list(list_to_binary("xyz"))),
    p(atom_to_binary, atom_to_binary(some_atom)),
    p(byte_size, byte_size(list_to_binary("12345"))),
    p(node, {node(), node(self())}),
    p(self_is_pid, {is_pid(self()), self() =:= self()}),
    p(make_ref, {is_reference(make_ref()), make_ref() =:= make_ref()}),
    p(bool_ops, {true and false, true or false, true xor true, not false}),
    p(concat, lists:concat(["x", 1, y, "z"])).

p(Name, V) -> io:format("~w: ~w~n", [Name, V]).

catch_reason(F) ->
    try F() of
        V -> {value, V}
    catch
        C:R -> {C, R}
    end.
