-module(mod_dynamic_en).
-export([hello/1, greet/1]).

hello(X) -> {hello, X}.
greet(X) -> mod_dynamic_fr:lang() ++ " says hi to " ++ atom_to_list(X).
