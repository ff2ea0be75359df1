-module(try_missing).
-export([f/1, g/0, h/1, i/0]).

f(F) -> try F() end. % ERROR "expected 'catch' or 'after', found 'end'"
g() -> receive end. % ERROR "expected pattern or 'after', found 'end'"
h(X) -> case X of end. % ERROR "expected pattern, found 'end'"
i() -> if end. % ERROR "expected guard, found 'end'"
