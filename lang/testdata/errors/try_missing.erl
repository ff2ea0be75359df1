-module(try_missing).
-export([f/1, g/0]).

f(F) -> try F() end. % ERROR "expected 'catch' or 'after', found 'end'"
g() -> receive end. % ERROR "expected pattern or 'after', found 'end'"
