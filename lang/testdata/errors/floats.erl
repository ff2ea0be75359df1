-module(floats).
-export([f/1, g/0, h/0]).

f(1.0 div 2) -> a; % ERROR "illegal pattern"
f(-1.5) -> b;
f(1.5 * 2 + 1) -> c;
f(X) when X > 1.5e3, is_float(X) -> d.

g() -> 1.0e400. % ERROR "illegal float"

h() -> 1_000.5 + 2.5e-3.
