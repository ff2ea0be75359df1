-module(record_syntax).
-export([f/1, g/1]).
-record(r, {a}).

%% erl_parse has no call of a record expression.
f(X) -> X#r.a(1). % ERROR "syntax error before: '\('"
g(X) -> X#r.a:b(). % ERROR "syntax error before: ':'"
