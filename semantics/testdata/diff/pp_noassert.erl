%% NOASSERT turns every assertion into ok; ASSERT wins over NODEBUG.
-module(pp_noassert).
-export([start/0]).
-define(NOASSERT, true).
-include_lib("stdlib/include/assert.hrl").

start() ->
    io:format("~p~n", [[?assert(false), ?assertNot(true), ?assertEqual(1, 2), ?assertNotEqual(1, 1),
                        ?assertMatch(a, b), ?assertNotMatch(a, a), ?assertError(x, ok), ?assertExit(x, ok),
                        ?assertThrow(x, ok), ?assertException(throw, x, ok), ?assertNotException(throw, x, throw(x)),
                        ?assert(false, "c"), ?assertEqual(1, 2, "c")]]),
    ok.
