%% erlc: same lines
-module(export_all).
-compile([nowarn_unused_vars, export_all]). % WARNING "export_all flag enabled - all functions will be exported"

%% Every function is exported: none is unused.
f() -> ok.
g(X) -> X.
