-module(bad_export).
-export([f]). % ERROR "bad function arity"
-export(f/0). % ERROR "bad export list"

f() -> ok. % WARNING "function f/0 is unused"
