-module(maps_errors).
-export([f/1, g/1, h/1, i/2, j/1, k/1, l/2, m/1]).

f(#{a => X}) -> X. % ERROR "illegal pattern"
g(#{K := V}) -> V. % ERROR "variable 'K' is unbound"
h(M) -> #{M := 1}. % ERROR "only association operators '=>' are allowed in map construction"
i(K, #{K := V}) -> V. % ERROR "variable 'K' is unbound"
j(X) -> Y = 3, #{Y := Z, Z := 1} = X. % ERROR "variable 'Z' is unbound"
k(X) -> #{X := 1, _ := 2} = X. % ERROR "variable '_' is unbound"
l(K, M) -> M#{K := 1} = M. % ERROR "illegal pattern" % WARNING "variable 'K' is unused"
m(M) -> M#{a => 1, a => 2}. % WARNING "key 'a' will be overridden in expression"
