%% mcgo's own eunit/include/eunit.hrl, bundled with mcgo so that a model's
%% verdict never depends on the Erlang installation. Written for mcgo; it
%% provides, with OTP 25's names and meaning:
%%   the assertions of mcgo's stdlib/include/assert.hrl (included below),
%%   always enabled unless NOASSERT, or NODEBUG without DEBUG, is defined
%%   and TEST is not;
%%   ?LET(X, Y, Z), ?IF(B, T, F), ?MATCHES(G, E);
%%   the test generators ?_test(E), ?_assert(B), ?_assertNot(B),
%%   ?_assertMatch(G, E), ?_assertNotMatch(G, E), ?_assertEqual(W, E),
%%   ?_assertNotEqual(U, E), ?_assertException(C, T, E), ?_assertError(T, E),
%%   ?_assertExit(T, E), ?_assertThrow(T, E), ?_assertNotException(C, T, E).
%% TEST and EUNIT are defined unless NOTEST is (and TEST is not). There is no
%% parse transform: mcgo does not run eunit tests. The command macros
%% (?cmd...), the debugging macros (?debug...), ?UNDER_EUNIT and
%% ?capturedOutput are not provided.

-ifndef(EUNIT_HRL).
-define(EUNIT_HRL, true).

-ifdef(TEST).
-undef(NOTEST).
-endif.

-ifdef(DEBUG).
-undef(NODEBUG).
-endif.

-ifndef(NOTEST).
-ifndef(ASSERT).
-define(ASSERT, true).
-endif.
-ifndef(TEST).
-define(TEST, true).
-endif.
-ifndef(EUNIT).
-define(EUNIT, true).
-endif.
-else.
-undef(EUNIT).
-endif.

-include_lib("stdlib/include/assert.hrl").

-ifndef(LET).
-define(LET(X, Y, Z), begin ((fun (X) -> (Z) end)(Y)) end).
-endif.
-ifndef(IF).
-define(IF(B, T, F), begin (case (B) of true -> (T); false -> (F) end) end).
-endif.
-ifndef(MATCHES).
-define(MATCHES(G, E), begin (case (E) of G -> true; _ -> false end) end).
-endif.

-define(_test(Expr), {?LINE, fun () -> (Expr) end}).
-define(_assert(BoolExpr), ?_test(?assert(BoolExpr))).
-define(_assertNot(BoolExpr), ?_assert(not (BoolExpr))).
-define(_assertMatch(Guard, Expr), ?_test(?assertMatch(Guard, Expr))).
-define(_assertNotMatch(Guard, Expr), ?_test(?assertNotMatch(Guard, Expr))).
-define(_assertEqual(Expect, Expr), ?_test(?assertEqual(Expect, Expr))).
-define(_assertNotEqual(Unexpected, Expr), ?_test(?assertNotEqual(Unexpected, Expr))).
-define(_assertException(Class, Term, Expr), ?_test(?assertException(Class, Term, Expr))).
-define(_assertError(Term, Expr), ?_assertException(error, Term, Expr)).
-define(_assertExit(Term, Expr), ?_assertException(exit, Term, Expr)).
-define(_assertThrow(Term, Expr), ?_assertException(throw, Term, Expr)).
-define(_assertNotException(Class, Term, Expr), ?_test(?assertNotException(Class, Term, Expr))).

-endif. % EUNIT_HRL
