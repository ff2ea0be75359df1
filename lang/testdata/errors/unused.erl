%% erlc: same lines
-module(unused).
-export([f/1, g/1, h/1, k/2]).

f(X) -> ok. % WARNING "variable 'X' is unused"
g(_X) -> ok.
h(X) ->
    Y = X, % WARNING "variable 'Y' is unused"
    ok.
k(X, X) -> ok.

l() -> ok. % WARNING "function l/0 is unused"
