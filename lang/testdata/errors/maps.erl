-module(map_syntax).
-export([f/0, g/1]).

f() -> #{a => 1}. % ERROR "maps are not supported"
g(M) -> M#{a := 2}. % ERROR "maps are not supported"
