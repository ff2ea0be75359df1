%% Two processes on two nodes exchange a ping and a pong, then both end:
%% nobody waits forever.
-module(holds_pingpong).
-export([start/0, pong/0]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({check, [deadlock]}).

start() ->
    P = spawn('b@h', ?MODULE, pong, []),
    P ! {ping, self()},
    receive pong -> ok end.

pong() ->
    receive {ping, From} -> From ! pong end.
