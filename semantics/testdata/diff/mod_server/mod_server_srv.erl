-module(mod_server_srv).
-export([start/0, init/1]).

start() ->
    Pid = spawn(?MODULE, init, [self()]),
    receive {Pid, ready} -> ok end.

init(Parent) ->
    register(?MODULE, self()),
    Parent ! {self(), ready},
    loop([]).

loop(State) ->
    receive
        {call, From, Ref, Req} ->
            case handle(Req, State) of
                {reply, R, State1} ->
                    From ! {Ref, R},
                    loop(State1);
                {stop, R} ->
                    From ! {Ref, R}
            end
    end.

handle({put, K, V}, State) ->
    Old = case lists:keyfind(K, 1, State) of
              {K, O} -> O;
              false -> undefined
          end,
    {reply, {old, Old}, [{K, V} | lists:keydelete(K, 1, State)]};
handle({get, K}, State) ->
    case lists:keyfind(K, 1, State) of
        {K, V} -> {reply, {ok, V}, State};
        false -> {reply, not_found, State}
    end;
handle(keys, State) ->
    {reply, lists:sort([K || {K, _} <- State]), State};
handle(stop, _State) ->
    {stop, stopped};
handle(Other, State) ->
    {reply, {error, {unknown, Other}}, State}.
