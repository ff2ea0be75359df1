-module(include).
-export([f/0]).

-include("foo.hrl"). % ERROR "can't find include file \"foo.hrl\""
-include_lib("kernel/include/file.hrl"). % ERROR "can't find include lib \"kernel/include/file.hrl\" \(mcgo bundles only"
-include(foo). % ERROR "badly formed 'include'"
-include("a" "b" x). % ERROR "badly formed 'include'"
-include_lib("x.hrl"). % ERROR "can't find include lib \"x.hrl\""

f() -> ok.
