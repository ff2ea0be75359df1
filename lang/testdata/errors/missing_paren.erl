-module(missing_paren).
-export([f/0, g/0, h/0]).

f() -> (1. % ERROR "expected '\)', found '\.'"
g() -> [1, 2. % ERROR "expected '\]', found '\.'"
h() -> {1, 2 3}. % ERROR "expected '}', found 3"
