%% erlc: same lines
-module(record_unused).
-export([f/1]).
-record(r, {a = mk()}).
-record(q, {a}).
-record(u, {a = helper()}). % WARNING "record u is unused"
-record(n, {a = #r{}}).

%% A function called by the default of a used record is used; one called
%% by the default of an unused record is not. A use in an unused function
%% counts; is_record/3 needs no definition and is no use.
mk() -> 1.
helper() -> 2. % WARNING "function helper/0 is unused"
f(X) -> {#n{}, is_record(X, q, 2)}.
unused() -> #q{}. % WARNING "function unused/0 is unused"
late() -> #late{}. % ERROR "record late undefined" % WARNING "function late/0 is unused"

-record(late, {a}). % WARNING "record late is unused"
