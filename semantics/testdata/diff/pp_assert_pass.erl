%% Every assert macro of eunit.hrl (mcgo's own header under mcgo, OTP's under
%% erl) with arguments that pass: each returns ok.
-module(pp_assert_pass).
-export([start/0]).
-include_lib("eunit/include/eunit.hrl").

start() ->
    X = 3,
    L = [a, b],
    io:format("~p~n", [[
        ?assert(X > 2),
        ?assert(is_list(L), "a comment"),
        ?assertNot(X > 5),
        ?assertNot(false, why),
        ?assertMatch({ok, _}, {ok, X}),
        ?assertMatch([_ | _], L, "nonempty"),
        ?assertNotMatch({error, _}, {ok, 1}),
        ?assertNotMatch([], L, "c"),
        ?assertEqual(3, X),
        ?assertEqual([a, b], L, "list"),
        ?assertNotEqual(4, X),
        ?assertNotEqual(4, X, "c"),
        ?assertException(error, badarith, X + list_to_atom("a")),
        ?assertException(throw, {x, _}, throw({x, 1}), "thrown"),
        ?assertError(badarg, list_to_atom(X)),
        ?assertExit(bye, exit(bye)),
        ?assertThrow(t, throw(t)),
        ?assertNotException(error, badarg, X + 1),
        ?assertNotException(throw, a, throw(b)),
        ?assertNotException(exit, a, throw(a), "c")
    ]]),
    io:format("~p ~p ~p~n", [?LET(Y, X + 1, Y * 2), ?IF(X > 1, big, small), ?MATCHES({_, 1}, {a, 1})]),
    {Line, F} = ?_assertEqual(3, X),
    io:format("~p ~p~n", [Line, F()]),
    {_, G} = ?_assertNot(X < 0),
    io:format("~p~n", [G()]),
    io:format("~p ~p~n", [?MODULE_STRING, ?FUNCTION_NAME]),
    ok.
