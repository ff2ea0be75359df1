-module(mod_spawn_worker).
-export([echo/2, hello/0, closure/2, crash/1, relay/3]).

echo(To, Msg) -> To ! {self(), Msg}.

hello() ->
    receive {greet, From} -> From ! {self(), hello} end.

closure(To, Msg) -> fun() -> echo(To, Msg) end.

crash(Why) -> exit(Why).

relay(M, F, To) ->
    spawn(M, F, [To, relayed]).
