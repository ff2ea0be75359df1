%% erlc: same lines
-module(unbound).
-export([f/1, g/0, h/0]).

f(X) -> X + Y. % ERROR "variable 'Y' is unbound"
g() -> _. % ERROR "variable '_' is unbound"
h() ->
    F = fun() -> Z end, % ERROR "variable 'Z' is unbound"
    F.
