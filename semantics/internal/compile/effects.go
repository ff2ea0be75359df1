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

var effNames = [NumEffects]string{
	EffSend:         "send",
	EffSpawn:        "spawn",
	EffSpawnLink:    "spawn_link",
	EffSpawnMonitor: "spawn_monitor",
	EffLink:         "link",
	EffUnlink:       "unlink",
	EffMonitor:      "monitor",
	EffDemonitor:    "demonitor",
	EffMonitorNode:  "monitor_node",
	EffExit2:        "exit",
	EffProcessFlag:  "process_flag",
	EffRegister:     "register",
	EffUnregister:   "unregister",
	EffWhereis:      "whereis",
	EffRegistered:   "registered",
	EffIsAlive:      "is_process_alive",
	EffHalt:         "halt",
	EffDisconnect:   "disconnect_node",
	EffPing:         "ping",
	EffConnect:      "connect_node",
	EffMonitorNodes: "monitor_nodes",
	EffSendAfter:    "send_after",
	EffCancelTimer:  "cancel_timer",
	EffListToPid:    "list_to_pid",
	EffIoFormat:     "io:format",
	EffNodes:        "nodes",
	EffYield:        "yield",
}

func (e Effect) String() string {
	if int(e) < len(effNames) {
		return effNames[e]
	}
	return "effect?"
}

var effIndex = map[mfa]Effect{}

func defEff(mod, name string, e Effect, arities ...int) {
	for _, a := range arities {
		effIndex[mfa{term.Intern(mod), term.Intern(name), a}] = e
	}
}

func init() {
	defEff("erlang", "send", EffSend, 2)
	defEff("erlang", "!", EffSend, 2)
	defEff("erlang", "spawn", EffSpawn, 1, 2, 3, 4)
	defEff("erlang", "spawn_link", EffSpawnLink, 1, 2, 3, 4)
	defEff("erlang", "spawn_monitor", EffSpawnMonitor, 1, 2, 3, 4)
	defEff("erlang", "link", EffLink, 1)
	defEff("erlang", "unlink", EffUnlink, 1)
	defEff("erlang", "monitor", EffMonitor, 2)
	defEff("erlang", "demonitor", EffDemonitor, 1, 2)
	defEff("erlang", "monitor_node", EffMonitorNode, 2)
	defEff("erlang", "exit", EffExit2, 2)
	defEff("erlang", "process_flag", EffProcessFlag, 2)
	defEff("erlang", "register", EffRegister, 2)
	defEff("erlang", "unregister", EffUnregister, 1)
	defEff("erlang", "whereis", EffWhereis, 1)
	defEff("erlang", "registered", EffRegistered, 0)
	defEff("erlang", "is_process_alive", EffIsAlive, 1)
	defEff("erlang", "halt", EffHalt, 0, 1)
	defEff("erlang", "disconnect_node", EffDisconnect, 1)
	defEff("net_adm", "ping", EffPing, 1)
	defEff("net_kernel", "connect_node", EffConnect, 1)
	defEff("net_kernel", "monitor_nodes", EffMonitorNodes, 1, 2)
	defEff("erlang", "send_after", EffSendAfter, 3)
	defEff("erlang", "cancel_timer", EffCancelTimer, 1)
	defEff("erlang", "list_to_pid", EffListToPid, 1)
	defEff("io", "format", EffIoFormat, 1, 2, 3)
	defEff("io", "fwrite", EffIoFormat, 1, 2, 3)
	defEff("erlang", "nodes", EffNodes, 0)
	defEff("erlang", "yield", EffYield, 0)
}

func LookupEffect(m, f term.Atom, arity int) (Effect, bool) {
	e, ok := effIndex[mfa{m, f, arity}]
	return e, ok
}
