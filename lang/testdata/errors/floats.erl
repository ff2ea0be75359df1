-module(floats).
-export([f/0]).

f() -> 1.5. % ERROR "floats are not supported"
