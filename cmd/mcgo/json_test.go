package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mcgo-dev/mcgo/report"
	"github.com/mcgo-dev/mcgo/trace"
)

// TestJSONResultStable keeps the --format json object stable: its fields,
// their JSON names and their types are a documented interface
// (docs/formats.md). A change here must come with a format_version bump or
// be an added field.
func TestJSONResultStable(t *testing.T) {
	want := []string{
		"format_version int", "mcgo_version string", "file string", "variant *string", "semantics *string",
		"verdict string", "property *string", "message *string", "incomplete *string",
		"properties []report.PropertyStatus", "stats *report.Stats", "trace_length int", "trace []trace.Step",
		"config map[string]interface {}", "error *string", "advice []string",
	}
	if got := jsonFields(reflect.TypeOf(report.Result{})); !reflect.DeepEqual(got, want) {
		t.Errorf("report.Result fields changed:\n got %q\nwant %q", got, want)
	}
	wantStats := []string{"states int64", "transitions int64", "depth int", "seconds float64",
		"reduced_receives *int64", "reduced_deliveries *int64", "trace_seconds *float64"}
	if got := jsonFields(reflect.TypeOf(report.Stats{})); !reflect.DeepEqual(got, wantStats) {
		t.Errorf("report.Stats fields changed:\n got %q\nwant %q", got, wantStats)
	}
	// The step objects of traces are part of the same contract.
	wantStep := []string{
		"n int", "index uint32", "kind string", "action string", "node string", "pid,omitempty string",
		"proc,omitempty string", "text string", "term,omitempty string", "pos,omitempty *trace.Pos",
		"fault,omitempty bool", "target_nodes,omitempty []string", "lost,omitempty []string",
		"notes,omitempty []string", "output,omitempty string", "violation,omitempty bool",
		"events,omitempty []trace.Event", "state *trace.State",
	}
	if got := jsonFields(reflect.TypeOf(trace.Step{})); !reflect.DeepEqual(got, wantStep) {
		t.Errorf("trace.Step fields changed:\n got %q\nwant %q", got, wantStep)
	}
	// mcgo test's object is check's with the expectation.
	wantTest := []string{" report.Result", "expected *string", "ok bool"}
	if got := jsonFields(reflect.TypeOf(report.TestResult{})); !reflect.DeepEqual(got, wantTest) {
		t.Errorf("Testreport.Result fields changed:\n got %q\nwant %q", got, wantTest)
	}
	if got := jsonFields(reflect.TypeOf(report.PropertyStatus{})); !reflect.DeepEqual(got, []string{"name string", "status string"}) {
		t.Errorf("report.PropertyStatus fields changed: %q", got)
	}
	if report.FormatVersion != 2 || trace.FormatVersion != 1 {
		t.Errorf("format versions changed: update docs/formats.md and this test")
	}
}

func jsonFields(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if (tag == "" && !f.Anonymous) || tag == "-" {
			continue
		}
		out = append(out, tag+" "+strings.TrimPrefix(f.Type.String(), ""))
	}
	return out
}
