%% Normal ends, exit(normal), exit(shutdown), exit({shutdown, _}) and a
%% process killed by an exit signal are not crashes.
-module(holds_exits).
-export([start/0, a/0, b/0, c/0, sleeper/0]).
-mcgo({check, [crash]}).

start() ->
    spawn(?MODULE, a, []),
    spawn(?MODULE, b, []),
    spawn(?MODULE, c, []),
    S = spawn(?MODULE, sleeper, []),
    exit(S, kill),
    ok.

a() -> exit(normal).
b() -> exit(shutdown).
c() -> exit({shutdown, done}).
sleeper() -> receive never -> ok end.
