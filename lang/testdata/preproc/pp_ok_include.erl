%% Accepted by mcgo and erlc: a local header, eunit's and stdlib's headers,
%% -if/-elif, ?FUNCTION_NAME in a header.
-module(pp_ok_include).
-export([start/0]).
-include("pp_ok.hrl").
-include_lib("eunit/include/eunit.hrl").
-include_lib("stdlib/include/assert.hrl").

-if(?OK_LEVEL >= 2 andalso defined(TEST)).
g() -> high.
-elif(?OK_LEVEL == 1).
g() -> one.
-else.
g() -> other.
-endif.

start() -> f(1).

f(X) ->
    ?assertEqual(high, g()),
    ?assertMatch({_, _}, {X, X}),
    ?assertError(badarith, X + a),
    {ok_helper(X), ?FUNCTION_NAME}.
