%% Maps in messages between processes: sent, matched in receive patterns
%% with literal and bound keys, guards on map_size and is_map_key, maps
%% in exit reasons and in monitor notifications, and badmap and badkey
%% crashing a process.
-module(map_messages).
-export([start/0]).

start() ->
    Self = self(),
    Server = spawn(fun() -> server(#{}) end),
    Server ! {put, Self, a, 1},
    Server ! {put, Self, b, #{nested => [x, y]}},
    Server ! {get, Self, a},
    Server ! {get, Self, b},
    Server ! {get, Self, missing},
    collect(5),
    Server ! {dump, Self},
    receive
        #{state := State, size := N} when N =:= 2 -> io:format("dump ~w ~w~n", [N, State])
    end,
    Key = tag,
    Self ! #{tag => hello, other => 1},
    Self ! #{other => 2},
    receive
        #{Key := V} -> io:format("bound key ~w~n", [V])
    end,
    receive
        M when is_map(M), map_size(M) =:= 1, is_map_key(other, M) -> io:format("guard ~w~n", [M])
    end,
    {P1, R1} = spawn_monitor(fun() -> exit(#{reason => custom, pid_free => true}) end),
    receive {'DOWN', R1, process, P1, Why1} -> io:format("exit ~w~n", [Why1]) end,
    {P2, R2} = spawn_monitor(fun() -> (id(notmap))#{a => 1} end),
    receive {'DOWN', R2, process, P2, {Why2, _}} -> io:format("crash ~w~n", [Why2]) end,
    {P3, R3} = spawn_monitor(fun() -> maps:get(nokey, #{k => v}) end),
    receive {'DOWN', R3, process, P3, {Why3, _}} -> io:format("crash ~w~n", [Why3]) end,
    {P4, R4} = spawn_monitor(fun() -> #{k := _} = id(#{j => 1}) end),
    receive {'DOWN', R4, process, P4, {Why4, _}} -> io:format("crash ~w~n", [Why4]) end,
    Server ! stop.

server(State) ->
    receive
        {put, From, K, V} ->
            From ! {ok, K},
            server(State#{K => V});
        {get, From, K} ->
            case State of
                #{K := V} -> From ! {value, K, V};
                #{} -> From ! {none, K}
            end,
            server(State);
        {dump, From} ->
            From ! #{state => State, size => map_size(State)},
            server(State);
        stop ->
            ok
    end.

collect(0) -> ok;
collect(N) ->
    receive
        Msg -> io:format("~w~n", [Msg]), collect(N - 1)
    end.

id(X) -> X.
