%% -include of a local header (found beside the program), nested includes,
%% a header included twice behind its guard, and positions in headers.
-module(pp_include).
-export([start/0]).
-include("pp_include.hrl").
-include("pp_include_inner.hrl").

start() ->
    io:format("~s ~p~n", [?GREETING, ?TWICE(?INNER)]),
    io:format("~p~n", [included(2)]),
    io:format("~p ~p~n", [?LINE, ?FILE]),
    io:format("~p~n", [?TWICE(?MODULE)]),
    ok.
