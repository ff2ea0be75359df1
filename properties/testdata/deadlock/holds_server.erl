%% An idle server loop waits forever, which is fine: it is an end state.
-module(holds_server).
-export([start/0, server/0]).
-mcgo({check, [deadlock]}).
-mcgo({end_states, [{server, 0}]}).

start() ->
    S = spawn(?MODULE, server, []),
    S ! {req, self()},
    receive done -> ok end.

server() ->
    receive
        {req, From} -> From ! done, server()
    end.
