%% A -record after functions (erl_lint allows it; the functions after it
%% use it), export_all inside a list of compile options with
%% nowarn_export_all, defaults that call functions and build records, a
%% process whose state is a record, and records in exit reasons.
-module(rec_late).
-compile([nowarn_export_all, export_all]).

start() ->
    io:format("~p~n", [first()]),
    io:format("~p~n", [make()]),
    io:format("~p~n", [apply(?MODULE, counter_value, [5])]),
    io:format("down: ~p~n", [crash()]).

first() -> before_the_record.

-record(limits, {max = 10, min = 0}).
-record(cfg, {name = default_name(), limits = #limits{}, tags = [a, b]}).
-record(counter, {n = 0, step = 1}).

default_name() -> list_to_atom("cfg_" ++ integer_to_list(length("abc"))).

make() ->
    C = #cfg{},
    {C, C#cfg.limits#limits.max, record_info(fields, cfg), record_info(size, limits)}.

counter_value(Steps) ->
    Me = self(),
    Pid = spawn(fun() -> counter(#counter{step = 2}, Me) end),
    [Pid ! tick || _ <- lists:seq(1, Steps)],
    Pid ! {get, Me},
    receive {value, #counter{n = N}} -> N end.

counter(C = #counter{n = N, step = S}, Parent) ->
    receive
        tick -> counter(C#counter{n = N + S}, Parent);
        {get, From} -> From ! {value, C}
    end.

die_with(Cfg) -> exit({bad_config, Cfg#cfg{tags = []}}).

crash() ->
    {P, Ref} = spawn_monitor(?MODULE, die_with, [#cfg{}]),
    receive {'DOWN', Ref, process, P, Why} -> Why end.
