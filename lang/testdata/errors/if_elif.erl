-module(if_elif).
-export([f/0]).

-if. % ERROR "badly formed 'if'"
-endif.
-if(lists:member(a, [a])). % ERROR "badly formed 'if'"
-endif.
-if(spawn(fun() -> ok end)). % ERROR "badly formed 'if'"
-endif.
-if(case a of _ -> true end). % ERROR "badly formed 'if'"
-endif.
-if(1 + ). % ERROR "expected expression"
-endif.
-if(?NOPE). % ERROR "undefined macro 'NOPE'"
-endif.
-if(false).
-else.
-elif(true). % ERROR "unbalanced '-elif'"
-endif.
-if(true).
-else.
-elif(true). % ERROR "'elif' following 'else'"
-endif.
-elif(true). % ERROR "unbalanced '-elif'"
-if(true).
-elif(this_is_not:read()).
-endif.

-define(F, ?FUNCTION_NAME).
-export_type([t/0]).
-type t() :: ok.
-x(?FUNCTION_NAME). % ERROR "\?FUNCTION_NAME can only be used within a function"
?FUNCTION_ARITY() -> ok. % ERROR "\?FUNCTION_ARITY must not begin a form"

f() -> ?F.
