%% Run-time errors around bitstrings: construction with a bad value, a bad
%% size or a bitstring where a binary is wanted (badarg), badmatch,
%% case_clause and function_clause on binaries, and the exit reason of a
%% process that crashes on a binary.
-module(bin_errors).
-export([start/0]).

t(F) ->
    try F() of
        V -> V
    catch
        C:R -> {C, R}
    end.

id(X) -> X.

f(<<X:8>>) -> X.

start() ->
    Tests = [
        fun() -> <<(id(a)):8>> end,
        fun() -> <<(id(a))/binary>> end,
        fun() -> <<(id(<<1:3>>))/binary>> end,
        fun() -> <<(id(<<1:3>>)):1/binary>> end,
        fun() -> <<(id(<<1, 2>>)):3/binary>> end,
        fun() -> <<(id(1)):(id(-1))>> end,
        fun() -> <<(id(1)):(id(x))>> end,
        fun() -> <<(id(-1))/utf8>> end,
        fun() -> <<(id(16#D800))/utf8>> end,
        fun() -> <<(id(16#110000))/utf16>> end,
        fun() -> <<X:8>> = id(<<1, 2>>), X end,
        fun() -> case id(<<1:1>>) of <<0:1>> -> zero end end,
        fun() -> f(id(<<1, 2>>)) end,
        fun() -> f(id(<<>>)) end,
        fun() -> <<_:8, R/binary>> = id(<<1, 1:1>>), R end,
        fun() -> << <<X>> || X <- id([1, 2, 300]) >> end,
        fun() -> byte_size(id([1])) end,
        fun() -> bit_size(id(1)) end
    ],
    lists:foreach(fun(F) -> io:format("~p~n", [t(F)]) end, Tests),
    {_, Ref} = spawn_monitor(fun() -> <<1>> = id(<<2, 3:3>>) end),
    receive
        {'DOWN', Ref, process, _, {Reason, _}} -> io:format("down: ~p~n", [Reason])
    end.
