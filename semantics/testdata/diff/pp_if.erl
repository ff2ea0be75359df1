%% -if and -elif with erlc's constant expressions.
-module(pp_if).
-export([start/0]).
-define(LEVEL, 3).
-define(NAME, alpha).

-if(?LEVEL > 2).
a() -> level_above_2.
-elif(?LEVEL > 1).
a() -> level_above_1.
-else.
a() -> low.
-endif.

-if(?LEVEL == 1).
b() -> one.
-elif(?LEVEL =:= 3 andalso is_atom(?NAME)).
b() -> three_and_atom.
-elif(true).
b() -> not_reached.
-endif.

-if(defined(LEVEL) and not defined(UNDEFINED_ONE)).
c() -> defined_test.
-else.
c() -> wrong.
-endif.

%% A call of a local function fails: false, as in epp.
-if(foo(1)).
d() -> wrong.
-elif(length([a, b | [c]]) =:= 3).
d() -> length_ok.
-endif.

-if(1 div 0 == 0).
e() -> wrong.
-elif(element(2, {a, ?NAME}) == alpha orelse bad).
e() -> element_ok.
-endif.

-if({1, a} < {1, b} andalso [1] < [1, 2] andalso 5 < a andalso a < {} andalso {} < []).
f() -> term_order.
-else.
f() -> wrong.
-endif.

-if(?OTP_RELEASE >= 21).
g() -> otp_21_or_later.
-endif.

-ifdef(NOT_DEFINED).
-if(this(is, skipped, entirely)).
-elif(so_is_this).
-endif.
-else.
-if(16#10 band 3 =:= 0 andalso 1 bsl 4 =:= 16 andalso -7 rem 3 =:= -1 andalso abs(-2) =:= 2).
h() -> arith.
-endif.
-endif.

-if(hd("abc") =:= $a andalso tl([1]) =:= [] andalso tuple_size({}) =:= 0 andalso is_list("")).
i() -> bifs.
-endif.

-if(defined(MODULE) andalso defined(FILE) andalso not defined('LEVEL2')).
j() -> predefined.
-endif.

start() ->
    io:format("~p~n", [[a(), b(), c(), d(), e(), f(), g(), h(), i(), j()]]).
