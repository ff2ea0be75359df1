%% A ring of three nodes passing one token twice round (bench/models/ring.erl).
-module(ring).
-export([start/0, member/1]).
-mcgo({nodes, ['n1@h', 'n2@h', 'n3@h']}).

start() ->
    Ps = [spawn(Node, ?MODULE, member, [undefined]) || Node <- ['n1@h', 'n2@h', 'n3@h']],
    Next = tl(Ps) ++ [hd(Ps)],
    [P ! {next, Q} || {P, Q} <- lists:zip(Ps, Next)],
    hd(Ps) ! {token, 6},
    ok.

member(undefined) ->
    receive {next, Q} -> member(Q) end;
member(Next) ->
    receive
        {token, 0} -> member(Next);
        {token, T} -> Next ! {token, T - 1}, member(Next)
    end.
