// Package report holds the objects that mcgo check and mcgo test print
// with --format json, one per line, for Go programs that read them:
//
//	dec := json.NewDecoder(out)
//	for {
//		var r report.Result
//		if err := dec.Decode(&r); err != nil { ... }
//	}
//
// docs/formats.md documents every field; FormatVersion changes when a field
// changes meaning (added fields keep it).
package report

import "github.com/mcgo-dev/mcgo/trace"

// FormatVersion is the version of these objects' format. Version 2
// writes null for absent values (version 1: "" or 0, or no field),
// structured configuration values (version 1: Erlang terms as strings), a
// status per property, and the verdict "unsupported".
const FormatVersion = 2

// Result is the object `mcgo check --format json` prints, one per line, per
// model (and variant and semantics) checked. Documented in
// docs/formats.md; the format_version changes when a field changes meaning.
// A pointer or slice field is null when it does not apply.
type Result struct {
	FormatVersion int     `json:"format_version"`
	McgoVersion   string  `json:"mcgo_version"`
	File          string  `json:"file"`
	Variant       *string `json:"variant"`   // null: the base configuration
	Semantics     *string `json:"semantics"` // null: the model did not load
	Verdict       string  `json:"verdict"`
	// Property and Message: the violated property and why (null unless
	// the verdict is violation).
	Property *string `json:"property"`
	Message  *string `json:"message"`
	// Incomplete: why the search was incomplete (null unless it was).
	Incomplete *string `json:"incomplete"`
	// Properties: each checked property and what the run established of
	// it (null when the model did not load).
	Properties []PropertyStatus `json:"properties"`
	Stats      *Stats           `json:"stats"` // null: no search ran
	// TraceLength and Trace: the counterexample (0 and null without one).
	TraceLength int          `json:"trace_length"`
	Trace       []trace.Step `json:"trace"`
	// Config: the effective configuration, each key's value as JSON
	// (docs/formats.md); null when the model did not load.
	Config map[string]any `json:"config"`
	Error  *string        `json:"error"` // null unless the verdict is error
	// Advice says what to do next after an incomplete search (null
	// otherwise).
	Advice []string `json:"advice"`
}

// PropertyStatus is what a run established of one property.
type PropertyStatus struct {
	Name string `json:"name"`
	// Status is "holds" (the search was complete and found no
	// violation), "violated", or "unknown" (the search stopped first: a
	// limit, or another property's violation).
	Status string `json:"status"`
}

// Stats are the statistics of a result.
type Stats struct {
	States      int64   `json:"states"`
	Transitions int64   `json:"transitions"`
	Depth       int     `json:"depth"`
	Seconds     float64 `json:"seconds"`
	// States the partial-order reduction expanded by one receive and by
	// one delivery (null with --por off and after a violation).
	ReducedReceives   *int64 `json:"reduced_receives"`
	ReducedDeliveries *int64 `json:"reduced_deliveries"`
	// TraceSeconds is the time spent after the search rebuilding the
	// counterexample (null without one); Seconds does not include it.
	TraceSeconds *float64 `json:"trace_seconds"`
}

// TestResult is the object `mcgo test --format json` prints, one per
// line per model and variant: the object of `mcgo check --format json`
// with the expectation and whether it was met.
type TestResult struct {
	Result
	// Expected is "pass", "violation P", or null when the model did not
	// load.
	Expected *string `json:"expected"`
	OK       bool    `json:"ok"`
}
