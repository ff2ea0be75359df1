-module(record_undefined).
-export([f/1, g/1, h/1]).

%% is_record/2 with the name of a record that is not defined is reported,
%% as erlc reports it; is_record/3 needs no definition.
f(X) -> is_record(X, r). % ERROR "record r undefined"
g(X) when erlang:is_record(X, 'R 2') -> ok. % ERROR "record 'R 2' undefined"
h(X) -> is_record(X, r, 2).
