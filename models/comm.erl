%% comm: messages between two nodes are silently lost when the connection
%% between them breaks and is set up again.
%%
%% Transcribed from H. Svensson and L.-A. Fredlund, "Programming Distributed
%% Erlang Applications: Pitfalls and Recipes", Erlang Workshop 2007,
%% figure 4 ("Basic Erlang communication"). The code is the paper's; only the
%% -mcgo attributes were added, and this comment.
-module(comm).

-export([start/0,snd/2,rcv/0]).

-define(N1,'n1@host1.domain.com').
-define(N2,'n2@host2.domain.com').

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [no_loss]}).
-mcgo({end_states, [{rcv, 0}]}).
-mcgo({expect, {violation, no_loss}}).

start() ->
  Pid = spawn(?N1,?MODULE,rcv,[]),
  spawn(?N2,?MODULE,snd,[Pid,1]).

rcv() ->
  receive
    N -> io:format("got ~p~n",[N]), rcv()
  end.

snd(Pid,N) ->
  Pid!N,
  timer:sleep(1000),
  snd(Pid,N+1).
