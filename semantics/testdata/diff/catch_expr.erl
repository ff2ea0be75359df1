%% catch Expr: the value of a throw, {'EXIT', Reason} for exit, and
%% {'EXIT', {Reason, Stack}} for an error (only the reason is printed:
%% stack traces are [] in mcgo).
-module(catch_expr).
-export([start/0]).

start() ->
    io:format("~w~n", [catch 1 + 2]),
    io:format("~w~n", [catch throw(ball)]),
    io:format("~w~n", [catch throw({complex, [1, 2]})]),
    io:format("~w~n", [catch exit(bye)]),
    io:format("~w~n", [catch exit({shutdown, why})]),
    io:format("~w~n", [reason(catch erlang:error(boom))]),
    io:format("~w~n", [reason(catch 1 + a())]),
    io:format("~w~n", [reason(catch hd([]))]),
    io:format("~w~n", [reason(catch list_to_integer("12x"))]),
    io:format("~w~n", [reason(catch element(5, {a}))]),
    X = (catch throw(inner)),
    io:format("~w~n", [X]),
    Nested = (catch (catch throw(a)) + 1),
    io:format("~w~n", [reason(Nested)]),
    io:format("~w~n", [catch lists:map(fun(E) when E > 2 -> throw({found, E}); (E) -> E end, [1, 2, 3, 4])]),
    io:format("~w~n", [catch ok]).

a() -> a.

reason({'EXIT', {R, Stack}}) when is_list(Stack) -> {error_reason, R};
reason(Other) -> {other, Other}.
