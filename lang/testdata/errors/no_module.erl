% ERROR "no module definition"
-export([f/0]).

f() -> ok.
