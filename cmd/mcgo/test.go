package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/lang"
)

type testOptions struct {
	paths  []string
	model  modelFlags
	search searchFlags
	format string
	run    string
}

func newTestCmd(a *app) *cobra.Command {
	opts := &testOptions{}
	cmd := &cobra.Command{
		Use:   "test [DIR|FILE...]",
		Short: "Check models against their expected verdicts",
		Long: `Check every model (directories are walked recursively for .erl files) and each
of its -mcgo variants against its expectation, -mcgo({expect, ...}), and print
a summary table. This is the command to put in CI.

  pass (also the expectation of a model that states none): every configured
    property holds and the search was complete;
  {violation, P}: checking P alone finds a violation;
  an incomplete search is always a mismatch.

Exit codes: 0 every model met its expectation, 1 some did not, 2 bad input.

Examples:
  mcgo test models/
  mcgo test --workers 1 models/comm_bounded.erl
  mcgo test --run 'pidReuse' models/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if len(opts.paths) == 0 {
				opts.paths = []string{"."}
			}
			return runTest(cmd.Context(), a, opts)
		},
	}
	opts.model.register(cmd.Flags(), false)
	opts.search.register(cmd.Flags())
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text or json (one object per line)")
	cmd.Flags().StringVar(&opts.run, "run", "", "only models whose path contains this text")
	return cmd
}

// testCase is one model or variant with its expectation.
type testCase struct {
	file, variant string
	expect        string // "pass" or the property expected to be violated
	run           *checkRun
	ok            bool
	got           string
}

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
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(path, ".erl") {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

func runTest(ctx context.Context, a *app, opts *testOptions) error {
	if err := opts.search.validate(); err != nil {
		return exitWith(exitUsage, "mcgo test: %v", err)
	}
	if opts.format != "text" && opts.format != "json" {
		return exitWith(exitUsage, "mcgo test: --format %q: expected text or json", opts.format)
	}
	files, err := findModels(opts.paths)
	if err != nil {
		return exitWith(exitUsage, "mcgo: %v", err)
	}
	if len(files) == 0 {
		return exitWith(exitUsage, "mcgo test: no .erl files in %s", strings.Join(opts.paths, " "))
	}
	copts := &checkOptions{model: opts.model, search: opts.search}
	code := exitPass
	var cases []*testCase
	for _, path := range files {
		if opts.run != "" && !strings.Contains(path, opts.run) {
			continue
		}
		l, err := loadModel(a.stderr, path, &opts.model, nil)
		if err != nil {
			code = worst(code, exitUsage)
			cases = append(cases, &testCase{file: path, expect: "-", got: "error: the model has errors"})
			continue
		}
		type cfgv struct {
			name string
			cfg  *lang.Config
		}
		cfgs := []cfgv{{"", l.config}}
		for i := range l.config.Variants {
			v := &l.config.Variants[i]
			c, err := l.config.WithVariant(v)
			if err != nil {
				fmt.Fprintf(a.stderr, "%s: %v\n", path, err)
				code = worst(code, exitUsage)
				continue
			}
			cfgs = append(cfgs, cfgv{v.Name, c})
		}
		for _, cv := range cfgs {
			tc := &testCase{file: path, variant: cv.name, expect: "pass"}
			cfg := cv.cfg
			if p := cfg.Expect.Violation; p != "" {
				tc.expect = p
				c2 := *cfg
				c2.Check = []string{p}
				cfg = &c2
			}
			r := checkOne(ctx, a, copts, l, cfg, cv.name)
			r.semantics = cfg.Semantics
			tc.run = r
			switch {
			case r.err != nil:
				tc.got = "error: " + firstLine(r.err.Error())
				code = worst(code, exitUsage)
			case r.res.Verdict == explore.Pass:
				tc.got = "pass"
				tc.ok = tc.expect == "pass"
			case r.res.Verdict == explore.Violated:
				tc.got = "violation " + r.res.Violation.Property
				tc.ok = tc.expect == r.res.Violation.Property
			default:
				tc.got = "incomplete (" + incompleteText(r.res) + ")"
			}
			if !tc.ok && code == exitPass {
				code = exitViolation
			}
			cases = append(cases, tc)
			if ctx.Err() != nil {
				break
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	if opts.format == "json" {
		for _, tc := range cases {
			writeTestJSON(a.stdout, tc)
		}
	} else {
		printTestTable(a.stdout, cases)
	}
	if code != exitPass {
		return &exitError{code: code}
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func expectText(e string) string {
	if e == "pass" || e == "-" {
		return e
	}
	return "violation " + e
}

func printTestTable(w io.Writer, cases []*testCase) {
	nameW := len("model")
	for _, tc := range cases {
		if n := len(testName(tc)); n > nameW {
			nameW = n
		}
	}
	fmt.Fprintf(w, "%-*s  %-28s  %-28s  %10s  %8s\n", nameW, "model", "expected", "got", "states", "time")
	ok := 0
	for _, tc := range cases {
		mark := "ok"
		if !tc.ok {
			mark = "MISMATCH"
		} else {
			ok++
		}
		states, secs := "-", "-"
		if r := tc.run; r != nil && r.err == nil {
			states = fmt.Sprint(r.res.Stats.States)
			secs = fmt.Sprintf("%.2fs", r.res.Stats.Elapsed.Seconds())
		}
		fmt.Fprintf(w, "%-*s  %-28s  %-28s  %10s  %8s  %s\n", nameW, testName(tc), expectText(tc.expect), tc.got, states, secs, mark)
	}
	fmt.Fprintf(w, "%d of %d met their expectation\n", ok, len(cases))
	for _, tc := range cases {
		if tc.ok || tc.run == nil || tc.run.err != nil {
			continue
		}
		if tc.run.res.Verdict == explore.Violated {
			fmt.Fprintf(w, "\n%s: unexpected violation of %q:\n  %s\n", testName(tc), tc.run.res.Violation.Property, tc.run.res.Violation.Msg)
			if tc.run.trace != nil {
				tc.run.trace.WriteText(w)
			}
		}
	}
}

func testName(tc *testCase) string {
	if tc.variant != "" {
		return tc.file + " [" + tc.variant + "]"
	}
	return tc.file
}

func writeTestJSON(w io.Writer, tc *testCase) {
	obj := map[string]any{
		"file": tc.file, "variant": tc.variant, "expected": expectText(tc.expect), "got": tc.got, "ok": tc.ok,
	}
	if r := tc.run; r != nil && r.err == nil {
		obj["states"] = r.res.Stats.States
		obj["seconds"] = r.res.Stats.Elapsed.Seconds()
	}
	b, _ := json.Marshal(obj)
	w.Write(b)
	io.WriteString(w, "\n")
}
