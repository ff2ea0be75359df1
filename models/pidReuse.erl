%% pidReuse: a pid of a dead process is reused after its node restarts.
%%
%% Transcribed from H. Svensson and L.-A. Fredlund, "Programming Distributed
%% Erlang Applications: Pitfalls and Recipes", Erlang Workshop 2007,
%% figure 2 ("Code example: Pid reuse"). The code is the paper's; only the
%% -mcgo attributes (and -compile, so that the paper's unused fun argument N
%% is not reported) were added, and this comment.
-module(pidReuse).

-export([start/0,run/0,echo/0,communicator/1]).

-compile(nowarn_unused_vars).

-define(N1,'n1@localhost').
-define(N2,'n2@localhost').

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({faults, [{restart, 3}]}).
-mcgo({runtime, legacy}).
-mcgo({check, [pid_unique]}).
-mcgo({expect, {violation, pid_unique}}).

start() ->
  spawn(?N1,?MODULE,run,[]).

run() ->
  erlang:process_flag(trap_exit,true),
  Pids =
    lists:map
      (fun(N) ->
           Pid1 = spawn_link(?N2,erlang,self,[]),
           spawn(?N2,erlang,halt,[]),
           timer:sleep(2000),
           Pid1
       end, lists:seq(1,3)),
  lists:foreach(fun(Pid) ->
                    receive {'EXIT',Pid,_} -> ok end
                end,Pids),
  spawn(?N2,?MODULE,echo,[]),
  communicator(Pids).

echo() ->
  receive {From,N} -> From!{self(),(N+1)} end.

communicator(Pids) ->
  lists:foreach(fun(Pid) ->
                    io:format("Trying to communicate with: ~w\n(~w)\n",
                              [Pid,term_to_binary(Pid)]),
                    Pid!{self(),5},
                    receive {Pid2,N} ->
                        io:format("Recieved ~w from ~w\n(~w)\n",
                                  [N,Pid2,term_to_binary(Pid2)])
                    after 2000 ->
                        io:format("No reply!\n")
                    end
                end, Pids).
