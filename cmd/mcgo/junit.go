package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/mcgo-dev/mcgo/explore"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Body    string `xml:",cdata"`
}

// writeJUnit writes a JUnit XML report: one test suite per model (and
// variant and semantics), one test case per property.
func writeJUnit(w io.Writer, runs []*checkRun) {
	all := junitSuites{Name: "mcgo check"}
	for _, r := range runs {
		s := junitSuite{Name: runName(r, r.both)}
		secs := fmt.Sprintf("%.3f", r.res.Stats.Elapsed.Seconds())
		s.Time = secs
		props := r.props
		if len(props) == 0 {
			props = []string{"model"}
		}
		for _, p := range props {
			c := junitCase{Name: p, Classname: s.Name, Time: secs}
			switch {
			case r.err != nil:
				c.Error = &junitMessage{Message: errText(r.err), Type: "error"}
				s.Errors++
			case r.res.Verdict == explore.Violated && r.res.Violation != nil && r.res.Violation.Property == p:
				var b strings.Builder
				if r.trace != nil {
					r.trace.WriteText(&b)
				}
				c.Failure = &junitMessage{Message: r.res.Violation.Msg, Type: "violation", Body: b.String()}
				s.Failures++
			case r.res.Verdict == explore.Violated:
				c.Skipped = &junitMessage{Message: "not checked to the end: another property was violated first"}
			case r.res.Verdict == explore.Incomplete:
				c.Failure = &junitMessage{Message: "incomplete: " + incompleteText(r.res), Type: "incomplete"}
				s.Failures++
			case r.res.Verdict == explore.Unsupported && r.res.Violation != nil:
				// mcgo's gap, not the model's fault: an error, as a
				// case mcgo test cannot decide is.
				var b strings.Builder
				if r.trace != nil {
					r.trace.WriteText(&b)
				}
				c.Error = &junitMessage{Message: "unsupported: " + r.res.Violation.Msg, Type: "unsupported", Body: b.String()}
				s.Errors++
			}
			s.Cases = append(s.Cases, c)
			s.Tests++
		}
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Errors += s.Errors
		all.Suites = append(all.Suites, s)
	}
	io.WriteString(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	enc.Encode(all)
	io.WriteString(w, "\n")
}

// writeTestJUnit writes the JUnit XML report of mcgo test: one test case
// per model and variant, named by both, whose class is the model's file.
// A wrong verdict is a failure, with the expectation and what was found
// in its message and the trace (or the verdict) in its body; a case that
// could not be decided (incomplete, unsupported, not run) or had bad input
// is an error, typed so.
func writeTestJUnit(w io.Writer, cases []*testCase) {
	s := junitSuite{Name: "mcgo test"}
	total := 0.0
	for _, tc := range cases {
		c := junitCase{Name: testName(tc), Classname: tc.file, Time: "0.000"}
		r := tc.run
		if r != nil && r.err == nil {
			secs := (r.res.Stats.Elapsed + r.traceTime).Seconds()
			total += secs
			c.Time = fmt.Sprintf("%.3f", secs)
			c.SystemOut = fmt.Sprintf("expected %s, got %s: %d states, %d transitions, depth %d",
				expectText(tc.expect), tc.got, r.res.Stats.States, r.res.Stats.Transitions, r.res.Stats.Depth)
		}
		msg := fmt.Sprintf("expected %s, got %s", expectText(tc.expect), tc.got)
		switch {
		case tc.code == exitPass:
		case tc.code == exitViolation:
			var b strings.Builder
			if v := r.res.Violation; r.res.Verdict == explore.Violated && v != nil {
				fmt.Fprintf(&b, "property %q violated after %d steps\n  %s\n", v.Property, len(v.Path)-1, v.Msg)
				if r.trace != nil {
					r.trace.WriteText(&b)
				}
			} else {
				fmt.Fprintf(&b, "%s: pass: %s %s (search complete)\n", testName(tc), strings.Join(r.props, ", "), holdWord(len(r.props)))
			}
			c.Failure = &junitMessage{Message: msg, Type: "wrong verdict", Body: b.String()}
			s.Failures++
		case tc.code == exitIncomplete:
			var b strings.Builder
			if r != nil && r.err == nil {
				for _, line := range advice(r) {
					b.WriteString(line + "\n")
				}
			}
			c.Error = &junitMessage{Message: msg, Type: "undecided", Body: b.String()}
			s.Errors++
		default:
			c.Error = &junitMessage{Message: msg, Type: "error"}
			s.Errors++
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
	}
	s.Time = fmt.Sprintf("%.3f", total)
	all := junitSuites{Name: "mcgo test", Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Suites: []junitSuite{s}}
	io.WriteString(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	enc.Encode(all)
	io.WriteString(w, "\n")
}
