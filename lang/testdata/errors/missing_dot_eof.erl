-module(missing_dot_eof).
-export([f/0]).

f() -> ok % ERROR "expected '\.', found 'EOF'"
