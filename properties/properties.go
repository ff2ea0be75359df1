// Package properties defines the properties mcgo checks, named as users
// write them in -mcgo({check, [...]}) and --check: deadlock, crash, no_loss,
// causal, pid_unique, fd_accurate, fifo and monitored_no_loss.
//
// A property is a value ([Property]); [Monitors] turns the selected ones
// into monitors for the explorer. Monitors are stateless: what a property
// must remember (message numbers, vector clocks, pids ever used, who was
// told whom is down) is kept in the state by the semantics when the
// property asks for it ([Property.Record]), so that the state's key covers
// it and visited-state pruning cannot hide a violation.
//
// Package properties imports semantics and nothing else from mcgo; it
// satisfies explore.Monitor structurally, without importing explore.
package properties

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/semantics"
)

// Property is one checkable property.
type Property struct {
	Name string
	// Doc says what the property means, in one paragraph.
	Doc string
	// Guarantee is true for properties that hold by construction in mcgo's
	// semantics (fifo, monitored_no_loss): checked so that users can see
	// them hold where no_loss fails.
	Guarantee bool
	// Record is the history the semantics must keep for the property.
	Record semantics.Record
	// Step judges a transition; ok=false is a violation.
	Step func(sys *semantics.System, from *semantics.State, step semantics.Step, to *semantics.State) (ok bool, msg string)
	// State judges a fresh state (nil: none).
	State func(sys *semantics.System, st *semantics.State) (ok bool, msg string)
	_     struct{}
}

// Deadlock: a state where nothing but budgeted faults can happen while some
// process waits in a receive outside the model's end states.
var Deadlock = &Property{
	Name: lang.PropDeadlock,
	Doc: "No reachable state is a deadlock: a state where no process step, delivery, timeout or " +
		"detection of a dead connection is enabled (faults that could still fire do not count) while " +
		"some live process waits in a receive outside the model's end_states.",
	State: func(sys *semantics.System, st *semantics.State) (bool, string) {
		dead, waiting := sys.Deadlocked(st)
		if !dead {
			return true, ""
		}
		parts := make([]string, len(waiting))
		for i, p := range waiting {
			parts[i] = fmt.Sprintf("%s waits at %s", sys.ProcLabel(st, p), sys.WaitPos(st, p))
		}
		return false, "deadlock: " + strings.Join(parts, "; ")
	},
}

// Crash: a process's own code ends it with an exception.
var Crash = &Property{
	Name: lang.PropCrash,
	Doc: "No process crashes: no process's own code ends it with an exception (a runtime error such " +
		"as badmatch or function_clause, erlang:error/1, an uncaught throw, or exit/1 with a reason " +
		"other than normal, shutdown or {shutdown, _}). Deaths from a node crash, halt, exit signals " +
		"or links are not crashes. This is how models state assertions.",
	// A state property: a process whose own code raised stays in the
	// state, ending, until its exit step; so a crash in the first run of
	// the initial process is seen too.
	State: func(sys *semantics.System, st *semantics.State) (bool, string) {
		for _, p := range st.Procs {
			if p.Ended() && p.Own {
				where := ""
				if p.RaisedAt.IsValid() {
					where = " at " + sys.Position(p.RaisedAt).String()
				}
				return false, fmt.Sprintf("process %s crashed with reason %s%s", sys.ProcLabel(st, p.Pid), sys.Label(p.Reason), where)
			}
		}
		return true, ""
	},
}

// NoLoss is the paper's streaming guarantee.
var NoLoss = &Property{
	Name: lang.PropNoLoss,
	Doc: "When a message from P to Q is delivered (put in Q's mailbox), every earlier message from P " +
		"to Q was delivered before it (the paper's streaming guarantee, its section 2.1). Messages that " +
		"reach a process that is already gone are not losses.",
	Record: semantics.RecordSeq,
	Step: func(sys *semantics.System, from *semantics.State, step semantics.Step, to *semantics.State) (bool, string) {
		for _, a := range step.Info.Appends {
			if a.User && a.Seq > a.Prev+1 {
				return false, fmt.Sprintf("message %s (number %d from %s to %s) was delivered, but %s before it never arrived: %s",
					sys.Label(a.Msg), a.Seq, sys.PidLabel(a.From), destLabel(sys, a.Dest), plural(a.Seq-a.Prev-1, "message"), rangeText(a.Prev+1, a.Seq-1))
			}
		}
		return true, ""
	},
}

// FIFO: messages between two processes are never delivered out of order.
var FIFO = &Property{
	Name: lang.PropFIFO,
	Doc: "Messages from one process to another are never delivered out of order (guaranteed by " +
		"Erlang, and by construction in mcgo's semantics).",
	Guarantee: true,
	Record:    semantics.RecordSeq,
	Step: func(sys *semantics.System, from *semantics.State, step semantics.Step, to *semantics.State) (bool, string) {
		for _, a := range step.Info.Appends {
			if a.User && a.Seq != 0 && a.Seq <= a.Prev {
				return false, fmt.Sprintf("message %s (number %d from %s to %s) was delivered after number %d",
					sys.Label(a.Msg), a.Seq, sys.PidLabel(a.From), destLabel(sys, a.Dest), a.Prev)
			}
		}
		return true, ""
	},
}

// MonitoredNoLoss is the paper's improved guarantee (its 4.2.2).
var MonitoredNoLoss = &Property{
	Name: lang.PropMonitoredNoLoss,
	Doc: "no_loss restricted to senders that monitor or link to the receiver and were not told it is " +
		"down before sending the later message (the paper's section 4.2.2; holds by construction).",
	Guarantee: true,
	Record:    semantics.RecordSeq,
	Step: func(sys *semantics.System, from *semantics.State, step semantics.Step, to *semantics.State) (bool, string) {
		for _, a := range step.Info.Appends {
			if a.User && a.Seq > a.Prev+1 && a.Sup != 0 && a.Sup <= a.Prev+1 {
				return false, fmt.Sprintf("message %s (number %d from %s to %s) was delivered though messages %s were lost while the sender monitored the receiver and was told nothing",
					sys.Label(a.Msg), a.Seq, sys.PidLabel(a.From), destLabel(sys, a.Dest), rangeText(a.Prev+1, a.Seq-1))
			}
		}
		return true, ""
	},
}

// Causal is pitfall 3's property.
var Causal = &Property{
	Name: lang.PropCausal,
	Doc: "Deliveries to one process respect the happens-before order of their sends: if sending m1 " +
		"happened before sending m2 and both go to Q, m2 is not delivered to Q before m1 (the three-party " +
		"guarantee of the paper's sections 2.2 and 4.3). A lost message is no_loss's business, not a " +
		"causal violation.",
	Record: semantics.RecordCausal,
	Step: func(sys *semantics.System, from *semantics.State, step semantics.Step, to *semantics.State) (bool, string) {
		for _, a := range step.Info.Appends {
			if a.User && a.Stamp > 0 && a.SeenStamp >= a.Stamp {
				return false, fmt.Sprintf("message %s from %s was delivered to %s after a message whose sending it happened before",
					sys.Label(a.Msg), sys.PidLabel(a.From), sys.PidLabel(a.To))
			}
		}
		return true, ""
	},
}

// PidUnique is pitfall 1's property.
var PidUnique = &Property{
	Name: lang.PropPidUnique,
	Doc: "A spawn never gives a new process a pid that an earlier process of the run had (the paper's " +
		"pitfall 1: after three restarts of a node the 2007 runtime's creation comes round).",
	Record: semantics.RecordPids,
	Step: func(sys *semantics.System, from *semantics.State, step semantics.Step, to *semantics.State) (bool, string) {
		for _, sp := range step.Info.Spawned {
			if sp.Reused {
				return false, fmt.Sprintf("new process %s got the pid of an earlier process: pid %s was already used in this run",
					sys.ProcLabel(to, sp.Pid), sys.PidLabel(sp.Pid))
			}
		}
		return true, ""
	},
}

// FDAccurate is pitfall 4's property.
var FDAccurate = &Property{
	Name: lang.PropFDAccurate,
	Doc: "Once a process was told (a DOWN or EXIT with reason noconnection, or nodedown for Q's node) " +
		"that Q is gone, nothing from that incarnation of Q is delivered to it afterwards (the paper's " +
		"pitfall 4: failure detection is imperfect).",
	Record: semantics.RecordTold,
	Step: func(sys *semantics.System, from *semantics.State, step semantics.Step, to *semantics.State) (bool, string) {
		for _, a := range step.Info.Appends {
			if a.User && a.ToldDown {
				return false, fmt.Sprintf("%s was told that %s is down, yet %s from it was delivered",
					sys.PidLabel(a.To), sys.PidLabel(a.From), sys.Label(a.Msg))
			}
		}
		return true, ""
	},
}

// All lists every property.
var All = []*Property{Deadlock, Crash, NoLoss, Causal, PidUnique, FDAccurate, FIFO, MonitoredNoLoss}

// Lookup returns the property with the given name.
func Lookup(name string) (*Property, bool) {
	for _, p := range All {
		if p.Name == name {
			return p, true
		}
	}
	return nil, false
}

// Names returns the names of all properties, sorted.
func Names() []string {
	var out []string
	for _, p := range All {
		out = append(out, p.Name)
	}
	sort.Strings(out)
	return out
}

// Select resolves property names.
func Select(names []string) ([]*Property, error) {
	var out []*Property
	seen := map[string]bool{}
	for _, n := range names {
		p, ok := Lookup(n)
		if !ok {
			return nil, fmt.Errorf("unknown property %q (known: %s)", n, strings.Join(Names(), ", "))
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, p)
		}
	}
	return out, nil
}

// Record returns the history the given properties need.
func Record(ps []*Property) semantics.Record {
	var r semantics.Record
	for _, p := range ps {
		r |= p.Record
	}
	return r
}

// Monitor adapts a property to the explorer's monitor interface.
type Monitor struct {
	P   *Property
	Sys *semantics.System
}

// Monitors returns the monitors of the given properties.
func Monitors(sys *semantics.System, ps []*Property) []*Monitor {
	out := make([]*Monitor, len(ps))
	for i, p := range ps {
		out[i] = &Monitor{P: p, Sys: sys}
	}
	return out
}

// Name is the property's name.
func (m *Monitor) Name() string { return m.P.Name }

// Check judges a transition.
func (m *Monitor) Check(from *semantics.State, step semantics.Step, to *semantics.State) (bool, string) {
	if m.P.Step == nil {
		return true, ""
	}
	return m.P.Step(m.Sys, from, step, to)
}

// Stuck judges a state without successors.
func (m *Monitor) Stuck(st *semantics.State) (bool, string) {
	if m.P.State == nil {
		return true, ""
	}
	return m.P.State(m.Sys, st)
}

// CheckState judges a fresh state.
func (m *Monitor) CheckState(st *semantics.State) (bool, string) {
	if m.P.State == nil {
		return true, ""
	}
	return m.P.State(m.Sys, st)
}

func destLabel(sys *semantics.System, d semantics.Dest) string {
	if d.ByName {
		return fmt.Sprintf("{%s,%s}", sys.Label(d.Name), sys.NodeName(d.Pid.Node))
	}
	return sys.PidLabel(d.Pid)
}

func plural(n uint32, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func rangeText(a, b uint32) string {
	if a == b {
		return fmt.Sprintf("number %d", a)
	}
	return fmt.Sprintf("numbers %d to %d", a, b)
}
