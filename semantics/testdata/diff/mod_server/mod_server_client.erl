-module(mod_server_client).
-export([put/2, get/1, keys/0, bad/0, stop/0]).

put(K, V) -> call({put, K, V}).
get(K) -> call({get, K}).
keys() -> call(keys).
bad() -> call({what, is, this}).
stop() -> call(stop).

call(Req) ->
    Ref = make_ref(),
    mod_server_srv ! {call, self(), Ref, Req},
    receive {Ref, R} -> R end.
