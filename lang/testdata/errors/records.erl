%% erlc: same lines
-module(records).
-export([f/1, g/1, h/1, i/1, k/0, gd/1]).

-record(r, {a, b = 1, c :: integer(), d = x :: atom()}).
-record(r, {x}). % ERROR "record r already defined"
-record(q, {a, a}). % ERROR "field a already defined in record q" % WARNING "record q is unused"
-record(u, {a = X}). % ERROR "variable 'X' is unbound" % WARNING "record u is unused"
-record(unused, {z}). % WARNING "record unused is unused"
-record(s, {a, 1}). % ERROR "bad record field"
-record(t). % ERROR "bad record declaration"
-record("v", {a}). % ERROR "bad record declaration"
-record(w, [a]). % ERROR "bad record declaration"

f(X) ->
    A = #r{e = 1}, % ERROR "field e undefined in record r"
    B = X#r.e, % ERROR "field e undefined in record r"
    C = #nope{}, % ERROR "record nope undefined"
    D = X#r{e = 2}, % ERROR "field e undefined in record r"
    E = #r.zz, % ERROR "field zz undefined in record r"
    F = #r{a = 1, a = 2}, % ERROR "field a already defined in record r"
    G = record_info(fields, X), % ERROR "illegal record info"
    H = record_info(size, nope), % ERROR "record nope undefined"
    I = record_info(foo, r), % ERROR "illegal record info"
    J = is_record(X, nope), % ERROR "record nope undefined"
    K = #r{a = 1, b = 2, c = 3, d = 4, _ = 5},
    {A, B, C, D, E, F, G, H, I, J, K}.

g(X) when X#r{a = 1} =:= X -> 1; % ERROR "illegal guard expression"
g(X) when record_info(size, r) =:= X -> 2; % ERROR "illegal guard expression"
g(#r{e = 1}) -> 3; % ERROR "field e undefined in record r"
g(#r{Y = 1}) -> Y. % ERROR "field 'Y' is not an atom or _ in record r"

h(X) ->
    case X of
        Y#r.a -> Y; % ERROR "illegal pattern"
        _ -> #later{} % ERROR "record later undefined"
    end.

-record(later, {a}).

i(X) -> #later{a = X}.
k() -> #r{_ = 1, _ = 2}. % ERROR "'_' initializes no omitted fields"

%% A record built in a guard evaluates its defaults there.
-record(gr, {a = mk()}).
mk() -> 1.
gd(X) when X =:= #gr{} -> 1; % ERROR "illegal guard expression"
gd(X) when X =:= #gr{a = 2} -> 2;
gd(_) -> #gr{}.
