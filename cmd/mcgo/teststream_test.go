package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lineClock records when each line was written.
type lineClock struct {
	mu    sync.Mutex
	start time.Time
	buf   bytes.Buffer
	lines []string
	at    []time.Duration
}

func (c *lineClock) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Write(p)
	for {
		line, err := c.buf.ReadString('\n')
		if err != nil {
			c.buf.WriteString(line)
			break
		}
		c.lines = append(c.lines, strings.TrimSuffix(line, "\n"))
		c.at = append(c.at, time.Since(c.start))
	}
	return len(p), nil
}

// when returns when the line starting with prefix was written, and its
// index.
func (c *lineClock) when(t *testing.T, prefix string) (time.Duration, int) {
	t.Helper()
	for i, l := range c.lines {
		if strings.HasPrefix(l, prefix) {
			return c.at[i], i
		}
	}
	t.Fatalf("no line starts with %q:\n%s", prefix, strings.Join(c.lines, "\n"))
	return 0, 0
}

const quickModel = `-module(quick).
-export([start/0]).
-mcgo({expect, pass}).
start() -> ok.
`

func writeModels(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestTestStreams: mcgo test prints each model's line as soon as it is
// decided, not a table at the end: the quick model's line comes long
// before the endless model's time limit ends the run.
func TestTestStreams(t *testing.T) {
	dir := writeModels(t, map[string]string{"a.erl": quickModel, "b.erl": endless})
	out := &lineClock{start: time.Now()}
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"test", "--workers", "1", "--time-limit", "2s", dir}, out, &stderr)
	total := time.Since(out.start)
	if code != exitIncomplete {
		t.Fatalf("exit code %d, want %d\n%s%s", code, exitIncomplete, strings.Join(out.lines, "\n"), stderr.String())
	}
	a, _ := out.when(t, filepath.Join(dir, "a.erl")+" ")
	b, _ := out.when(t, filepath.Join(dir, "b.erl")+" ")
	if a > b-time.Second || b < 2*time.Second || total < 2*time.Second {
		t.Errorf("a.erl's line at %v, b.erl's at %v, the end at %v: want a.erl's at once, b.erl's after its 2s limit", a, b, total)
	}
}

// TestTestJobs: with --jobs 2 two endless models run at once (their lines
// come within a second or two of each other, not one 3 s time limit
// apart), and the lines come in input order even when a later model (the
// quick one) is decided first.
func TestTestJobs(t *testing.T) {
	dir := writeModels(t, map[string]string{"a.erl": endless, "b.erl": quickModel, "c.erl": endless})
	out := &lineClock{start: time.Now()}
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"test", "--jobs", "2", "--time-limit", "3s", dir}, out, &stderr)
	if code != exitIncomplete {
		t.Fatalf("exit code %d, want %d\n%s%s", code, exitIncomplete, strings.Join(out.lines, "\n"), stderr.String())
	}
	a, ia := out.when(t, filepath.Join(dir, "a.erl")+" ")
	b, ib := out.when(t, filepath.Join(dir, "b.erl")+" ")
	c, ic := out.when(t, filepath.Join(dir, "c.erl")+" ")
	if !(ia < ib && ib < ic) {
		t.Errorf("lines out of order:\n%s", strings.Join(out.lines, "\n"))
	}
	if b < a {
		t.Errorf("b.erl's line at %v, before a.erl's at %v", b, a)
	}
	// One after the other, c.erl would end a time limit after a.erl.
	if c-a > 2*time.Second {
		t.Errorf("a.erl's line at %v, c.erl's at %v: the two endless models did not run at once", a, c)
	}
}
