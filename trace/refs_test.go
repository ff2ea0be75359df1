package trace_test

import (
	"regexp"
	"testing"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/internal/mcgotest/modeltest"
	"github.com/mcgo-dev/mcgo/trace"
)

// TestRefsNamedOnce: a state reuses the number of a reference no longer in
// use, so the second monitor below gets the first one's number; the trace
// names each reference once, with the next number of its node.
func TestRefsNamedOnce(t *testing.T) {
	src := []byte(`-module(refs).
-export([start/0, peer/0]).
-mcgo({check, [crash]}).
-mcgo({expect, {violation, crash}}).
start() ->
    P = spawn(?MODULE, peer, []),
    R1 = erlang:monitor(process, P),
    erlang:demonitor(R1),
    R2 = erlang:monitor(process, P),
    R3 = make_ref(),
    P ! {R2, R3},
    erlang:error({R2, R3}).
peer() -> receive _ -> ok end.
`)
	m := modeltest.LoadSource(t, "refs.erl", src, nil)
	res, sys := modeltest.Check(t, m, modeltest.Expected(m.Config), explore.Options{Workers: 1})
	if res.Verdict != explore.Violated {
		t.Fatalf("verdict %v, want a violation of crash", res.Verdict)
	}
	f, err := trace.Build(sys, res.Violation, trace.Meta{File: "refs.erl", Search: "bfs"})
	if err != nil {
		t.Fatal(err)
	}
	var monitors []string
	sent := ""
	for _, st := range f.Steps {
		if m := regexp.MustCompile(`^monitor\(process, <[^>]*>\) = (#Ref<[^>]*>)$`).FindStringSubmatch(st.Text); m != nil {
			monitors = append(monitors, m[1])
		}
		if m := regexp.MustCompile(`^send (\{.*\}) to `).FindStringSubmatch(st.Text); m != nil {
			sent = m[1]
		}
	}
	if len(monitors) != 2 || monitors[0] != "#Ref<nonode.1>" || monitors[1] != "#Ref<nonode.2>" {
		t.Errorf("monitors return %q, want #Ref<nonode.1> then #Ref<nonode.2>", monitors)
	}
	if sent != "{#Ref<nonode.2>,#Ref<nonode.3>}" {
		t.Errorf("sent %q, want {#Ref<nonode.2>,#Ref<nonode.3>}", sent)
	}
}
