package vm

import (
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// PStatus is what a process is doing.
type PStatus uint8

const (
	// StRun: the process has run its pure code up to an effect and waits to
	// perform it; the top frame's PC is the instruction that requests it.
	StRun PStatus = iota
	// StWait: the process waits in a receive (the top frame's PC is at OpRecv).
	StWait
	// StExit: the process's code has ended (normally or with an exception);
	// its termination (links, monitors) is the next step.
	StExit
	// StSpawnWait: the process waits for the reply to a remote spawn.
	StSpawnWait
)

// Frame is one activation: which function, where in it, and where its slots
// start in the process's stack.
type Frame struct {
	Fn   int32
	PC   int32
	Base int32
}

// Handler is an active try or catch.
type Handler struct {
	Frame int32 // frame index
	SP    int32 // stack height to restore
	PC    int32 // where the handler continues
}

// Proc is the part of a process that its code runs on: what the
// machine reads and writes. Everything else it reads goes through the
// [Host].
type Proc struct {
	Pid    term.Pid
	St     PStatus
	NArgs  uint8          // StRun: its number of arguments (on the top of the stack)
	Eff    compile.Effect // StRun: the requested effect
	Frames []Frame
	Stack  []term.Term
	Hand   []Handler
	Reason term.Term // StExit: the exit reason
	// RaisedAt is where the exception that ended the process was raised.
	RaisedAt token.Pos
	Own      bool // StExit: the process's own code raised (a crash candidate)
	// Dict is the process dictionary (put/2, get/1...), nil when empty.
	// It is never changed in place: put and erase make a new one, so
	// copies of the process share it (a pointer: 8 bytes per copy).
	Dict *Dict
}

// Dict is a process dictionary: its entries sorted by key
// (term.CompareExact), so that equal dictionaries encode equally.
type Dict struct {
	Entries []DictEntry
}

// DictEntry is a key of the process dictionary and its value.
type DictEntry struct {
	Key, Val term.Term
}
