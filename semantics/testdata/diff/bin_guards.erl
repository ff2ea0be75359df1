%% Binaries in guards: is_binary, is_bitstring, byte_size, bit_size,
%% binary_part, comparison with binary literals, and term order between
%% binaries, bitstrings and other terms.
-module(bin_guards).
-export([start/0]).

kind(B) when is_binary(B), byte_size(B) == 0 -> empty;
kind(B) when is_binary(B), binary_part(B, 0, 1) == <<"#">> -> comment;
kind(B) when B == <<"end">> -> the_end;
kind(B) when is_binary(B), bit_size(B) > 32 -> long;
kind(B) when is_binary(B) -> short;
kind(B) when is_bitstring(B), bit_size(B) rem 8 =:= 1 -> bits_plus_one;
kind(B) when is_bitstring(B) -> bits;
kind(_) -> not_binary.

start() ->
    Ins = [<<>>, <<"# note">>, <<"end">>, <<"a longer line">>, <<"abc">>, <<1:9>>, <<1:3>>, "list", 7],
    io:format("~p~n", [[kind(B) || B <- Ins]]),
    io:format("~p~n", [lists:sort([<<"b">>, <<"a">>, <<"ab">>, <<>>, <<1:1>>, <<0:1>>, <<0:9>>, atom, [], "x", {t}, 5])]),
    io:format("~p~n", [[X || X <- Ins, is_binary(X) andalso byte_size(X) < 4]]),
    io:format("~p~n", [lists:usort([<<"x">>, <<"x">>, <<"x">>, <<120>>])]).
