%% eunit.hrl defines TEST and EUNIT, and keeps assertions on even under
%% NODEBUG (it defines ASSERT); a header guard makes a second include empty.
-module(pp_eunit_nodebug).
-export([start/0]).
-define(NODEBUG, true).
-include_lib("eunit/include/eunit.hrl").
-include_lib("eunit/include/eunit.hrl").
-include_lib("stdlib/include/assert.hrl").

-ifdef(TEST).
t() -> test_defined.
-else.
t() -> no_test.
-endif.

-ifdef(EUNIT).
e() -> eunit_defined.
-endif.

start() ->
    io:format("~p~n", [[t(), e()]]),
    R = try ?assertEqual(x, y) catch error:{assertEqual, Info} -> Info end,
    io:format("~p~n", [R]),
    Tests = [?_assert(true), ?_assertEqual(1, 1), ?_assertMatch({_}, {1}), ?_assertError(badarg, atom_to_list(1)),
             ?_assertThrow(t, throw(t)), ?_assertExit(e, exit(e)), ?_assertNotMatch(a, b), ?_assertNotEqual(1, 2),
             ?_assertException(error, _, error(x)), ?_assertNotException(error, x, ok), ?_test(ok)],
    io:format("~p~n", [[{L, F()} || {L, F} <- Tests]]),
    ok.
