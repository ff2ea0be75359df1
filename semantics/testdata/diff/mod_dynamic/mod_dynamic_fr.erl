-module(mod_dynamic_fr).
-export([hello/1, greet/1, lang/0]).

hello(X) -> {bonjour, X}.
greet(X) -> lang() ++ " salue " ++ atom_to_list(X).
lang() -> "fr".
