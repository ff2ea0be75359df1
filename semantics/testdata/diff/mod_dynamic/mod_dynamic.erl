%% Modules chosen at run time: a module name carried in a message, in a
%% list of handlers, and in a tuple; apply/3 and erlang:apply/3 with a
%% module variable; fun M:F/A with M, F and A bound at run time.
-module(mod_dynamic).
-export([start/0]).

start() ->
    Handlers = [{mod_dynamic_en, hello}, {mod_dynamic_fr, hello}],
    io:format("~p~n", [[M:F(world) || {M, F} <- Handlers]]),
    Self = self(),
    P = spawn(fun() -> receive {run, M, A} -> Self ! {self(), apply(M, greet, A)} end end),
    P ! {run, mod_dynamic_fr, [monde]},
    receive {P, R} -> io:format("~p~n", [R]) end,
    Mod = pick(2),
    io:format("~p~n", [erlang:apply(Mod, hello, [x])]),
    Name = hello, Arity = 1,
    G = fun Mod:Name/Arity,
    io:format("~p ~p~n", [G(y), is_function(G, 1)]),
    io:format("~p~n", [lists:map(fun mod_dynamic_en:hello/1, [a, b])]),
    try Mod:nothing(1) of
        _ -> io:format("no error~n")
    catch
        error:undef:St -> io:format("~p~n", [hd(St)])
    end.

pick(1) -> mod_dynamic_en;
pick(2) -> mod_dynamic_fr.
