%% OTP experiment exp3 (shared/otp-experiments/exp3.erl) as a model: the
%% CS05 three-party example. P1 sends m1 to P2, then m2 to P3, which
%% forwards it to P2. With P1, P2, P3 on three nodes OTP 25 showed P2
%% receiving m2 before m1; with P2 and P3 on one node, never. The initial
%% call names P3's node: start('n3@h') (three nodes, the default) or
%% start('n2@h') (P2 and P3 on one node).
-module(exp3).
-export([start/1, p2/1, p3/1]).

-mcgo({nodes, ['ctl@h', 'n2@h', 'n3@h']}).
-mcgo({init, {exp3, start, ['n3@h']}}).

p2(Acc) -> receive {report, F} -> F ! {order, lists:reverse(Acc)}; {Tag, _} -> p2([Tag | Acc]) end.
p3(P2) -> receive {m2, X} -> P2 ! {m2, X}, p3(P2) end.

start(N3) ->
    P2 = spawn('n2@h', exp3, p2, [[]]),
    P3 = spawn(N3, exp3, p3, [P2]),
    P2 ! {m1, big},
    P3 ! {m2, small},
    timer:sleep(3000),
    P2 ! {report, self()},
    receive {order, O} -> io:format("orders seen at P2 = ~p~n", [O]) end.
