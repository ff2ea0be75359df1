%% erlc: same lines
-module(nowarn_export_all).
-compile(export_all).
-compile(nowarn_export_all).
-record(r, {a}). % WARNING "record r is unused"
-record(s, {b = #r{}}). % WARNING "record s is unused"
-record(t, {c}).

%% A use in the default of an unused record does not count.
f() -> #t{}.
