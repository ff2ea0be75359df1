-module(undefined_export).
-export([f/0, nope/3]). % ERROR "function nope/3 undefined"

f() -> ok.
