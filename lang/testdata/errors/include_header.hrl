-define(FROM_HEADER, ok).
g() -> ?NOT_DEFINED. % ERROR "undefined macro 'NOT_DEFINED'"
h() -> (. % ERROR "expected expression, found '.'"
-ifdef(X). % ERROR "unterminated '-ifdef'"
