//go:build unix

package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// endless has no end: its counter makes every state new, so a search runs
// until it is stopped.
const endless = `-module(endless).
-export([start/0, count/1]).
-mcgo({expect, pass}).
start() -> count(0).
count(N) -> self() ! N, receive M -> count(M + 1) end.
`

// TestSIGTERM sends SIGTERM, as CI runners do to cancel a job, to a
// running check and a running test: each stops as Ctrl-C does, with the
// report of what it explored, verdict incomplete, exit code 3.
func TestSIGTERM(t *testing.T) {
	bin, err := exec.LookPath("mcgo")
	if err != nil {
		t.Skipf("the mcgo command of testscript.Main is not on PATH: %v", err)
	}
	dir := t.TempDir()
	model := filepath.Join(dir, "endless.erl")
	if err := os.WriteFile(model, []byte(endless), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want *regexp.Regexp
	}{
		{[]string{"check", "--workers", "1", "--progress", model},
			regexp.MustCompile(`(?m)endless.erl: incomplete: interrupted; .*\n(.*\n)*  states: [1-9][0-9]*  transitions`)},
		{[]string{"test", "--workers", "1", "--progress", model},
			regexp.MustCompile(`(?m)endless.erl +pass +incomplete \(interrupted\) +[1-9][0-9]* `)},
	} {
		t.Run(tc.args[0], func(t *testing.T) {
			cmd := exec.Command(bin, tc.args...)
			var stdout bytes.Buffer
			cmd.Stdout = &stdout
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The first progress line says the search is under way.
			sc := bufio.NewScanner(stderr)
			var errText strings.Builder
			started := false
			for sc.Scan() {
				errText.WriteString(sc.Text() + "\n")
				if strings.Contains(sc.Text(), "states/s") {
					started = true
					break
				}
			}
			if !started {
				cmd.Wait()
				t.Fatalf("no progress line; stderr:\n%s", errText.String())
			}
			go func() {
				for sc.Scan() {
				}
			}()
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 20s after SIGTERM")
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitIncomplete {
				t.Fatalf("exit: %v, want exit code %d\nstdout:\n%s", err, exitIncomplete, stdout.String())
			}
			if !tc.want.Match(stdout.Bytes()) {
				t.Errorf("stdout does not match %s:\n%s", tc.want, stdout.String())
			}
		})
	}
}
