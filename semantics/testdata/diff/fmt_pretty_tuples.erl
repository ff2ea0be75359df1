%% ~p of tuples wider than a line: tagged tuples (an atom first), untagged
%% tuples, records-like nesting, deep nesting.
-module(fmt_pretty_tuples).
-export([start/0]).

start() ->
    io:format("~p~n", [{state, [1, 2, 3], {queue, [a, b, c], [d, e, f]}, {options, [verbose, {depth, 10}, {width, 80}]}, 12345}]),
    io:format("~p~n", [{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28}]),
    io:format("~p~n", [{a_rather_long_tag_name_for_a_tuple, {another_long_tag, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, {third_element, x}}]),
    io:format("~p~n", [{config, [{nodes, ['n1@host1.domain.com', 'n2@host2.domain.com', 'n3@host3.domain.com']}, {faults, [{crash, 1}, {restart, 1}, {disconnect, 2}]}, {check, [no_loss, fifo]}]}]),
    io:format("~p~n", [{{nested, {deeper, {deepest, [lots, 'of', atoms, here, to, make, it, wide, enough, 'to', wrap]}}}}]),
    io:format("~p~n", [{x, y}]),
    io:format("~p~n", [{}]),
    io:format("~p~n", [{tag, "a string that is rather long, long enough to force the tuple onto several lines"}]),
    io:format("result: ~p~n", [{ok, [{key1, value1}, {key2, value2}, {key3, value3}, {key4, value4}, {key5, value5}]}]),
    io:format("~p~n", [[{error, {badmatch, [1, 2, 3]}}, {error, {case_clause, {a, b, c}}}, {error, function_clause}, {error, undef}]]),
    io:format("~p~n", [{'quoted tag', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}]),
    io:format("~p~n", [{"string tag", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}]),
    io:format("~p~n", [{a, {b, {c, {d, {e, {f, {g, {h, {i, {j, {k, {l, {m, {n, {o, {p, {q, {r, {s, {t, {u, v}}}}}}}}}}}}}}}}}}}}}]).
