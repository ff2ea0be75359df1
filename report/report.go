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

// FormatVersion is the version of these objects' format.
const FormatVersion = 2

// Result is the object `mcgo check --format json` prints, one per line, per
// model (and variant and semantics) checked. Documented in
// docs/formats.md; the format_version changes when a field changes meaning.
type Result struct {
	FormatVersion int               `json:"format_version"`
	McgoVersion   string            `json:"mcgo_version"`
	File          string            `json:"file"`
	Variant       string            `json:"variant"`
	Semantics     string            `json:"semantics"`
	Verdict       string            `json:"verdict"`
	Property      string            `json:"property"`
	Message       string            `json:"message"`
	Incomplete    string            `json:"incomplete,omitempty"`
	Stats         Stats             `json:"stats"`
	TraceLength   int               `json:"trace_length"`
	Trace         []trace.Step      `json:"trace"`
	Config        map[string]string `json:"config"`
	Error         string            `json:"error,omitempty"`
	// Advice says what to do next after an incomplete search.
	Advice []string `json:"advice,omitempty"`
}

// Stats are the statistics of a result.
type Stats struct {
	States      int64   `json:"states"`
	Transitions int64   `json:"transitions"`
	Depth       int     `json:"depth"`
	Seconds     float64 `json:"seconds"`
	// States the partial-order reduction expanded by one receive and by
	// one delivery (absent with --por off and after a violation).
	ReducedReceives   int64 `json:"reduced_receives,omitempty"`
	ReducedDeliveries int64 `json:"reduced_deliveries,omitempty"`
	// TraceSeconds is the time spent after the search rebuilding the
	// counterexample (absent without one); Seconds does not include it.
	TraceSeconds float64 `json:"trace_seconds,omitempty"`
}

// TestResult is the object `mcgo test --format json` prints, one per
// line per model and variant: the object of `mcgo check --format json`
// with the expectation and whether it was met.
type TestResult struct {
	Result
	// Expected is "pass", "violation P", or "" when the model did not
	// load.
	Expected string `json:"expected"`
	OK       bool   `json:"ok"`
}
