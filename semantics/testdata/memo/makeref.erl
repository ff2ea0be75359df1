%% Two holders each make a reference when told to go and keep it. The
%% number make_ref() picks depends on the references the other holder
%% already holds, so a holder's receive is not a step of the holder
%% alone: it must never be remembered (TestMemo).
-module(makeref).
-export([start/0, holder/0]).

start() ->
    H1 = spawn(?MODULE, holder, []),
    H2 = spawn(?MODULE, holder, []),
    H1 ! go,
    H2 ! go,
    ok.

holder() ->
    receive
        go ->
            R = make_ref(),
            receive
                {stop, R} -> ok
            end
    end.
