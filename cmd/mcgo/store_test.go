package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// gridModel has two processes that each take 300 steps: 90,000 states
// without the reduction, enough for a queue of several blocks.
const gridModel = `-module(grid).
-export([start/0, tick/1]).
start() -> spawn(grid, tick, [0]), tick(0).
tick(N) when N < 300 -> receive after 0 -> tick(N + 1) end;
tick(_) -> ok.
`

// TestCorruptStore: a disk store damaged between a run and its resume is
// bad input (exit 2) with the damaged file named, never an internal
// failure (70) or a verdict.
func TestCorruptStore(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "grid.erl")
	if err := os.WriteFile(model, []byte(gridModel), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		args = append([]string{"check", "--quiet", "--por", "off", "--store", "disk"}, append(args, model)...)
		code := run(context.Background(), args, &stdout, &stderr)
		return code, stderr.String()
	}
	blocks := func(store string) []string {
		b, _ := filepath.Glob(filepath.Join(store, "queue", "*.blk"))
		sort.Strings(b)
		if len(b) < 2 {
			t.Fatalf("%s: %d queue blocks, want at least 2", store, len(b))
		}
		return b
	}
	tests := []struct {
		name   string
		damage func(store string) string // returns the file the error must name
	}{
		{"head block cut short", func(store string) string {
			b := blocks(store)[0]
			os.Truncate(b, 100)
			return b
		}},
		{"later block cut short", func(store string) string {
			bs := blocks(store)
			b := bs[len(bs)-1]
			os.Truncate(b, 100)
			return b
		}},
		{"later block overwritten", func(store string) string {
			bs := blocks(store)
			b := bs[len(bs)-1]
			data, _ := os.ReadFile(b)
			for i := range data[:len(data)/2] {
				data[i] = 0
			}
			os.WriteFile(b, data, 0o644)
			return b
		}},
		{"head block removed", func(store string) string {
			b := blocks(store)[0]
			os.Remove(b)
			return b
		}},
		{"database table cut short", func(store string) string {
			tables, _ := filepath.Glob(filepath.Join(store, "db", "*.sst"))
			if len(tables) == 0 {
				t.Fatal("no badger table to damage")
			}
			fi, _ := os.Stat(tables[0])
			os.Truncate(tables[0], fi.Size()/2)
			return tables[0]
		}},
		{"database table overwritten", func(store string) string {
			// Badger read the footer's lengths unchecked and panicked in
			// a goroutine of its own: mcgo died with a goroutine dump.
			tables, _ := filepath.Glob(filepath.Join(store, "db", "*.sst"))
			if len(tables) == 0 {
				t.Fatal("no badger table to damage")
			}
			data, _ := os.ReadFile(tables[0])
			for i := range data {
				data[i] ^= 0x5a
			}
			os.WriteFile(tables[0], data, 0o644)
			return tables[0]
		}},
		{"manifest cut short", func(store string) string {
			m := filepath.Join(store, "manifest.json")
			os.Truncate(m, 10)
			return m
		}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := filepath.Join(dir, "store", string(rune('a'+i)))
			if code, stderr := check("--store-dir", store, "--max-states", "20000"); code != exitIncomplete {
				t.Fatalf("first run: exit %d\n%s", code, stderr)
			}
			file := tt.damage(store)
			code, stderr := check("--store-dir", store, "--resume")
			if code != exitUsage || !strings.Contains(stderr, file) {
				t.Errorf("resume: exit %d, stderr %q; want exit 2 and %s", code, stderr, file)
			}
			if !strings.Contains(stderr, "corrupt store") && !strings.Contains(stderr, "checksum") && !strings.Contains(stderr, "Opening table") {
				t.Errorf("resume: stderr %q does not say the store is damaged", stderr)
			}
		})
	}
}
