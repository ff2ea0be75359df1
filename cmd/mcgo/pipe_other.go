//go:build !unix

package main

// reportToBrokenPipe does nothing: there is no SIGPIPE.
func reportToBrokenPipe() {}
