package semantics

import (
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Effects: what a process requests of the world. Each effect has a row in
// performers, the method that performs it, in the file of its family.

const (
	spawnLink    = 1
	spawnMonitor = 2
)

// effect performs an effect of process p (a private copy) with the given
// arguments. It returns the effect's value, or an exception to raise in p.
// If p dies or blocks during the effect, the caller does not resume it.
func (x *stepper) effect(p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc) {
	if int(eff) < len(performers) && performers[eff] != nil {
		return performers[eff](x, p, eff, args)
	}
	return nil, term.ErrorExc(term.AUndef)
}

// performer performs one effect of process p (see stepper.effect).
type performer func(x *stepper, p *Proc, eff compile.Effect, args []term.Term) (term.Term, *term.Exc)

// performers has a row for every effect (TestEveryEffectPerformed): the
// method that performs it, in the file of its family (signals.go,
// exits.go, processes.go, nodes.go, timers.go).
var performers = [compile.NumEffects]performer{
	compile.EffSend:         (*stepper).effSend,
	compile.EffSpawn:        (*stepper).effSpawn,
	compile.EffSpawnLink:    (*stepper).effSpawn,
	compile.EffSpawnMonitor: (*stepper).effSpawn,
	compile.EffLink:         (*stepper).effLink,
	compile.EffUnlink:       (*stepper).effUnlink,
	compile.EffMonitor:      (*stepper).effMonitor,
	compile.EffDemonitor:    (*stepper).effDemonitor,
	compile.EffMonitorNode:  (*stepper).effMonitorNode,
	compile.EffExit2:        (*stepper).effExit2,
	compile.EffProcessFlag:  (*stepper).effProcessFlag,
	compile.EffRegister:     (*stepper).effRegister,
	compile.EffUnregister:   (*stepper).effUnregister,
	compile.EffWhereis:      (*stepper).effWhereis,
	compile.EffRegistered:   (*stepper).effRegistered,
	compile.EffIsAlive:      (*stepper).effIsAlive,
	compile.EffHalt:         (*stepper).effHalt,
	compile.EffDisconnect:   (*stepper).effDisconnect,
	compile.EffPing:         (*stepper).effConnect,
	compile.EffConnect:      (*stepper).effConnect,
	compile.EffMonitorNodes: (*stepper).effMonitorNodes,
	compile.EffSendAfter:    (*stepper).effSendAfter,
	compile.EffCancelTimer:  (*stepper).effCancelTimer,
	compile.EffListToPid:    (*stepper).effListToPid,
	compile.EffIoFormat:     (*stepper).effIoFormat,
	compile.EffNodes:        (*stepper).effNodes,
	compile.EffYield:        (*stepper).effYield,
}
