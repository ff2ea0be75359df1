-module(duplicate_function).
-export([f/1, g/0]).

f(1) -> one.
g() -> ok.
f(2) -> two. % ERROR "function f/1 already defined"
