package trace_test

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/mcgo-dev/mcgo/trace"
)

// FuzzDecode checks the trace reader behind `trace show`, `trace show
// --msc`, `trace html` and `replay`: no input may make decoding or any
// rendering of a decoded trace panic, and a trace that decodes encodes to
// one that decodes again. The seeds are the traces of the paper's
// counterexamples and damaged copies of them (a path entry removed, a
// step's state removed, steps cut short); crashers are kept in
// testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	for _, model := range htmlModels {
		tf := violation(f, model)
		var b bytes.Buffer
		if err := tf.Write(&b); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
		for _, damage := range damages {
			var m map[string]any
			if err := json.Unmarshal(b.Bytes(), &m); err != nil {
				f.Fatal(err)
			}
			damage.f(m)
			data, _ := json.Marshal(m)
			f.Add(data)
		}
	}
	f.Add([]byte(`{"format_version":1,"path":[0],"property":"p","initial":{"nodes":null,"procs":null},"steps":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tf, err := trace.Decode("fuzz.json", data)
		if err != nil {
			return
		}
		tf.WriteText(io.Discard)
		for _, w := range []int{0, 1, 40, 100, 1000} {
			tf.WriteMSC(io.Discard, w)
		}
		if err := trace.WriteHTML(io.Discard, tf, map[string][]byte{tf.File: []byte("-module(m).\n")}); err != nil {
			t.Errorf("WriteHTML: %v", err)
		}
		var b bytes.Buffer
		if err := tf.Write(&b); err != nil {
			t.Fatalf("Write: %v", err)
		}
		if _, err := trace.Decode("again.json", b.Bytes()); err != nil {
			t.Errorf("a decoded trace, written again, does not decode: %v", err)
		}
	})
}

// damages are the ways a trace file is cut or edited by hand that the
// reader must refuse, with the field they concern.
var damages = []struct {
	name, want string
	f          func(m map[string]any)
}{
	{"path entry removed", "path has 8 entries and steps 8", func(m map[string]any) {
		p := m["path"].([]any)
		m["path"] = p[:len(p)-1]
	}},
	{"states removed", "steps[0].state: missing", func(m map[string]any) {
		for _, s := range m["steps"].([]any) {
			delete(s.(map[string]any), "state")
		}
	}},
	{"steps cut short", "path has 9 entries and steps 4", func(m map[string]any) {
		s := m["steps"].([]any)
		m["steps"] = s[:4]
	}},
	{"no initial state", "initial: missing", func(m map[string]any) { delete(m, "initial") }},
	{"newer format", "format_version 99 is newer", func(m map[string]any) { m["format_version"] = 99 }},
	{"unknown kind", "steps[1].kind: unknown kind \"teleport\"", func(m map[string]any) {
		m["steps"].([]any)[1].(map[string]any)["kind"] = "teleport"
	}},
	{"steps out of order", "steps[2].n: 2, expected 3", func(m map[string]any) {
		m["steps"].([]any)[2].(map[string]any)["n"] = 2
	}},
	{"index not the path's", "steps[0].index: 7, but path[1] is", func(m map[string]any) {
		m["steps"].([]any)[0].(map[string]any)["index"] = 7
	}},
	{"unknown event", "events[0].type: unknown type \"teleport\"", func(m map[string]any) {
		for _, s := range m["steps"].([]any) {
			if ev, ok := s.(map[string]any)["events"].([]any); ok && len(ev) > 0 {
				ev[0].(map[string]any)["type"] = "teleport"
				return
			}
		}
	}},
}

// TestDecodeRefuses checks that Decode refuses each damaged trace of comm
// (8 steps) with an error that names the field.
func TestDecodeRefuses(t *testing.T) {
	tf := violation(t, "../models/comm.erl")
	var b bytes.Buffer
	if err := tf.Write(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := trace.Decode("t.json", b.Bytes()); err != nil {
		t.Fatalf("the undamaged trace: %v", err)
	}
	for _, d := range damages {
		t.Run(d.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(b.Bytes(), &m); err != nil {
				t.Fatal(err)
			}
			d.f(m)
			data, _ := json.Marshal(m)
			_, err := trace.Decode("t.json", data)
			if err == nil || !bytes.Contains([]byte(err.Error()), []byte(d.want)) {
				t.Errorf("got %v, want an error containing %q", err, d.want)
			}
		})
	}
}
