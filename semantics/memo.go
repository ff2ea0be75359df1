package semantics

import (
	"sync/atomic"

	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Memoized local steps. The processes of states are shared and never
// changed (Proc.sh): with compact keys each is the intern table's copy,
// with full keys a decoded process is shared by the states that decode
// to it. And what some steps do to a process depends on that process
// alone:
//
//   - a receive takes a message from the process's own mailbox and runs
//     its code to its next effect;
//   - a timeout (receive ... after) runs the after body likewise;
//   - after a send to another process by pid (whose effect on the rest of
//     the state is performed each time), the sender runs its code on;
//   - the delivery of a message signal appends the message to the
//     receiver's mailbox.
//
// The process machine runs a process's code without reading the rest of
// the state (effects end a run), but for make_ref/0, whose number
// depends on the references in use anywhere on the node: a step that made
// a reference is never remembered. Otherwise each of these steps maps a
// shared process (and, for an arrival, a message) to one process. Each
// shared process keeps a short list of the steps it took: a later step of
// the same kind from the same process (in any state) takes the result
// from there instead of running the code, encoding the new process and,
// with compact keys, finding it in the intern table. Successors, labels and
// keys are the same either way (TestMemo compares every successor of
// every reachable state of the example models with and without the memo;
// testdata/memo holds models of what must not be remembered).
//
// A step is remembered only when it stayed local: it ended no process,
// raised nothing, reached no bound (the bounds a local step can reach,
// stack depth and mailbox size, depend on the process alone, so a step
// that reached one is computed again each time), and no causal history
// is recorded (message clocks are part of a mailbox).

// memoKey names a local step of a process: its kind and, for a
// delivery, the fingerprint of the signal.
type memoKey struct {
	b    uint64
	kind StepKind
}

// memoEntry is a remembered step: the interned process it ends in and
// the label fields it sets. The entries of a process form a list from
// its memo field, to which entries are only ever prepended.
type memoEntry struct {
	key  memoKey
	res  *Proc
	msg  term.Term // StepReceive: the message taken
	pos  token.Pos
	next *memoEntry
	// msgName is, for a send (StepEffect), the interned name of the
	// message, set when first needed (racing workers set the same value).
	msgName atomic.Uint64
}

// memoLocal is the kind of memo key of a message put in a mailbox by a
// send on the same node, named by the message's interned encoding (not a
// signal's).
const memoLocal StepKind = 255

// maxMemo bounds the entries of one process: a process that receives
// many different signals keeps the first few.
const maxMemo = 16

// memoLookup returns the entry of shared process p for k, or nil.
func (p *Proc) memoLookup(k memoKey) *memoEntry {
	for e := p.sh.memo.Load(); e != nil; e = e.next {
		if e.key == k {
			return e
		}
	}
	return nil
}

// memoInsert adds e to the entries of shared process p unless k is
// there already or the list is full. Workers race only to add entries
// for the same step, which are equal.
func (p *Proc) memoInsert(e *memoEntry) {
	for {
		head := p.sh.memo.Load()
		n := 0
		for f := head; f != nil; f = f.next {
			if f.key == e.key || n == maxMemo {
				return
			}
			n++
		}
		e.next = head
		if p.sh.memo.CompareAndSwap(head, e) {
			return
		}
	}
}

// memoPending is a step being computed whose result may be remembered
// (from is nil when there is none): the process from.Pid ends it in the
// state's Procs.
type memoPending struct {
	from *Proc
	key  memoKey
}

// memoFrom returns the shared process pid of the step's starting state
// when its local steps may be memoized, and its index, or nil.
func (x *stepper) memoFrom(pid term.Pid) (*Proc, int) {
	if !x.sys.memo || x.sys.opts.Record&RecordCausal != 0 || x.isDying(pid) || x.e.isOwned(pid) {
		return nil, -1
	}
	i := x.e.s.proc(pid)
	if i < 0 {
		return nil, -1
	}
	p := x.e.s.Procs[i]
	if !p.shared() {
		return nil, -1
	}
	return p, i
}

// memoStep takes the result of a receive or timeout of pid from the memo
// and reports whether it did; when it did not, the step is computed and
// remembered (memoRecord).
func (x *stepper) memoStep(kind StepKind, pid term.Pid) bool {
	p, i := x.memoFrom(pid)
	if p == nil {
		return false
	}
	e := x.memoLookup(p, memoKey{kind: kind})
	if e == nil {
		return false
	}
	x.e.procs()[i] = e.res
	x.info.Msg = e.msg
	x.info.Pos = e.pos
	return true
}

// memoSend performs the effect of pid when it sends to another process
// by pid, and takes the sender's continuation from the memo, reporting
// whether it did. The continuation runs the sender's code from the
// message, which send returns, so it depends on the sender alone.
func (x *stepper) memoSend(pid term.Pid) bool {
	p, _ := x.memoFrom(pid)
	if p == nil || p.Eff != compile.EffSend || p.NArgs != 2 {
		return false
	}
	k := len(p.Stack)
	args := p.Stack[k-2 : k : k]
	to, ok := args[0].(term.Pid)
	if !ok || to == pid {
		return false
	}
	e := x.memoLookup(p, memoKey{kind: StepEffect})
	if e == nil {
		return false
	}
	x.info.Pos = e.pos
	x.info.Eff = compile.EffSend
	x.info.Args = args
	if to.Node == pid.Node && x.sys.sigTab != nil {
		// The message goes straight into the mailbox of to: name it, so
		// that the arrival can come from the receiver's memo too.
		name := e.msgName.Load()
		if name == 0 {
			name = x.sys.termName(args[1])
			e.msgName.Store(name)
		}
		x.localName = name
	}
	x.sendPid(p, to, Dest{Pid: to}, args[1])
	x.info.Result = args[1]
	x.e.procs()[x.e.s.proc(pid)] = e.res
	return true
}

// memoArrive appends a message to the mailbox of pid from the memo and
// reports whether it did. k names the message: the fingerprint of the
// signal that brought it (StepDeliver) or its own interned name
// (memoLocal).
func (x *stepper) memoArrive(pid term.Pid, k memoKey) bool {
	p, i := x.memoFrom(pid)
	if p == nil {
		return false
	}
	e := x.memoLookup(p, k)
	if e == nil {
		return false
	}
	x.e.procs()[i] = e.res
	return true
}

// memoLookup returns the entry of p, a process of the step's starting
// state, for k; when there is none, the step is computed and remembered
// once the successor is sealed (memoRecord).
func (x *stepper) memoLookup(p *Proc, k memoKey) *memoEntry {
	e := p.memoLookup(k)
	if e == nil {
		x.pending = memoPending{from: p, key: k}
	}
	return e
}

// termName returns the interned name of a term's encoding (in the table
// of signals, whose names are unique among all encodings).
func (s *System) termName(t term.Term) uint64 {
	enc := s.appendTerm(nil, t)
	return s.sigTab.intern(&encoded{fp: s.fingerprint(enc), enc: enc}, func(x *encoded) *encoded { return x }).fp
}

// memoRecord remembers the pending step once the successor is sealed, if
// it stayed local.
func (x *stepper) memoRecord() {
	pd := x.pending
	x.pending = memoPending{}
	if x.m.Bound != "" || x.m.Impure || len(x.info.Ends) > 0 || len(x.info.Raised) > 0 || len(x.info.Spawned) > 0 {
		return
	}
	r := x.e.s.Proc(pd.from.Pid)
	if r == nil {
		return
	}
	if !r.shared() {
		// Full keys (with compact ones sealing shared every process): a
		// sealed process has its encoding, all a key needs; remember a
		// copy of its own.
		r = r.persist()
	}
	e := &memoEntry{key: pd.key, res: r, pos: x.info.Pos}
	if pd.key.kind == StepReceive {
		e.msg = x.info.Msg
	}
	pd.from.memoInsert(e)
}
