-module(mcgo_nodes).
-export([start/0]).

-mcgo({faults, [{crash, 1, ['n3@h']}]}). % ERROR "node 'n3@h' is not among the configured nodes"
-mcgo({nodes, ['n1@h', 'n2@h']}).
-mcgo({creation, [{'n2@h', 1}, {'n4@h', 2}]}). % ERROR "node 'n4@h' is not among the configured nodes"
-mcgo({end_states, [{loop, 0}]}). % ERROR "function loop/0 undefined"
-mcgo({init, {mcgo_nodes, go, []}}). % ERROR "function go/0 undefined"

start() -> 'n1@h' ! hello, 'n9@h' ! hello. % WARNING "node 'n9@h' is not among the configured nodes"
