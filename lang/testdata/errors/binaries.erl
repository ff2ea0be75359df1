-module(binaries).
-export([f/0, g/1]).

f() -> <<1, 2>>. % ERROR "binaries are not supported"
g(B) -> [X || <<X>> <= B]. % ERROR "binaries are not supported"
