-module(unsupported_if).
-export([f/0]).

-if(true). % ERROR "-if is not supported"
-endif.

f() -> ok.
