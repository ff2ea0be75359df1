//go:build unix

package main

import (
	"os/signal"
	"syscall"
)

// reportToBrokenPipe makes a write to a closed pipe an error (EPIPE) that
// the report's writer sees, instead of a SIGPIPE that kills mcgo without
// its report or its exit code (`mcgo check | head -1`).
func reportToBrokenPipe() { signal.Ignore(syscall.SIGPIPE) }
