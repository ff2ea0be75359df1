package compile

import "github.com/mcgo-dev/mcgo/semantics/term"

// Effect is a visible operation a process requests: its step performs it.
type Effect uint16

const (
	EffSend Effect = iota
	EffSpawn
	EffSpawnLink
	EffSpawnMonitor
	EffLink
	EffUnlink
	EffMonitor
	EffDemonitor
	EffMonitorNode
	EffExit2
	EffProcessFlag
	EffRegister
	EffUnregister
	EffWhereis
	EffRegistered
	EffIsAlive
	EffHalt
	EffDisconnect
	EffPing
	EffConnect
	EffMonitorNodes
	EffSendAfter
	EffCancelTimer
	EffListToPid
	EffIoFormat
	EffNodes
	EffYield

	NumEffects // the number of effects
)

// effectRow is everything the compiler, the flow analysis and the trace
// descriptions know of one effect.
type effectRow struct {
	Name  string  // what traces print (Effect.String)
	Funcs []funcs // the functions that request it
	// Flow is what the flow analysis assumes of it. A row without one is
	// taken to do anything (FlowAll, a result that may hold a pid), and
	// fails TestEffectTable.
	Flow *flow
}

// funcs names functions of one module and name: M:F/A for each A in
// Arities.
type funcs struct {
	M, F    string
	Arities []int
}

// flow is what a process that performs an effect may do, for the flow
// analysis of the delivery reduction (flow.go). Its literals are written
// without keys, so that a row cannot leave a field out: a field left out
// would be a silent "harmless".
type flow struct {
	flags  FlowFlags // what it may do whatever its arguments hold
	hands  pidsOf    // the value it hands to another process (a message, a spawned process's code, an exit reason): FlowLeak when it may hold a pid
	result pidsOf    // what its result may hold
	remote []int     // the arities at which it runs on another node (FlowSpawnRemote); nil: none
}

// pidsOf says where the pids in a value may come from, for the flow
// analysis: from any argument (fromArgs, the zero value), from nowhere
// (noPid), from anywhere (anyPid: the value may hold a pid whatever the
// arguments hold), or from one argument (arg(i), from 0, or lastArg).
type pidsOf uint8

const (
	fromArgs pidsOf = iota
	noPid
	anyPid
	lastArg
	firstArg // arg(i) is firstArg + i
)

// arg is argument i (from 0).
func arg(i int) pidsOf { return firstArg + pidsOf(i) }

// may reports whether a value of p may hold a pid when the n arguments of
// the call are the top of s.
func (p pidsOf) may(n int, s *aStack) bool {
	switch p {
	case fromArgs:
		for i := 0; i < n; i++ {
			if s.peek(i) {
				return true
			}
		}
		return false
	case noPid:
		return false
	case anyPid:
		return true
	case lastArg:
		return s.peek(0)
	}
	i := int(p - firstArg)
	return i < n && s.peek(n-1-i)
}

// effects is the effect table, indexed by Effect.
var effects = [NumEffects]effectRow{
	EffSend: {
		Name:  "send",
		Funcs: []funcs{{"erlang", "send", []int{2}}, {"erlang", "!", []int{2}}},
		Flow:  &flow{FlowComm, arg(1), arg(1), nil},
	},
	EffSpawn: {
		Name:  "spawn",
		Funcs: []funcs{{"erlang", "spawn", []int{1, 2, 3, 4}}},
		// What the new process gets: the fun, or the argument list (the
		// node, module and function name are not handed over).
		Flow: &flow{FlowComm | FlowSpawn, lastArg, anyPid, []int{2, 4}},
	},
	EffSpawnLink: {
		Name:  "spawn_link",
		Funcs: []funcs{{"erlang", "spawn_link", []int{1, 2, 3, 4}}},
		Flow:  &flow{FlowComm | FlowSpawn | FlowLink, lastArg, anyPid, []int{2, 4}},
	},
	EffSpawnMonitor: {
		Name:  "spawn_monitor",
		Funcs: []funcs{{"erlang", "spawn_monitor", []int{1, 2, 3, 4}}},
		Flow:  &flow{FlowComm | FlowSpawn | FlowLink, lastArg, anyPid, []int{2, 4}},
	},
	EffLink: {
		Name:  "link",
		Funcs: []funcs{{"erlang", "link", []int{1}}},
		Flow:  &flow{FlowComm | FlowLink, noPid, noPid, nil},
	},
	EffUnlink: {
		Name:  "unlink",
		Funcs: []funcs{{"erlang", "unlink", []int{1}}},
		Flow:  &flow{FlowComm, noPid, noPid, nil},
	},
	EffMonitor: {
		Name:  "monitor",
		Funcs: []funcs{{"erlang", "monitor", []int{2}}},
		Flow:  &flow{FlowComm | FlowLink, noPid, noPid, nil},
	},
	EffDemonitor: {
		Name:  "demonitor",
		Funcs: []funcs{{"erlang", "demonitor", []int{1, 2}}},
		Flow:  &flow{FlowComm, noPid, noPid, nil},
	},
	EffMonitorNode: {
		Name:  "monitor_node",
		Funcs: []funcs{{"erlang", "monitor_node", []int{2}}},
		Flow:  &flow{FlowComm | FlowHazard, noPid, noPid, nil},
	},
	EffExit2: {
		Name:  "exit",
		Funcs: []funcs{{"erlang", "exit", []int{2}}},
		Flow:  &flow{FlowComm, arg(1), noPid, nil},
	},
	EffProcessFlag: {
		Name:  "process_flag",
		Funcs: []funcs{{"erlang", "process_flag", []int{2}}},
		Flow:  &flow{0, noPid, noPid, nil},
	},
	EffRegister: {
		Name:  "register",
		Funcs: []funcs{{"erlang", "register", []int{2}}},
		Flow:  &flow{FlowComm | FlowHazard, noPid, noPid, nil},
	},
	EffUnregister: {
		Name:  "unregister",
		Funcs: []funcs{{"erlang", "unregister", []int{1}}},
		Flow:  &flow{FlowComm | FlowHazard, noPid, noPid, nil},
	},
	EffWhereis: {
		Name:  "whereis",
		Funcs: []funcs{{"erlang", "whereis", []int{1}}},
		Flow:  &flow{0, noPid, anyPid, nil},
	},
	EffRegistered: {
		Name:  "registered",
		Funcs: []funcs{{"erlang", "registered", []int{0}}},
		Flow:  &flow{0, noPid, noPid, nil},
	},
	EffIsAlive: {
		Name:  "is_process_alive",
		Funcs: []funcs{{"erlang", "is_process_alive", []int{1}}},
		Flow:  &flow{0, noPid, noPid, nil},
	},
	EffHalt: {
		Name:  "halt",
		Funcs: []funcs{{"erlang", "halt", []int{0, 1}}},
		Flow:  &flow{FlowComm | FlowHazard, noPid, noPid, nil},
	},
	EffDisconnect: {
		Name:  "disconnect_node",
		Funcs: []funcs{{"erlang", "disconnect_node", []int{1}}},
		Flow:  &flow{FlowComm | FlowHazard, noPid, noPid, nil},
	},
	EffPing: {
		Name:  "ping",
		Funcs: []funcs{{"net_adm", "ping", []int{1}}},
		Flow:  &flow{FlowComm | FlowHazard, noPid, noPid, nil},
	},
	EffConnect: {
		Name:  "connect_node",
		Funcs: []funcs{{"net_kernel", "connect_node", []int{1}}},
		Flow:  &flow{FlowComm | FlowHazard, noPid, noPid, nil},
	},
	EffMonitorNodes: {
		Name:  "monitor_nodes",
		Funcs: []funcs{{"net_kernel", "monitor_nodes", []int{1, 2}}},
		Flow:  &flow{FlowComm | FlowHazard, noPid, noPid, nil},
	},
	EffSendAfter: {
		Name:  "send_after",
		Funcs: []funcs{{"erlang", "send_after", []int{3}}},
		// The timer is a process ('$mcgo':send_after), hence FlowSpawn.
		Flow: &flow{FlowComm | FlowSpawn, arg(2), noPid, nil},
	},
	EffCancelTimer: {
		Name:  "cancel_timer",
		Funcs: []funcs{{"erlang", "cancel_timer", []int{1}}},
		Flow:  &flow{FlowComm, noPid, noPid, nil},
	},
	EffListToPid: {
		Name:  "list_to_pid",
		Funcs: []funcs{{"erlang", "list_to_pid", []int{1}}},
		Flow:  &flow{FlowComm | FlowHazard, noPid, anyPid, nil},
	},
	EffIoFormat: {
		Name:  "io:format",
		Funcs: []funcs{{"io", "format", []int{1, 2, 3}}, {"io", "fwrite", []int{1, 2, 3}}},
		Flow:  &flow{0, noPid, noPid, nil},
	},
	EffNodes: {
		Name:  "nodes",
		Funcs: []funcs{{"erlang", "nodes", []int{0}}},
		Flow:  &flow{0, noPid, noPid, nil},
	},
	EffYield: {
		Name:  "yield",
		Funcs: []funcs{{"erlang", "yield", []int{0}}},
		Flow:  &flow{0, noPid, noPid, nil},
	},
}

func (e Effect) String() string {
	if e < NumEffects && effects[e].Name != "" {
		return effects[e].Name
	}
	return "effect?"
}

// effIndex finds an effect by the function that requests it.
var effIndex = map[mfa]Effect{}

// indexEffects fills effIndex from the table.
func indexEffects() {
	for e := range effects {
		for _, f := range effects[e].Funcs {
			for _, a := range f.Arities {
				effIndex[mfa{term.Intern(f.M), term.Intern(f.F), a}] = Effect(e)
			}
		}
	}
}

// LookupEffect returns the effect that m:f/arity requests, if it is one.
func LookupEffect(m, f term.Atom, arity int) (Effect, bool) {
	e, ok := effIndex[mfa{m, f, arity}]
	return e, ok
}
