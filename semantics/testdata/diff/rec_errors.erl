%% Run-time errors of records, as OTP 25 raises them: {badrecord, V} for
%% R#r.f and R#r{f = V} on a value that is not an r (the value itself in
%% the reason), badmatch and function_clause on record patterns,
%% case_clause, and the exit reason of a process that dies of one.
-module(rec_errors).
-export([start/0]).

-record(r, {a = 1, b}).
-record(s, {a}).

get_a(R) -> R#r.a.
set_b(R, V) -> R#r{b = V}.
only_r(#r{a = A}) -> A.
id(X) -> X.

reason(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.

start() ->
    Tests = [
        fun() -> get_a(#r{}) end,
        fun() -> get_a(#s{a = 1}) end,
        fun() -> get_a(foo) end,
        fun() -> get_a({r, 1}) end,
        fun() -> get_a({r, 1, 2, 3}) end,
        fun() -> set_b(#r{}, 2) end,
        fun() -> set_b([1, 2], 2) end,
        fun() -> set_b(#s{}, 2) end,
        fun() -> only_r(#s{a = 1}) end,
        fun() -> #r{a = 2} = id(#r{}) end,
        fun() -> case id(#s{}) of #r{} -> r end end,
        fun() -> (id(#s{a = 3}))#r.a end,
        fun() -> (id(3))#s{a = 4} end,
        fun() -> (id(#r{}))#r.b#s.a end
    ],
    lists:foreach(fun(F) -> io:format("~p~n", [reason(F)]) end, Tests),
    {'EXIT', {W, _}} = (catch get_a(bad)),
    io:format("catch: ~p~n", [W]),
    {_, Ref} = spawn_monitor(fun() -> set_b(not_a_record, 1) end),
    receive {'DOWN', Ref, process, _, {Why, Stack}} when is_list(Stack) -> io:format("exit: ~p~n", [Why]) end.
