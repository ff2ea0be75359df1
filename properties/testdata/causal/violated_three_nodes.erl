%% The same with P1, P2, P3 on three nodes: m2 can overtake m1.
%% WANT 13 "deliver m1 to"
-module(violated_three_nodes).
-export([start/0, p2/0, p3/1]).
-mcgo({nodes, ['a@h', 'b@h', 'c@h']}).
-mcgo({check, [causal]}).
-mcgo({end_states, [{p2, 0}]}).

start() ->
    P2 = spawn('b@h', ?MODULE, p2, []),
    P3 = spawn('c@h', ?MODULE, p3, [P2]),
    P2 ! m1,
    P3 ! m2.

p2() -> receive _ -> p2() end.
p3(P2) -> receive m2 -> P2 ! m2 end.
