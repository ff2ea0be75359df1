-module(funref_undefined).
-export([f/0, h/0]).

f() -> fun g/1. % ERROR "function g/1 undefined"

%% fun length/1 names the auto-imported BIF erlang:length/1, as erlc has it.
h() -> (fun length/1)([1, 2]).
