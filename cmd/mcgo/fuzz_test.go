package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// commTrace checks models/comm.erl and returns the trace file it writes.
func commTrace(t testing.TB) (trace []byte, model string) {
	t.Helper()
	model, _ = filepath.Abs("../../models/comm.erl")
	out := filepath.Join(t.TempDir(), "t.json")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"check", "--quiet", "--trace-out", out, model}, &stdout, &stderr); code != exitViolation {
		t.Fatalf("check comm: exit %d\n%s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data, model
}

// FuzzTraceCommands runs `replay`, `trace show`, `trace show --msc` and
// `trace html` on a trace file of the fuzzer's making, against comm: each
// must end with 0, 1 (replay: the trace no longer fits) or 2 (a clear
// error), never a recovered panic (70). The seeds are comm's trace and
// copies damaged as a user might (an entry of the path removed, the states
// removed, steps cut short); crashers are kept in
// testdata/fuzz/FuzzTraceCommands.
func FuzzTraceCommands(f *testing.F) {
	data, model := commTrace(f)
	f.Add(data)
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		f.Fatal(err)
	}
	for _, cut := range []func(m map[string]any){
		func(m map[string]any) { p := m["path"].([]any); m["path"] = p[:len(p)-1] },
		func(m map[string]any) {
			p := m["path"].([]any)
			m["path"] = p[:len(p)-1]
			s := m["steps"].([]any)
			m["steps"] = s[:len(s)-1]
		},
		func(m map[string]any) { m["path"].([]any)[3] = 99 },
		func(m map[string]any) { m["config"].(map[string]any)["nodes"] = "[a@h]" },
		func(m map[string]any) { m["variant"] = "nosuch" },
		func(m map[string]any) { m["property"] = "deadlock" },
	} {
		var c map[string]any
		json.Unmarshal(data, &c)
		cut(c)
		d, _ := json.Marshal(c)
		f.Add(d)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"replay", "--model", model, path},
			{"trace", "show", path},
			{"trace", "show", "--msc", path},
			{"trace", "html", path, "-o", filepath.Join(dir, "out.html")},
		} {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), args, &stdout, &stderr)
			if code != exitPass && code != exitUsage && !(code == exitViolation && args[0] == "replay") {
				t.Fatalf("mcgo %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
			}
			if code == exitUsage && stderr.Len() == 0 {
				t.Errorf("mcgo %s: exit 2 with nothing on stderr", strings.Join(args, " "))
			}
		}
	})
}

// TestReplayDamagedTrace: the reproductions of issue 21 on comm's trace.
func TestReplayDamagedTrace(t *testing.T) {
	data, model := commTrace(t)
	dir := t.TempDir()
	tests := []struct {
		name   string
		damage func(m map[string]any)
		args   []string
		code   int
		want   string
	}{
		{"path entry removed, replay", func(m map[string]any) { p := m["path"].([]any); m["path"] = p[:len(p)-1] },
			[]string{"replay"}, exitUsage, "not a valid trace: path has 8 entries and steps 8"},
		{"states removed, html", func(m map[string]any) {
			for _, s := range m["steps"].([]any) {
				delete(s.(map[string]any), "state")
			}
		}, []string{"trace", "html", "-o", filepath.Join(dir, "x.html")}, exitUsage, "steps[0].state: missing"},
		{"path and steps cut short, replay", func(m map[string]any) {
			p := m["path"].([]any)
			m["path"] = p[:len(p)-1]
			s := m["steps"].([]any)
			m["steps"] = s[:len(s)-1]
		}, []string{"replay"}, exitViolation, "no_loss no longer fails at the end"},
		{"unknown variant, replay", func(m map[string]any) { m["variant"] = "nosuch" },
			[]string{"replay"}, exitUsage, `variant: no variant "nosuch"`},
		{"unknown config key, replay", func(m map[string]any) { m["config"].(map[string]any)["colour"] = "red" },
			[]string{"replay"}, exitUsage, `config: unknown key "colour"`},
		{"other nodes, replay", func(m map[string]any) { m["config"].(map[string]any)["nodes"] = "['a@h', 'b@h']" },
			[]string{"replay"}, exitViolation, "no longer fits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
			tt.damage(m)
			d, _ := json.Marshal(m)
			path := filepath.Join(dir, "t.json")
			if err := os.WriteFile(path, d, 0o644); err != nil {
				t.Fatal(err)
			}
			args := append(append([]string(nil), tt.args...), path)
			if tt.args[0] == "replay" {
				args = append(args, "--model", model)
			}
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr.String(), tt.code, tt.want)
			}
			if strings.Contains(stdout.String(), "still fits") {
				t.Errorf("a damaged trace still fits: %s", stdout.String())
			}
		})
	}
}
