-module(missing_end).
-export([f/1]).

f(X) ->
    case X of
        a -> ok.  % ERROR "expected 'end', found '\.'"
