%% erlc: same lines
-module(shadowed).
-export([f/1, g/1]).

f(X) ->
    F = fun(X) -> X end, % WARNING "variable 'X' shadowed in 'fun'"
    F(X).
g(X) -> % WARNING "variable .X. is unused"
    [X || X <- [1, 2]]. % WARNING "variable 'X' shadowed in generate"
