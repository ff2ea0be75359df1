%% OTP experiment exp1 (shared/otp-experiments/exp1.erl) as a bounded model:
%% n2 halts and is restarted once. On OTP 25 the local part of a pid repeats
%% in the new incarnation (same pid_to_list text) while the creation
%% changes, so the old pid is not the new one and a message sent to it
%% reaches nobody; the monitor of a process of the halted node fires with
%% noconnection.
-module(exp1).
-export([start/0, echo/0]).

-mcgo({nodes, ['ctl@h', 'n2@h']}).
-mcgo({faults, [{restart, 1}]}).

-define(N2, 'n2@h').

start() ->
    Old = spawn(?N2, ?MODULE, echo, []),
    Ref = monitor(process, Old),
    spawn(?N2, erlang, halt, []),
    receive {'DOWN', Ref, process, Old, R} -> io:format("  DOWN reason ~p~n", [R]) end,
    wait_up(),
    New = spawn(?N2, ?MODULE, echo, []),
    io:format("old == echo? ~p ; same text? ~p~n", [Old =:= New, pid_to_list(Old) =:= pid_to_list(New)]),
    Old ! {self(), 5},
    receive
        {Q, N} when is_pid(Q) -> io:format("reply ~p from ~p~n", [N, Q])
    after 1000 -> io:format("no reply via old pid~n")
    end.

wait_up() ->
    case net_adm:ping(?N2) of
        pong -> ok;
        pang -> timer:sleep(200), wait_up()
    end.

echo() ->
    receive {From, X} -> From ! {self(), X + 1} end.
