%% io:format directives: ~w ~s ~b ~c ~n ~~ ~i ~x ~+ ~# with field widths,
%% precisions, padding characters and left adjustment.
-module(fmt_basic).
-export([start/0]).

start() ->
    io:format("plain text~n"),
    io:format("tilde ~~ and newline~n"),
    io:format("~w|~10w|~-10w|~3w|~.3w|~10.3w|~n", [abc, abc, abc, 12345, 12345, 12345]),
    io:format("~s|~10s|~-10s|~.2s|~10.2s|~-10.2s|~2s|~n", ["abc", "abc", "abc", "abc", "abc", "abc", "abcdef"]),
    io:format("~s|~s|~s|~s|~n", [atom, "", [$a, [$b, "c"]], list_to_binary("bin")]),
    io:format("~10.4.*s|~n", [$_, "ab"]),
    io:format("~-10..*s|~10..-s|~n", [$*, "ab", "cd"]),
    io:format("~c|~5c|~-5c|~.3c|~5.2c|~5.2.xc|~n", [$a, $b, $c, $d, $e, $f]),
    io:format("~b|~.2b|~.16b|~.16B|~.36B|~8.2b|~8.2.0b|~-8.2.0b|~n", [255, 255, 255, 255, 1295, 5, 5, 5]),
    io:format("~b|~.16b|~.16B|~n", [-255, -255, -255]),
    io:format("~x|~.16x|~.16X|~10.16x|~n", [255, "0x", 255, "0x", 255, "0x", 255, pre]),
    io:format("~+|~.16+|~#|~.16#|~n", [10, 255, -10, -255]),
    io:format("~i~w~n", [ignored, shown]),
    io:format("~*w|~-*w|~.*w|~*.*w|~n", [6, ab, 6, ab, 1, ab, 6, 2, abc]),
    io:format("~3n"),
    io:format("~w ~w ~w~n", ["str", [1, 2], {"a", 'B'}]),
    io:format("~5~|~-5~|~n"),
    io:format("~ts|~tw|~n", ["unicode", uni]),
    io:format("~10.3.0b|~n", [-7]),
    io:format("~w~n", [[$\t, $\n, 0, 255, 256]]),
    io:format("~s~n", ["tab\there"]),
    io:format("~8s|~-8s|~n", [abc, abc]),
    io:format('atom format ~w~n', [x]),
    io:format(list_to_binary("binary format ~w~n"), [y]),
    io:format("~w~n", [lists:flatten(io_lib:format("~w-~w", [a, b]))]),
    io:format("~s~n", [io_lib:format("~5w|~-5s|", [1, "x"])]),
    io:fwrite("fwrite ~w~n", [z]),
    io:format("no args~n", []),
    io:format("~p|~10p|~n", [short, {a, b}]),
    io:format("~w~n", [catch_format("~w ~w~n", [one])]),
    io:format("~w~n", [catch_format("~q~n", [one])]),
    io:format("~w~n", [catch_format("~s~n", [123])]).

catch_format(F, A) ->
    try io_lib:format(F, A) of
        _ -> formatted
    catch
        error:badarg -> badarg;
        C:_ -> C
    end.
