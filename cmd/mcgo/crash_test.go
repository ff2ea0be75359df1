package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// cubeModel has three processes that each take ?N steps: (N+1)^3 states
// without the reduction (3,442,951 for the default N = 150, about 10 s
// with the disk store on two cores).
const cubeModel = `-module(cube).
-export([start/0, tick/1]).
start() -> spawn(cube, tick, [0]), spawn(cube, tick, [0]), tick(0).
tick(N) when N < ?N -> receive after 0 -> tick(N + 1) end;
tick(_) -> ok.
`

var countsRx = regexp.MustCompile(`states: (\d+)  transitions: (\d+)`)

// TestCrashConsistency kills a disk-store run with SIGKILL at random
// moments, resumes it each time (the resumes are killed too), and requires
// the run that finally ends to give exactly the states, transitions and
// verdict of an uninterrupted run, in the spirit of badger's bank test.
// It runs when MCGO_CRASH_KILLS is set to the number of kills (.ci/run: 2;
// docs/reliability.md records a long form); MCGO_CRASH_SEED chooses the
// moments (default: the time, printed), MCGO_CRASH_N the model's size
// (default 150).
func TestCrashConsistency(t *testing.T) {
	kills, _ := strconv.Atoi(os.Getenv("MCGO_CRASH_KILLS"))
	if kills <= 0 {
		t.Skip("set MCGO_CRASH_KILLS=N to kill a disk-store run N times (.ci/run does)")
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("MCGO_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("MCGO_CRASH_SEED=%d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	n := "150"
	if s := os.Getenv("MCGO_CRASH_N"); s != "" {
		n = s
	}

	dir := t.TempDir()
	model := filepath.Join(dir, "cube.erl")
	if err := os.WriteFile(model, []byte(cubeModel), 0o644); err != nil {
		t.Fatal(err)
	}
	// The uninterrupted figures, with the memory store.
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"check", "--quiet", "--por", "off", "-D", "N=" + n, model}, &stdout, &stderr)
	want := countsRx.FindStringSubmatch(stdout.String())
	if code != exitPass || want == nil {
		t.Fatalf("uninterrupted run: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}

	// The test binary runs as mcgo under that name (testscript.Main).
	bin := filepath.Join(dir, "bin", "mcgo")
	os.MkdirAll(filepath.Dir(bin), 0o755)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, "store")
	args := []string{"check", "--quiet", "--por", "off", "-D", "N=" + n, "--workers", "2", "--store", "disk", "--store-dir", store, model}
	start := time.Now()
	killed, runs := 0, 0
	var out bytes.Buffer
	for {
		// Resume once the store has a run (a run killed before it
		// wrote its manifest did nothing, and is started again).
		a := args
		if _, err := os.Stat(filepath.Join(store, "manifest.json")); err == nil {
			a = append([]string{"check", "--resume"}, args[1:]...)
		}
		out.Reset()
		cmd := exec.Command(bin, a...)
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		runs++
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		if killed < kills {
			// A moment between 0.1 s and 2 s into the run: during the
			// open and resume, the first levels or the big ones.
			wait := time.Duration(100+rng.IntN(1900)) * time.Millisecond
			select {
			case err := <-done:
				t.Fatalf("run %d ended before its kill at %v (%v) after %d kills: a larger MCGO_CRASH_N is needed\n%s", runs, wait, err, killed, out.String())
			case <-time.After(wait):
				cmd.Process.Signal(syscall.SIGKILL)
				<-done
				killed++
				t.Logf("run %d killed after %v", runs, wait)
				continue
			}
		} else if err := <-done; err != nil {
			t.Fatalf("the last resume: %v\n%s", err, out.String())
		}
		break
	}
	got := countsRx.FindStringSubmatch(out.String())
	if got == nil || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("after %d kills and %d runs: %q; uninterrupted: %s states, %s transitions\n%s",
			killed, runs, got, want[1], want[2], out.String())
	}
	t.Logf("%d kills, %d runs, %v: %s states, %s transitions, as uninterrupted", killed, runs, time.Since(start).Round(time.Second), got[1], got[2])
}
