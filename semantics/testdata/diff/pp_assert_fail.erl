%% Every assert macro of assert.hrl failing: the error term, caught and
%% printed (a stack trace inside is replaced by its being a list).
-module(pp_assert_fail).
-export([start/0]).
-include_lib("stdlib/include/assert.hrl").

show(F) ->
    try F() of
        V -> io:format("no error: ~p~n", [V])
    catch
        error:{Tag, Info} when is_list(Info) ->
            io:format("~p~n", [{Tag, [clean(I) || I <- Info]}]);
        C:R ->
            io:format("other: ~p~n", [{C, R}])
    end.

clean({unexpected_exception, {C, R, S}}) when is_list(S) -> {unexpected_exception, {C, R, stack}};
clean(I) -> I.

start() ->
    X = 3,
    L = [a, b],
    show(fun() -> ?assert(X > 5) end),
    show(fun() -> ?assert(length(L) =:= 'not') end),
    show(fun() -> ?assert(X, "must be boolean") end),
    show(fun() -> ?assertNot(X < 5) end),
    show(fun() -> ?assertNot({X}, [comment, 1]) end),
    show(fun() -> ?assertMatch({ok, _}, {error, X}) end),
    show(fun() -> ?assertMatch([_, _, _ | _], L, "three") end),
    show(fun() -> ?assertNotMatch({ok, _}, {ok, "a\"b\n"}) end),
    show(fun() -> ?assertNotMatch([a | T] when T =/= [], L, c) end),
    show(fun() -> ?assertEqual(4, X) end),
    show(fun() -> ?assertEqual([a], L ++ [$c, $\s], "lists") end),
    show(fun() -> ?assertNotEqual(3, X) end),
    show(fun() -> ?assertNotEqual(L, [a | [b]], 'c c') end),
    show(fun() -> ?assertException(error, badarg, X + 1) end),
    show(fun() -> ?assertException(error, badarg, X + foo) end),
    show(fun() -> ?assertException(throw, {x, _}, throw({y, 16#ff}), "wrong") end),
    show(fun() -> ?assertError(badarg, ok) end),
    show(fun() -> ?assertExit(normal, exit(abnormal)) end),
    show(fun() -> ?assertThrow(t, erlang:error(t)) end),
    show(fun() -> ?assertThrow(_, fun() -> 'Quoted atom' end ()) end),
    show(fun() -> ?assertNotException(error, badarith, X + foo) end),
    show(fun() -> ?assertNotException(throw, _, throw(any), "any throw") end),
    ok.
