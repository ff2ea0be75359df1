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
