%% ?FUNCTION_NAME, ?FUNCTION_ARITY and ?MODULE_STRING: in clauses with
%% patterns, inside funs and list comprehensions, in a function defined in
%% a header, and in a function whose name comes from a macro.
-module(pp_function_name).
-export([start/0]).
-define(NAME, from_macro).
-define(HERE, {?FUNCTION_NAME, ?FUNCTION_ARITY}).
-include("pp_function_name.hrl").

zero() -> ?HERE.
two({a, [_ | _]}, "s") -> ?HERE;
two(_, _) -> {other, ?FUNCTION_ARITY}.
'quoted name'(X) -> {?FUNCTION_NAME, X}.
in_fun() -> F = fun(A, B) -> {?FUNCTION_NAME, ?FUNCTION_ARITY, A, B} end, F(1, 2).
in_lc(L) -> [{?FUNCTION_NAME, X} || X <- L].
?NAME(X) -> {?FUNCTION_NAME, ?FUNCTION_ARITY, X}.

start() ->
    io:format("~p~n", [[zero(), two({a, [1]}, "s"), two(1, 2), 'quoted name'(q), in_fun(), in_lc([1, 2]),
                        from_macro(x), in_header(1, 2, 3)]]),
    io:format("~s ~p ~p~n", [?MODULE_STRING, ?MODULE, ?FUNCTION_NAME]),
    ok.
