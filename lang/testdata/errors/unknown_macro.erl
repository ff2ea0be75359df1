-module(unknown_macro).
-export([f/0]).

f() -> ?FOO. % ERROR "undefined macro 'FOO'"
