-module(macro_name).
-export([f/0]).

f() -> ?. % ERROR "expected macro name, found '\.'"
