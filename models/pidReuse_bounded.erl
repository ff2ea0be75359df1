%% pidReuse_bounded: pitfall 1, a pid of a dead process is reused after its
%% node restarts, checked under both runtimes.
%%
%% The paper's figure 2 (models/pidReuse.erl): a process on n1 spawns a
%% linked process on n2 and halts n2, three times (each halt followed by a
%% restart of n2, which mcgo does as a fault), waits for the three 'EXIT'
%% messages, starts an echo server on the fourth incarnation of n2 and then
%% sends a request to each of the three dead pids. The program is already
%% finite (three rounds); the only change is that the communicator states
%% the paper's expectation as an assertion: all three pids belong to dead
%% processes, so no reply may come. A reply makes the communicator crash
%% with {reply_from_dead_process, ...}, so that the `crash` property shows
%% the pitfall as well as `pid_unique` does.
%%
%% Runtime legacy (the 2007 runtime, 2-bit creations 1..3): the fourth
%% incarnation of n2 has the creation of the first one and hands out the
%% same local numbers, so the echo server gets the pid of the first dead
%% process and answers. Runtime modern (OTP 25): creations do not come
%% round, the requests to the dead pids are dropped, nobody answers.
-module(pidReuse_bounded).

-export([start/0, run/0, echo/0, communicator/1]).

-define(N1, 'n1@localhost').
-define(N2, 'n2@localhost').

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({faults, [{restart, 3, [?N2]}]}).
-mcgo({runtime, legacy}).
-mcgo({check, [pid_unique, crash, deadlock]}).
-mcgo({end_states, [{echo, 0}]}).
-mcgo({expect, {violation, crash}}).
-mcgo({variant, legacy, [{runtime, legacy}], {violation, pid_unique}}).
-mcgo({variant, modern, [{runtime, modern}], pass}).

start() ->
    spawn(?N1, ?MODULE, run, []).

run() ->
    erlang:process_flag(trap_exit, true),
    Pids =
        lists:map(
          fun(_) ->
                  Pid1 = spawn_link(?N2, erlang, self, []),
                  spawn(?N2, erlang, halt, []),
                  timer:sleep(2000),
                  Pid1
          end, lists:seq(1, 3)),
    lists:foreach(fun(Pid) ->
                          receive {'EXIT', Pid, _} -> ok end
                  end, Pids),
    spawn(?N2, ?MODULE, echo, []),
    communicator(Pids).

echo() ->
    receive {From, N} -> From ! {self(), N + 1} end.

communicator(Pids) ->
    lists:foreach(
      fun(Pid) ->
              io:format("Trying to communicate with: ~w~n", [Pid]),
              Pid ! {self(), 5},
              receive
                  {Pid2, N} ->
                      %% Pid belongs to a process that has exited: an
                      %% answer means its pid now names another process.
                      erlang:error({reply_from_dead_process, Pid, Pid2, N})
              after 2000 ->
                      io:format("No reply!~n")
              end
      end, Pids).
