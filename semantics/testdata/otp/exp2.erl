%% OTP experiment exp2 (shared/otp-experiments/exp2.erl) as a bounded model:
%% a stream of 4 integers to a receiver on n2 while another process calls
%% erlang:disconnect_node/1. On OTP 25 a contiguous block was lost silently
%% and later messages arrived over the re-established connection; the
%% sender's monitor said noconnection although the receiver never died.
-module(exp2).
-export([start/0, rcv/2]).

-mcgo({nodes, ['ctl@h', 'n2@h']}).

-define(N2, 'n2@h').

%% receiver: records received ints in order, reports runs
rcv(Last, Runs) ->
    receive
        {report, From} -> From ! {runs, lists:reverse(close(Last, Runs))};
        N when is_integer(N) ->
            case Last of
                {S, E} when N =:= E + 1 -> rcv({S, N}, Runs);
                none -> rcv({N, N}, Runs);
                {S, E} -> rcv({N, N}, [{S, E} | Runs])
            end
    end.

close(none, Runs) -> Runs;
close(R, Runs) -> [R | Runs].

start() ->
    R = spawn(?N2, ?MODULE, rcv, [none, []]),
    Ref = monitor(process, R),
    Self = self(),
    spawn(fun() -> io:format("disconnect_node -> ~p~n", [erlang:disconnect_node(?N2)]), Self ! disconnected end),
    send_loop(R, 1, 4),
    receive disconnected -> ok end,
    receive {'DOWN', Ref, process, R, Why} -> io:format("sender got DOWN ~p~n", [Why]) after 0 -> io:format("sender got no DOWN~n") end,
    R ! {report, self()},
    receive {runs, Runs} -> io:format("receiver runs (contiguous ranges received): ~p~n", [Runs]) end.

send_loop(_R, N, Max) when N > Max -> ok;
send_loop(R, N, Max) -> R ! N, send_loop(R, N + 1, Max).
