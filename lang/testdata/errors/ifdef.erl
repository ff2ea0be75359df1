-module(ifdef).
-export([f/0]).

-endif. % ERROR "unbalanced '-endif'"
-else. % ERROR "unbalanced '-else'"
-ifdef(1). % ERROR "badly formed 'ifdef'"
-endif.
-ifndef(X). % ERROR "unterminated '-ifndef'"

f() -> ok.
