%% Scalable benchmark: a ring of N nodes, one process on each; T tokens,
%% started at the first T members, each go round the ring K times. Every hop
%% is a send on a node-pair channel and a delivery. Sizes: -D N=... -D K=...
%% -D T=... (defaults 4, 2 and 1).
-module(ring).
-export([start/0, member/1]).

-ifndef(N).
-define(N, 4).
-endif.
-ifndef(K).
-define(K, 2).
-endif.
-ifndef(T).
-define(T, 1).
-endif.

-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h', 'n4@h', 'n5@h', 'n6@h', 'n7@h', 'n8@h']}).
-mcgo({check, [deadlock, crash]}).
-mcgo({end_states, [{member, 1}]}).

start() ->
    Nodes = lists:sublist(['n1@h', 'n2@h', 'n3@h', 'n4@h', 'n5@h', 'n6@h', 'n7@h', 'n8@h'], ?N),
    Ps = [spawn(Node, ?MODULE, member, [undefined]) || Node <- Nodes],
    Next = tl(Ps) ++ [hd(Ps)],
    [P ! {next, Q} || {P, Q} <- lists:zip(Ps, Next)],
    [P ! {token, ?N * ?K} || P <- lists:sublist(Ps, ?T)],
    ok.

%% The token can overtake the {next, Q} message (they come from different
%% nodes), so a member first waits for its neighbour, then for the token.
member(undefined) ->
    receive
        {next, Q} -> member(Q)
    end;
member(Next) ->
    receive
        {token, 0} -> member(Next);
        {token, T} -> Next ! {token, T - 1}, member(Next)
    end.
