-module(bad_define).
-export([f/0]).

-define(A 1). % ERROR "badly formed 'define'"
-define(B, 1. % ERROR "missing closing right parenthesis"
-undef(). % ERROR "badly formed 'undef'"

f() -> ok.
