%% Records in guards: R#r.f compared, is_record/2 and is_record/3,
%% record creation and #r.f in a guard, and guards on values that are not
%% records (they fail, the next clause is taken).
-module(rec_guards).
-export([start/0]).

-record(acc, {balance = 0, limit = 100, owner}).
-record(other, {balance}).

classify(A) when A#acc.balance > A#acc.limit -> over;
classify(A) when A#acc.balance < 0 -> negative;
classify(A) when is_record(A, acc), A#acc.owner =:= undefined -> orphan;
classify(A) when is_record(A, acc) -> ok;
classify(A) when is_record(A, other, 2) -> other;
classify(_) -> not_an_account.

test(X) when X =:= #acc{} -> default;
test(X) when element(#acc.limit, X) =:= 7 -> limit7;
test(X) when X#acc.owner == me; X#other.balance == 0 -> mine_or_zero;
test(X) when is_tuple(X), X#acc.balance >= 0 orelse true -> fallback;
test(_) -> none.

start() ->
    Vals = [#acc{balance = 200}, #acc{balance = -1, owner = x}, #acc{}, #acc{owner = me},
            #other{balance = 1}, {acc, 1}, {acc, 1, 2, 3, 4}, atom, 42],
    io:format("~p~n", [[classify(V) || V <- Vals]]),
    io:format("~p~n", [[test(V) || V <- [#acc{}, #acc{limit = 7}, #acc{owner = me}, #other{balance = 0}, {x}, y]]]),
    io:format("~p~n", [[is_record(V, acc) || V <- Vals]]),
    io:format("~p~n", [[erlang:is_record(V, acc, 4) || V <- Vals]]),
    F = fun(V) when V#acc.balance =:= 0 -> zero; (_) -> nonzero end,
    io:format("~p~n", [[F(V) || V <- Vals]]),
    R = [B || V <- Vals, is_record(V, acc), B <- [V#acc.balance]],
    io:format("~p~n", [R]),
    io:format("~p~n", [if is_record(hd(Vals), acc) -> yes; true -> no end]).
