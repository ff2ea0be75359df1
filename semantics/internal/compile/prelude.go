package compile

import (
	"embed"
)

// The prelude: library modules written in Erlang and compiled with every
// model, kept as .erl files under prelude/ (each named after its module, so
// that erlc compiles them too; .ci/run does): the higher-order functions of
// lists and maps (their funs may have effects, so they must run as Erlang
// code in the process machine), timer:sleep/1, and mcgo's own helpers for spawning and
// send_after ('$mcgo'). First-order library functions are Go built-ins.
//
// prelude/lists.erl and prelude/maps.erl keep OTP 25's lists.erl and
// maps.erl (stdlib-4.2, Apache License 2.0) for the functions they take
// from there, with that attribution in the files.
//
//go:embed prelude/*.erl
var preludeFS embed.FS

// PreludeOrder fixes the compilation order of the prelude's files
// (function indices must not depend on the order of a directory listing).
var PreludeOrder = []string{"$mcgo.erl", "lists.erl", "timer.erl", "maps.erl"}

// PreludeSource returns the text of one file of the prelude.
func PreludeSource(name string) []byte {
	b, err := preludeFS.ReadFile("prelude/" + name)
	if err != nil {
		panic("prelude: " + err.Error())
	}
	return b
}
