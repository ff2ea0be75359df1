// Command mcgo is a model checker for distributed Erlang programs.
//
// The command is wiring only: each subcommand has a constructor that
// declares its flags into an options struct and a run function that does
// the work through the library packages (lang, semantics, explore,
// statestore, properties, trace). See docs/usage.md.
package main

import "os"

func main() {
	os.Exit(Main())
}
