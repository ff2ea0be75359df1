-module("bad_module"). % ERROR "bad module declaration"
-export([f/0]).

f() -> ok.
