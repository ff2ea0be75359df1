-module(bad_export).
-export([f]). % ERROR "bad Name/Arity"
-export(f/0). % ERROR "bad Name/Arity"

f() -> ok. % WARNING "function f/0 is unused"
