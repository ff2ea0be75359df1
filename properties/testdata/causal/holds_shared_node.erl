%% P1 sends m1 to P2 and m2 to P3, which forwards it to P2. With P2 and P3
%% on one node, m1 and m2 travel on the same channel: m1 always first.
-module(holds_shared_node).
-export([start/0, p2/0, p3/1]).
-mcgo({nodes, ['a@h', 'b@h']}).
-mcgo({check, [causal]}).
-mcgo({end_states, [{p2, 0}]}).

start() ->
    P2 = spawn('b@h', ?MODULE, p2, []),
    P3 = spawn('b@h', ?MODULE, p3, [P2]),
    P2 ! m1,
    P3 ! m2.

p2() -> receive _ -> p2() end.
p3(P2) -> receive m2 -> P2 ! m2 end.
