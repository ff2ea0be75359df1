-module(bad_char).
-export([f/0, g/0]).

f() -> "\x{zz}". % ERROR "illegal character"
g() -> a & b. % ERROR "illegal character"
