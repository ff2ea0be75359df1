%% Each process has a dictionary of its own; a spawned process starts
%% with an empty one.
-module(pd_procs).
-export([start/0]).

start() ->
    put(owner, parent),
    Parent = self(),
    Pid = spawn(fun() ->
        Parent ! {child_sees, get(owner)},
        put(owner, child),
        Parent ! {child_now, get(owner)}
    end),
    receive {child_sees, V} -> io:format("child sees ~w~n", [V]) end,
    receive {child_now, W} -> io:format("child now ~w~n", [W]) end,
    io:format("parent has ~w~n", [get(owner)]),
    put(peer, Pid),
    io:format("~w~n", [get(peer) =:= Pid]),
    Ref = make_ref(),
    put(ref, Ref),
    _ = [make_ref() || _ <- lists:seq(1, 3)],
    io:format("~w~n", [get(ref) =:= Ref]),
    io:format("~w~n", [lists:member(get(ref), [make_ref() || _ <- lists:seq(1, 5)])]),
    erase(ref),
    put(only_here, make_ref()), % the dictionary alone keeps this reference
    Fresh = make_ref(),
    io:format("~w~n", [get(only_here) =:= Fresh]).
