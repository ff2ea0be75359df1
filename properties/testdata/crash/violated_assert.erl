%% A counter asserts it only ever sees even numbers; the sender sends 2 and 3.
%% WANT 5 "receive 3"
-module(violated_assert).
-export([start/0, counter/0]).
-mcgo({check, [crash]}).
-mcgo({end_states, [{counter, 0}]}).

start() ->
    C = spawn(?MODULE, counter, []),
    C ! 2,
    C ! 3.

counter() ->
    receive
        N -> 0 = N rem 2, counter()
    end.
