-module(include_deep).
-export([f/0]).

-include("include_deep.hrl").

f() -> ok.
