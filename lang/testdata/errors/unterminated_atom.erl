-module(unterminated_atom).
-export([f/0]).

f() -> 'abc. % ERROR "unterminated atom starting with .abc\. "
