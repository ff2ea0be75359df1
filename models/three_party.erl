%% three_party: pitfall 3, the three-party ordering that holds on one node
%% fails across three nodes.
%%
%% The example of Claessen and Svensson that the paper recalls (sections 2.2
%% and 4.3): P1 sends m1 to P2, then m2 to P3; P3 forwards m2 to P2. The
%% send of m1 happens before the send of m2, which happens before P3's
%% forward, so a program written for one node may assume that P2 gets m1
%% first. P2 states that assumption as an assertion (m1 = First).
%%
%% start/3 takes the nodes of P1, P2 and P3, so the variants try every
%% placement:
%%  - three nodes: m1 travels on channel n1 -> n2, the forwarded m2 on
%%    n3 -> n2; the two channels are independent and m2 can arrive first
%%    (causal is violated, and P2's assertion fails).
%%  - any two on one node: all traffic between two nodes goes over one
%%    ordered channel, and a send within a node is delivered at once, so m1
%%    is always first (pass). The paper warns not to rely on this: it is a
%%    property of the implementation, not a promise of the language.
%%  - all on one node: pass.
%%  - three nodes under single_node semantics (as if distribution made no
%%    difference): pass.
-module(three_party).

-export([start/3, p1/2, p2/0, p3/1]).

-define(N1, 'n1@host1').
-define(N2, 'n2@host2').
-define(N3, 'n3@host3').

-mcgo({nodes, [?N1, ?N2, ?N3]}).
-mcgo({init, {three_party, start, [?N1, ?N2, ?N3]}}).
-mcgo({check, [causal, crash, deadlock]}).
-mcgo({expect, {violation, causal}}).
-mcgo({variant, assertion, [], {violation, crash}}).
-mcgo({variant, p1_p2_together, [{init, {three_party, start, [?N1, ?N1, ?N3]}}], pass}).
-mcgo({variant, p1_p3_together, [{init, {three_party, start, [?N1, ?N2, ?N1]}}], pass}).
-mcgo({variant, p2_p3_together, [{init, {three_party, start, [?N1, ?N2, ?N2]}}], pass}).
-mcgo({variant, one_node, [{init, {three_party, start, [?N1, ?N1, ?N1]}}], pass}).
-mcgo({variant, single_node, [{semantics, single_node}], pass}).

%% Place P2, P3 and P1 on the given nodes and let P1 start.
start(Node1, Node2, Node3) ->
    P2 = spawn(Node2, ?MODULE, p2, []),
    P3 = spawn(Node3, ?MODULE, p3, [P2]),
    spawn(Node1, ?MODULE, p1, [P2, P3]).

p1(P2, P3) ->
    P2 ! m1,
    P3 ! m2.

p3(P2) ->
    receive
        M -> P2 ! M
    end.

%% P2 relies on m1 coming before the forwarded m2.
p2() ->
    receive
        First -> m1 = First
    end,
    receive
        m2 -> ok
    end.
