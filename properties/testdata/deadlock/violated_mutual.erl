%% Each of two processes waits for the other to speak first.
%% WANT 1 "spawn violated_mutual:waiter\(<nonode.1>\) = <nonode.2>"
-module(violated_mutual).
-export([start/0, waiter/1]).
-mcgo({check, [deadlock]}).

start() ->
    spawn(?MODULE, waiter, [self()]),
    receive hello -> ok end.

waiter(Peer) ->
    receive hello -> Peer ! hello end.
