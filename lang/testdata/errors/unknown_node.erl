-module(unknown_node).
-export([start/0]).

-mcgo({nodes, ['a@h']}).

start() ->
    spawn('b@h', unknown_node, start, []). % WARNING "node 'b@h' is not among the configured nodes"
