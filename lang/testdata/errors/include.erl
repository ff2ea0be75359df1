-module(include).
-export([f/0]).

-include("foo.hrl"). % ERROR "-include is not supported"
-include_lib("kernel/include/file.hrl"). % ERROR "-include_lib is not supported"

f() -> ok.
