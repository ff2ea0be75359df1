-module(mod_errors_lib).
-export([must_be_ok/1, only_ints/1, divide/2, throws/1, exits/1]).
-compile(nowarn_unused_function).

must_be_ok(X) ->
    ok = X.

only_ints(N) when is_integer(N) -> N + 1.

divide(A, B) -> A div B.

throws(X) -> throw({thrown, X}).

exits(X) -> exit({exited, X}).

hidden(X) -> X.
