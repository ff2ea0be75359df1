%% Included by pp_include.erl: macros, a function, and a nested include.
-define(GREETING, "hello").
-define(TWICE(X), [X, X]).
-include("pp_include_inner.hrl").

%% ?FUNCTION_NAME, ?LINE and ?FILE inside an included file.
included(N) -> {?FUNCTION_NAME, ?FUNCTION_ARITY, ?LINE, ?FILE, ?INNER + N}.
