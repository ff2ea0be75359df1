-module(records).
-export([f/0, g/1]).

-record(r, {a, b}). % ERROR "-record is not supported"

f() -> #r{a = 1}. % ERROR "records are not supported"
g(X) -> X#r.a. % ERROR "records are not supported"
