%% Record patterns: in function heads, case, receive, match expressions,
%% nested records, #r.f in a pattern, a record pattern that binds the
%% whole record, and _ = P in a pattern.
-module(rec_patterns).
-export([start/0]).

-record(req, {id, op, arg = none}).
-record(env, {from, body = #req{}}).
-record(pair, {l, r}).

kind(#req{op = get}) -> read;
kind(#req{op = put, arg = none}) -> bad_write;
kind(#req{op = put}) -> write;
kind(#env{body = #req{op = Op}}) -> {wrapped, Op};
kind(_) -> unknown.

index(#req.id) -> id;
index(#req.op) -> op;
index(_) -> other.

same(#pair{l = X, r = X}) -> true;
same(#pair{}) -> false.

start() ->
    Reqs = [#req{id = 1, op = get}, #req{id = 2, op = put}, #req{id = 3, op = put, arg = 5},
            #env{from = me, body = #req{id = 4, op = get}}, {req, 1}, {other, 1, 2, 3}],
    io:format("~p~n", [[kind(R) || R <- Reqs]]),
    io:format("~p~n", [[index(I) || I <- [2, 3, 4]]]),
    io:format("~p~n", [[same(P) || P <- [#pair{l = 1, r = 1}, #pair{l = 1, r = 2}, #pair{}]]]),
    #req{id = Id, op = Op} = hd(Reqs),
    io:format("~p ~p~n", [Id, Op]),
    E = #env{body = B = #req{arg = A}} = lists:nth(4, Reqs),
    io:format("~p~n~p~n~p~n", [E, B, A]),
    R = case lists:nth(3, Reqs) of
            #req{op = get} -> no;
            X = #req{arg = N} when N > 1 -> {yes, X#req.id}
        end,
    io:format("~p~n", [R]),
    self() ! {msg, #req{id = 9, op = stop}},
    self() ! {msg, #req{id = 8, op = get}},
    receive {msg, #req{op = get, id = I}} -> io:format("got ~p~n", [I]) end,
    receive {msg, Q = #req{}} -> io:format("then ~p~n", [Q]) end,
    case #pair{l = 1, r = 2} of
        #pair{_ = 1} -> io:format("all ones~n");
        #pair{l = 1, _ = _} -> io:format("l is one~n")
    end,
    io:format("~p~n", [[L || #pair{l = L} <- [#pair{l = a}, {pair, b}, #pair{l = c}, x]]]).
