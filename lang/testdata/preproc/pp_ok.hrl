-define(OK_LEVEL, 2).
ok_helper(X) -> {?FUNCTION_NAME, ?FUNCTION_ARITY, X}.
