%% commFixed: the sender monitors the receiver and resynchronises with it
%% after a communication failure, so that no number is lost.
%%
%% Transcribed from H. Svensson and L.-A. Fredlund, "Programming Distributed
%% Erlang Applications: Pitfalls and Recipes", Erlang Workshop 2007,
%% figure 6 ("Basic Erlang communication, with monitors"). The code is the
%% paper's; only the -mcgo attributes were added, and this comment.
-module(commFixed).

-export([init/0,rcv/1,snd/2,sync/1]).

-define(N1,'n1@host1.domain.com').
-define(N2,'n2@host2.domain.com').

-mcgo({nodes, [?N1, ?N2]}).
-mcgo({init, {commFixed, init, []}}).
-mcgo({faults, [{disconnect, 1}]}).
-mcgo({check, [no_loss]}).
-mcgo({end_states, [{rcv, 1}]}).
-mcgo({expect, {violation, no_loss}}).
%% Two more weaknesses of the recipe (docs/models.md): a disconnect before
%% the first number arrives makes the receiver answer {sync,none}, and the
%% sender crashes computing none+1; after a crash and restart of n2 the new
%% monitor reports noproc, which no receive matches, and the sender blocks.
-mcgo({variant, sync_none, [{check, [crash]}], {violation, crash}}).
-mcgo({variant, crash_restart,
       [{faults, [{crash, 1, [?N2]}, {restart, 1, [?N2]}]}, {check, [deadlock]}],
       {violation, deadlock}}).

init() ->
  Rcv = spawn(?N2,?MODULE,rcv,[none]),
  spawn(?N1,?MODULE,snd,[Rcv,1]).

rcv(N) ->
  receive
    {sync,Snd} ->
      Snd ! {sync,N},
      N1 = N;
    X ->
      io:format("got ~p\n",[X]),
      N1 = X
  end,
  rcv(N1).

snd(Rcv,N) ->
  erlang:monitor(process,Rcv),
  snd_(Rcv,N).

snd_(Rcv,N) ->
  receive
    {'DOWN',_,_,_,noconnection} ->
      N = sync(Rcv)
  after 1000 ->
      ok
  end,
  Rcv ! N,
  snd_(Rcv,N+1).

sync(Rcv) ->
  erlang:monitor(process,Rcv),
  Rcv ! {sync,self()},
  receive
    {'DOWN',_,_,_,noconnection} ->
      timer:sleep(5000),
      sync(Rcv);
    {sync,N} ->
      snd_(Rcv,N+1)
  end.
