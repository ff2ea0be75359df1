%% The higher-order functions of OTP 25's maps module (stdlib-4.2,
%% maps.erl, Apache License 2.0), so that their funs run as Erlang code (a
%% fun may send or print) in OTP's order, with OTP's error reasons. The
%% first-order functions, and iterator/1 and next/1 on which these are
%% built, are Go built-ins. erlang:error/3 with error_info is written
%% erlang:error/1 (mcgo's stack traces are []); local calls of the BIFs
%% are written maps:F.
-module(maps).
-export([filter/2, filtermap/2, fold/3, foreach/2, map/2,
         update_with/3, update_with/4, without/2,
         intersect_with/3, merge_with/3,
         groups_from_list/2, groups_from_list/3]).

intersect_with(Combiner, Map1, Map2) when is_map(Map1),
                                          is_map(Map2),
                                          is_function(Combiner, 3) ->
    %% Use =< because we want to avoid reversing the combiner if we can
    case map_size(Map1) =< map_size(Map2) of
        true ->
            intersect_with_small_map_first(Combiner, Map1, Map2);
        false ->
            RCombiner = fun(K, V1, V2) -> Combiner(K, V2, V1) end,
            intersect_with_small_map_first(RCombiner, Map2, Map1)
    end;
intersect_with(Combiner, Map1, Map2) ->
    erlang:error(error_type_merge_intersect(Map1, Map2, Combiner)).

intersect_with_small_map_first(Combiner, SmallMap, BigMap) ->
    Next = maps:next(maps:iterator(SmallMap)),
    intersect_with_iterate(Next, [], BigMap, Combiner).

intersect_with_iterate({K, V1, Iterator}, Keep, BigMap, Combiner) ->
    Next = maps:next(Iterator),
    case BigMap of
        #{ K := V2 } ->
            V = Combiner(K, V1, V2),
            intersect_with_iterate(Next, [{K,V}|Keep], BigMap, Combiner);
        _ ->
            intersect_with_iterate(Next, Keep, BigMap, Combiner)
    end;
intersect_with_iterate(none, Keep, _BigMap2, _Combiner) ->
    maps:from_list(Keep).

merge_with(Combiner, Map1, Map2) when is_map(Map1),
                                 is_map(Map2),
                                 is_function(Combiner, 3) ->
    case map_size(Map1) > map_size(Map2) of
        true ->
            Iterator = maps:iterator(Map2),
            merge_with_1(maps:next(Iterator),
                         Map1,
                         Map2,
                         Combiner);
        false ->
            Iterator = maps:iterator(Map1),
            merge_with_1(maps:next(Iterator),
                         Map2,
                         Map1,
                         fun(K, V1, V2) -> Combiner(K, V2, V1) end)
    end;
merge_with(Combiner, Map1, Map2) ->
    erlang:error(error_type_merge_intersect(Map1, Map2, Combiner)).

merge_with_1({K, V2, Iterator}, Map1, Map2, Combiner) ->
    case Map1 of
        #{ K := V1 } ->
            NewMap1 = Map1#{ K := Combiner(K, V1, V2) },
            merge_with_1(maps:next(Iterator), NewMap1, Map2, Combiner);
        #{ } ->
            merge_with_1(maps:next(Iterator), maps:put(K, V2, Map1), Map2, Combiner)
    end;
merge_with_1(none, Result, _, _) ->
    Result.

update_with(Key,Fun,Map) when is_function(Fun,1), is_map(Map) ->
    case Map of
        #{Key := Value} -> Map#{Key := Fun(Value)};
        #{} -> erlang:error({badkey,Key})
    end;
update_with(_Key,_Fun,Map) ->
    erlang:error(error_type(Map)).

update_with(Key,Fun,Init,Map) when is_function(Fun,1), is_map(Map) ->
    case Map of
        #{Key := Value} -> Map#{Key := Fun(Value)};
        #{} -> Map#{Key => Init}
    end;
update_with(_Key,_Fun,_Init,Map) ->
    erlang:error(error_type(Map)).

filter(Pred, MapOrIter) when is_function(Pred, 2) ->
    Iter = if
               is_map(MapOrIter) ->
                   maps:iterator(MapOrIter);
               true ->
                   MapOrIter
           end,
    try maps:next(Iter) of
        Next ->
            maps:from_list(filter_1(Pred, Next))
    catch
        error:_ ->
            erlang:error({badmap,MapOrIter})
    end;
filter(_Pred, _Map) ->
    erlang:error(badarg).

filter_1(Pred, {K, V, Iter}) ->
    case Pred(K, V) of
        true ->
            [{K,V} | filter_1(Pred, maps:next(Iter))];
        false ->
            filter_1(Pred, maps:next(Iter))
    end;
filter_1(_Pred, none) ->
    [].

filtermap(Fun, MapOrIter) when is_function(Fun, 2) ->
    Iter = if
               is_map(MapOrIter) ->
                   maps:iterator(MapOrIter);
               true ->
                   MapOrIter
           end,
    try maps:next(Iter) of
        Next ->
            maps:from_list(filtermap_1(Fun, Next))
    catch
        error:_ ->
            erlang:error({badmap,MapOrIter})
    end;
filtermap(_Fun, _Map) ->
    erlang:error(badarg).

filtermap_1(Pred, {K, V, Iter}) ->
    case Pred(K, V) of
        true ->
            [{K, V} | filtermap_1(Pred, maps:next(Iter))];
        {true, NewV} ->
            [{K, NewV} | filtermap_1(Pred, maps:next(Iter))];
        false ->
            filtermap_1(Pred, maps:next(Iter))
    end;
filtermap_1(_Pred, none) ->
    [].

foreach(Fun, MapOrIter) when is_function(Fun, 2) ->
    Iter = if is_map(MapOrIter) -> maps:iterator(MapOrIter);
              true -> MapOrIter
           end,
    try maps:next(Iter) of
        Next ->
            foreach_1(Fun, Next)
    catch
        error:_ ->
            erlang:error({badmap, MapOrIter})
    end;
foreach(_Pred, _Map) ->
    erlang:error(badarg).

foreach_1(Fun, {K, V, Iter}) ->
    Fun(K,V),
    foreach_1(Fun, maps:next(Iter));
foreach_1(_Fun, none) ->
    ok.

fold(Fun, Init, MapOrIter) when is_function(Fun, 3) ->
    Iter = if
               is_map(MapOrIter) ->
                   maps:iterator(MapOrIter);
               true ->
                   MapOrIter
           end,
    try maps:next(Iter) of
        Next ->
            fold_1(Fun, Init, Next)
    catch
        error:_ ->
            erlang:error({badmap,MapOrIter})
    end;
fold(_Fun, _Init, _Map) ->
    erlang:error(badarg).

fold_1(Fun, Acc, {K, V, Iter}) ->
    fold_1(Fun, Fun(K,V,Acc), maps:next(Iter));
fold_1(_Fun, Acc, none) ->
    Acc.

map(Fun, MapOrIter) when is_function(Fun, 2) ->
    Iter = if
               is_map(MapOrIter) ->
                   maps:iterator(MapOrIter);
               true ->
                   MapOrIter
           end,
    try maps:next(Iter) of
        Next ->
            maps:from_list(map_1(Fun, Next))
    catch
        error:_ ->
            erlang:error({badmap,MapOrIter})
    end;
map(_Fun, _Map) ->
    erlang:error(badarg).

map_1(Fun, {K, V, Iter}) ->
    [{K, Fun(K, V)} | map_1(Fun, maps:next(Iter))];
map_1(_Fun, none) ->
    [].

without(Ks,M) when is_list(Ks), is_map(M) ->
    lists:foldl(fun maps:remove/2, M, Ks);
without(_Ks,M) ->
    erlang:error(error_type(M)).

groups_from_list(Fun, List0) when is_function(Fun, 1) ->
    try lists:reverse(List0) of
        List ->
            groups_from_list_1(Fun, List, #{})
    catch
        error:_ ->
            erlang:error(badarg)
    end;
groups_from_list(_Fun, _List) ->
    erlang:error(badarg).

groups_from_list_1(Fun, [H | Tail], Acc) ->
    K = Fun(H),
    NewAcc = case Acc of
                 #{K := Vs} -> Acc#{K := [H | Vs]};
                 #{} -> Acc#{K => [H]}
             end,
    groups_from_list_1(Fun, Tail, NewAcc);
groups_from_list_1(_Fun, [], Acc) ->
    Acc.

groups_from_list(Fun, ValueFun, List0) when is_function(Fun, 1),
                                            is_function(ValueFun, 1) ->
    try lists:reverse(List0) of
        List ->
            groups_from_list_2(Fun, ValueFun, List, #{})
    catch
        error:_ ->
            erlang:error(badarg)
    end;
groups_from_list(_Fun, _ValueFun, _List) ->
    erlang:error(badarg).

groups_from_list_2(Fun, ValueFun, [H | Tail], Acc) ->
    K = Fun(H),
    V = ValueFun(H),
    NewAcc = case Acc of
                 #{K := Vs} -> Acc#{K := [V | Vs]};
                 #{} -> Acc#{K => [V]}
             end,
    groups_from_list_2(Fun, ValueFun, Tail, NewAcc);
groups_from_list_2(_Fun, _ValueFun, [], Acc) ->
    Acc.

error_type(M) when is_map(M) -> badarg;
error_type(V) -> {badmap, V}.

error_type_two_maps(M1, M2) when is_map(M1) ->
    {badmap, M2};
error_type_two_maps(M1, _M2) ->
    {badmap, M1}.

error_type_merge_intersect(M1, M2, Combiner) when is_function(Combiner, 3) ->
    error_type_two_maps(M1, M2);
error_type_merge_intersect(_M1, _M2, _Combiner) ->
    badarg.
