-module(funref_undefined).
-export([f/0]).

f() -> fun g/1. % ERROR "function g/1 undefined"
