-module(attribute_after).
-export([f/0]).

f() -> ok.

-mcgo({check, [deadlock]}). % ERROR "attribute mcgo after function definitions"
-author("me"). % ERROR "attribute author after function definitions"
-spec f() -> ok.
-spec g(integer()) -> ok. % ERROR "spec for undefined function g/1"
