package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/report"
)

type testOptions struct {
	paths  []string
	model  modelFlags
	search searchFlags
	format string
	output string
	run    string
	jobs   int
	cmd    *cobra.Command
}

func newTestCmd(a *app) *cobra.Command {
	opts := &testOptions{}
	cmd := &cobra.Command{
		Use:   "test [DIR|FILE...]",
		Short: "Check models against their expected verdicts",
		Long: `Check every model (directories are walked recursively for models: .erl files
with a -mcgo attribute; the other .erl files are library modules) and each
of its -mcgo variants against its expectation, -mcgo({expect, ...}), and print
one line per model and variant as soon as it is decided, in input order.
This is the command to put in CI.

  pass (also the expectation of a model that states none): every configured
    property holds and the search was complete;
  {violation, P}: checking P alone finds a violation.

Exit codes: 0 every model met its expectation; 1 a wrong verdict (a
violation where pass was expected, or the reverse, or another property);
2 bad input; 3 could not decide (a search that was incomplete, a model that
uses what mcgo does not support); 70 internal failure. Over several models
the most severe wins, in the order 70, 2, 1, 3, 0.

Examples:
  mcgo test models/
  mcgo test --jobs 2 --format junit -o report.xml models/
  mcgo test --workers 1 models/comm_bounded.erl
  mcgo test --run 'pidReuse' models/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if len(opts.paths) == 0 {
				opts.paths = []string{"."}
			}
			opts.cmd = cmd
			return runTest(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	opts.model.register(f, false)
	opts.search.register(f)
	opts.search.registerHidden(f)
	f.StringVar(&opts.format, "format", "text", "output format: text, json (one object per line) or junit")
	f.StringVarP(&opts.output, "output", "o", "", "write the report to this file instead of stdout")
	f.StringVar(&opts.run, "run", "", "only models whose path contains this text")
	f.IntVar(&opts.jobs, "jobs", 1, "check this many models at once (--workers is then divided among them unless given; --max-memory is shared)")
	return cmd
}

// testCase is one model or variant with its expectation.
type testCase struct {
	file, variant string
	expect        string // "pass", the property expected to be violated, or "" (the model did not load)
	l             *loaded
	cfg           *lang.Config
	run           *checkRun
	ok            bool
	got           string
	code          int // this case's exit code
	done          chan struct{}
}

// findModels returns the files among paths and the models in the
// directories among them (erlFiles with modelsOnly: the other .erl files
// are library modules), sorted: mcgo test takes a file named on the
// command line without a -mcgo attribute for a model that expects pass.
func findModels(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		found, err := erlFiles(p, true)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	sort.Strings(out)
	return out, nil
}

// checkArgs returns the arguments of mcgo check with each directory
// replaced by the models in it (erlFiles with modelsOnly), in lexical
// order; a directory without models is an error. Other arguments stay as
// they are, for loading to report what is wrong with them.
func checkArgs(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			out = append(out, p)
			continue
		}
		ms, err := erlFiles(p, true)
		if err != nil {
			return nil, err
		}
		if len(ms) == 0 {
			return nil, fmt.Errorf("no models (.erl files with a -mcgo attribute) in %s", p)
		}
		out = append(out, ms...)
	}
	return out, nil
}

// erlFiles returns the .erl files in dir, walked recursively (skipping
// testdata and hidden directories), in lexical order. With modelsOnly,
// only the models: the files with at least one -mcgo attribute; the
// others are library modules, not checked alone.
func erlFiles(dir string, modelsOnly bool) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".erl") && (!modelsOnly || isModel(path)) {
			out = append(out, path)
		}
		return nil
	})
	return out, err
}

// mcgoAttr finds a -mcgo attribute at the start of a line.
var mcgoAttr = regexp.MustCompile(`(?m)^[ \t]*-[ \t]*mcgo[ \t]*\(`)

// isModel reports whether the Erlang file at path has a -mcgo attribute (a
// file that cannot be read counts as a model, so that loading it reports
// the error).
func isModel(path string) bool {
	src, err := os.ReadFile(path)
	return err != nil || mcgoAttr.Match(src)
}

func runTest(ctx context.Context, a *app, opts *testOptions) error {
	if err := opts.search.validate(); err != nil {
		return exitWith(exitUsage, "mcgo test: %v", err)
	}
	switch opts.format {
	case "text", "json", "junit":
	default:
		return exitWith(exitUsage, "mcgo test: --format %q: expected text, json or junit", opts.format)
	}
	if opts.jobs < 1 {
		return exitWith(exitUsage, "mcgo test: --jobs %d: must be at least 1", opts.jobs)
	}
	if opts.jobs > 1 && opts.search.cpuprof != "" {
		return exitWith(exitUsage, "mcgo test: --cpuprofile profiles one search at a time: not with --jobs %d", opts.jobs)
	}
	files, err := findModels(opts.paths)
	if err != nil {
		return exitWith(exitUsage, "mcgo: %v", err)
	}
	if len(files) == 0 {
		return exitWith(exitUsage, "mcgo test: no models (.erl files with a -mcgo attribute) in %s", strings.Join(opts.paths, " "))
	}
	out := a.stdout
	if opts.output != "" {
		f, err := os.Create(opts.output)
		if err != nil {
			return exitWith(exitUsage, "mcgo: %v", err)
		}
		defer f.Close()
		out = f
	}
	cases := loadCases(a, opts, files)
	search := opts.search
	if opts.jobs > 1 && (opts.cmd == nil || !opts.cmd.Flags().Changed("workers")) {
		search.workers = max(1, runtime.NumCPU()/opts.jobs)
	}
	copts := &checkOptions{model: opts.model, search: search, namedProgress: opts.jobs > 1}
	go runCases(ctx, a, copts, cases, opts.jobs)

	// Each case is reported as soon as it and every case before it are
	// done, so that the output is in input order and a log shows progress.
	code := exitPass
	w := newTestWriter(out, opts.format, cases)
	for _, tc := range cases {
		<-tc.done
		tc.judge()
		code = worst(code, tc.code)
		w.write(tc)
	}
	w.end()
	if code != exitPass {
		return &exitError{code: code}
	}
	return nil
}

// loadCases loads the models, printing their diagnostics, and lists the
// cases to check: each model, then each of its variants. A model that does
// not load is a case of its own, already done.
func loadCases(a *app, opts *testOptions, files []string) []*testCase {
	var cases []*testCase
	failed := func(path, variant string, err error) {
		tc := &testCase{file: path, variant: variant, done: make(chan struct{})}
		tc.run = &checkRun{file: path, variant: variant, err: err, errCode: exitCode(err)}
		close(tc.done)
		cases = append(cases, tc)
	}
	for _, path := range files {
		if opts.run != "" && !strings.Contains(path, opts.run) {
			continue
		}
		l, err := loadModel(a.stderr, path, &opts.model, nil)
		if err != nil {
			failed(path, "", err)
			continue
		}
		cfgs := []*lang.Config{l.config}
		names := []string{""}
		for i := range l.config.Variants {
			v := &l.config.Variants[i]
			c, err := l.config.WithVariant(v)
			if err != nil {
				e := exitWith(exitUsage, "mcgo: %s: variant %s: %v", path, v.Name, err)
				fmt.Fprintln(a.stderr, e.Error())
				failed(path, v.Name, &exitError{code: exitUsage, detail: strings.TrimPrefix(e.Error(), "mcgo: ")})
				continue
			}
			cfgs = append(cfgs, c)
			names = append(names, v.Name)
		}
		for i, cfg := range cfgs {
			tc := &testCase{file: path, variant: names[i], expect: "pass", l: l, done: make(chan struct{})}
			if p := cfg.Expect.Violation; p != "" {
				tc.expect = p
				c2 := *cfg
				c2.Check = []string{p}
				cfg = &c2
			}
			tc.cfg = cfg
			cases = append(cases, tc)
		}
	}
	return cases
}

// runCases checks the cases that are not done, jobs at a time, and marks
// each done when it is. Once ctx is cancelled the cases not yet started
// are marked done without a run.
func runCases(ctx context.Context, a *app, copts *checkOptions, cases []*testCase, jobs int) {
	slots := make(chan struct{}, jobs)
	for _, tc := range cases {
		if tc.run != nil {
			continue
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			close(tc.done)
			continue
		}
		go func() {
			defer func() { <-slots }()
			defer close(tc.done)
			r := checkOne(ctx, a, copts, tc.l, tc.cfg, tc.variant)
			r.semantics = tc.cfg.Semantics
			tc.run = r
		}()
	}
}

// judge compares what was found with the expectation: ok, a wrong verdict
// (exit code 1), undecided (3: incomplete, not run, unsupported) or an
// error (the run's code).
func (tc *testCase) judge() {
	r := tc.run
	switch {
	case r == nil:
		tc.got, tc.code = "not run (interrupted)", exitIncomplete
	case r.err != nil && isUnsupported(r.err):
		tc.got, tc.code = "unsupported: "+unsupportedText(r.err), exitIncomplete
	case r.err != nil:
		tc.got, tc.code = "error: "+firstLine(errText(r.err)), r.exit()
	case r.res.Verdict == explore.Pass:
		tc.got = "pass"
		tc.ok = tc.expect == "pass"
	case r.res.Verdict == explore.Violated:
		tc.got = "violation " + r.res.Violation.Property
		tc.ok = tc.expect == r.res.Violation.Property
	case r.res.Verdict == explore.Unsupported:
		tc.got, tc.code = "unsupported: "+r.res.Violation.Msg, exitIncomplete
	default:
		tc.got, tc.code = "incomplete ("+incompleteText(r.res)+")", exitIncomplete
	}
	if tc.code == exitPass && !tc.ok {
		tc.code = exitViolation
	}
}

// isUnsupported reports whether a model failed only because it uses what
// mcgo does not model (a call of an OTP function mcgo lacks, a bignum): a valid
// program mcgo cannot decide, not bad input.
func isUnsupported(err error) bool {
	t := errText(err)
	return strings.Contains(t, "not supported") || strings.Contains(t, "unsupported") || strings.Contains(t, "not modelled by mcgo")
}

func unsupportedText(err error) string {
	t := firstLine(errText(err))
	if i := strings.Index(t, " (and "); i >= 0 {
		t = t[:i]
	}
	return t
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func expectText(e string) string {
	switch e {
	case "pass", "":
		return e
	}
	return "violation " + e
}

func testName(tc *testCase) string {
	if tc.variant != "" {
		return tc.file + " [" + tc.variant + "]"
	}
	return tc.file
}

// testWriter reports cases one by one, in the chosen format.
type testWriter struct {
	w      io.Writer
	format string
	nameW  int
	cases  []*testCase // those written
}

func newTestWriter(w io.Writer, format string, cases []*testCase) *testWriter {
	tw := &testWriter{w: w, format: format, nameW: len("model")}
	for _, tc := range cases {
		tw.nameW = max(tw.nameW, len(testName(tc)))
	}
	if format == "text" {
		fmt.Fprintf(w, "%-*s  %-24s  %-34s  %10s  %8s\n", tw.nameW, "model", "expected", "got", "states", "time")
	}
	return tw
}

func (tw *testWriter) write(tc *testCase) {
	tw.cases = append(tw.cases, tc)
	switch tw.format {
	case "json":
		writeJSONLine(tw.w, testJSON(tc))
	case "text":
		tw.text(tc)
	}
}

func (tw *testWriter) text(tc *testCase) {
	mark := "ok"
	switch tc.code {
	case exitViolation:
		mark = "MISMATCH"
	case exitIncomplete:
		mark = "UNDECIDED"
	case exitPass:
	default:
		mark = "ERROR"
	}
	states, secs := "-", "-"
	if r := tc.run; r != nil && r.err == nil {
		states = fmt.Sprint(r.res.Stats.States)
		secs = fmt.Sprintf("%.2fs", (r.res.Stats.Elapsed + r.traceTime).Seconds())
	}
	expect := expectText(tc.expect)
	if expect == "" {
		expect = "-"
	}
	fmt.Fprintf(tw.w, "%-*s  %-24s  %-34s  %10s  %8s  %s\n", tw.nameW, testName(tc), expect, tc.got, states, secs, mark)
	if tc.code == exitIncomplete && tc.run != nil {
		writeAdvice(tw.w, tc.run)
		if r := tc.run; r.err == nil && r.res.Verdict == explore.Unsupported && r.trace != nil {
			fmt.Fprintf(tw.w, "\n%s: unsupported: %s\n", testName(tc), r.res.Violation.Msg)
			r.trace.WriteText(tw.w)
			fmt.Fprintln(tw.w)
		}
	}
	if tc.code == exitViolation && tc.run.res.Verdict == explore.Violated {
		v := tc.run.res.Violation
		fmt.Fprintf(tw.w, "\n%s: unexpected violation of %q:\n  %s\n", testName(tc), v.Property, v.Msg)
		if tc.run.trace != nil {
			tc.run.trace.WriteText(tw.w)
		}
		fmt.Fprintln(tw.w)
	}
}

// end closes the report: the summary of a text report, the whole JUnit
// document.
func (tw *testWriter) end() {
	switch tw.format {
	case "junit":
		writeTestJUnit(tw.w, tw.cases)
		return
	case "json":
		return
	}
	var n [4]int // ok, wrong, undecided, errors
	for _, tc := range tw.cases {
		switch tc.code {
		case exitPass:
			n[0]++
		case exitViolation:
			n[1]++
		case exitIncomplete:
			n[2]++
		default:
			n[3]++
		}
	}
	fmt.Fprintf(tw.w, "%d of %d met their expectation", n[0], len(tw.cases))
	if n[0] < len(tw.cases) {
		fmt.Fprintf(tw.w, ": %d wrong verdicts, %d undecided, %d errors", n[1], n[2], n[3])
	}
	fmt.Fprintln(tw.w)
}

func testJSON(tc *testCase) report.TestResult {
	r := tc.run
	if r == nil {
		r = &checkRun{file: tc.file, variant: tc.variant, config: tc.cfg, res: explore.Result{Verdict: explore.Incomplete, Incomplete: "interrupted"}}
		if tc.cfg != nil {
			r.semantics = tc.cfg.Semantics
		}
	}
	j := jsonResult(r)
	if r.err != nil && isUnsupported(r.err) {
		j.Verdict, j.Advice = "unsupported", advice(r)
	}
	return report.TestResult{Result: j, Expected: nonEmpty(expectText(tc.expect)), OK: tc.ok}
}
