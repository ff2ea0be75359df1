%% Scalable benchmark: N senders each send K messages {Id, Seq} to one
%% receiver, which prefers sender 1's messages (a selective receive) and
%% asserts per-sender order. The shape of ../../shared/bench/mbox.pml.
%% Sizes: -D N=... -D K=... (defaults 3 and 3).
-module(mbox).
-export([start/0, sender/3, receiver/2]).

-ifndef(N).
-define(N, 3).
-endif.
-ifndef(K).
-define(K, 3).
-endif.

-mcgo({check, [crash]}).
-mcgo({bounds, [{mailbox, 64}, {processes, 64}]}).

start() ->
    R = spawn(?MODULE, receiver, [lists:duplicate(?N, 0), ?N * ?K]),
    [spawn(?MODULE, sender, [R, I, 1]) || I <- lists:seq(1, ?N)],
    ok.

sender(_, _, S) when S > ?K -> done;
sender(R, I, S) ->
    R ! {I, S},
    sender(R, I, S + 1).

receiver(_, 0) -> done;
receiver(Last, Left) ->
    {I, S} = receive
                 {1, S1} -> {1, S1}
             after 0 ->
                 receive M -> M end
             end,
    S = lists:nth(I, Last) + 1,
    receiver(setnth(I, Last, S), Left - 1).

setnth(1, [_ | T], V) -> [V | T];
setnth(I, [H | T], V) -> [H | setnth(I - 1, T, V)].
