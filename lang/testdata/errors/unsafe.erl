%% erlc: same lines
-module(unsafe).
-export([c/1, i/1, r/0, t/1, k/1, a/1, ok/1]).

c(X) ->
    case X of
        a -> Z = 1;
        b -> ok
    end,
    Z. % ERROR "variable 'Z' unsafe in 'case' \(line 6, column 5\)"

i(X) ->
    if X > 0 -> A = 1; true -> ok end,
    A. % ERROR "variable 'A' unsafe in 'if'"

r() ->
    receive {a, M} -> ok; b -> ok end,
    M. % ERROR "variable 'M' unsafe in 'receive'"

t(F) ->
    try V = F() catch _:_ -> ok end,
    V. % ERROR "variable 'V' unsafe in 'try'"

k(F) ->
    catch (W = F()),
    W. % ERROR "variable 'W' unsafe in 'catch'"

a(X) ->
    X andalso (B = true),
    B. % ERROR "variable 'B' unsafe in 'andalso'"

ok(X) ->
    case X of
        a -> Y = 1;
        _ -> Y = 2
    end,
    Y.
