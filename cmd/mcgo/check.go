package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/properties"
	"github.com/mcgo-dev/mcgo/report"
	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/statestore"
	"github.com/mcgo-dev/mcgo/trace"
)

type checkOptions struct {
	files    []string
	model    modelFlags
	search   searchFlags
	format   string
	output   string
	traceOut string
	html     string
	variant  string
	cmd      *cobra.Command
	// namedProgress prefixes progress lines with the model's name (mcgo
	// test --jobs: several models at once).
	namedProgress bool
}

func newCheckCmd(a *app) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check FILE|DIR...",
		Short: "Explore a model and check its properties",
		Long: `Explore every interleaving and every allowed fault of each model and check the
properties of its configuration (-mcgo({check, [...]}) or --check). The
verdict is pass (every property holds and the search was complete),
violation (with the shortest trace, for the default breadth-first search) or
incomplete (a bound or limit was reached and nothing was found).

A directory stands for the models in it, walked recursively: the .erl files
with at least one -mcgo attribute (the others are library modules, not
checked alone).

Properties: ` + strings.Join(lang.Properties, ", ") + ` (see docs/properties.md).

Exit codes: 0 pass, 1 violation, 2 usage or input error, 3 incomplete, 70
internal failure; over several models the most severe (70, 2, 1, 3, 0).

Examples:
  mcgo check models/comm_bounded.erl
  mcgo check models/
  mcgo check --semantics both models/three_party.erl
  mcgo check --check no_loss --faults disconnect=1 --trace-out t.json model.erl
  mcgo check --format json models/*.erl
  mcgo check --store disk --store-dir /tmp/run1 big.erl   # then --resume`,
		Args: wantArgs(1, -1, "one or more model files (.erl) or directories of models"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			opts.cmd = cmd
			return runCheck(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	opts.model.register(f, true)
	opts.search.register(f)
	opts.search.registerHidden(f)
	f.StringVar(&opts.format, "format", "text", "output format: text, json (one object per line) or junit")
	f.StringVarP(&opts.output, "output", "o", "", "write the report to this file instead of stdout")
	f.StringVar(&opts.traceOut, "trace-out", "", "save the counterexample trace (JSON) to this file")
	f.StringVar(&opts.html, "html", "", "save the counterexample as a self-contained HTML sequence chart")
	f.StringVar(&opts.variant, "variant", "", "check the named -mcgo variant instead of the base configuration")
	return cmd
}

// checkRun is one exploration: a model, a variant, a semantics.
type checkRun struct {
	file      string
	variant   string
	semantics string
	both      bool // checked under both semantics
	config    *lang.Config
	props     []string
	res       explore.Result
	err       error // tool failure or bad input
	errCode   int
	trace     *trace.File
	hash      string
	started   time.Time
	// traceTime is the time spent after the search rebuilding the
	// counterexample: a second search for a shortest trace, the replay.
	traceTime time.Duration
	// search and store are the strategy and the store searched with;
	// growth names what grows in the model, for an incomplete search
	// (advice.go).
	search, store string
	growth        []string
	// reduced: states the partial-order reduction expanded by one receive
	// and by one delivery, reported when showReduced: with --por on and no
	// violation (when a search stops at one, which states it had expanded
	// may depend on the number of workers).
	showReduced bool
	reduced     [2]int64
	// memLimit says which memory limit the search had and where it came
	// from, for a search stopped by it.
	memLimit string
}

func runCheck(ctx context.Context, a *app, opts *checkOptions) error {
	switch opts.format {
	case "text", "json", "junit":
	default:
		return exitWith(exitUsage, "mcgo check: --format %q: expected text, json or junit", opts.format)
	}
	if err := opts.search.validate(); err != nil {
		return exitWith(exitUsage, "mcgo check: %v", err)
	}
	// The report is written through rw, which keeps the first write
	// error: a report that could not be written is an error (exit 2),
	// whatever the verdict.
	rw := &reportWriter{w: a.stdout, name: "stdout"}
	reportToBrokenPipe()
	if opts.output != "" {
		f, err := os.Create(opts.output)
		if err != nil {
			return exitWith(exitUsage, "mcgo: %v", err)
		}
		defer f.Close()
		rw.w, rw.name, rw.file = f, opts.output, f
	}
	out := io.Writer(rw)
	overrides := opts.model.overrides(opts.cmd)
	both := false
	var kept [][2]string
	for _, o := range overrides {
		if o[0] == "semantics" && o[1] == "both" {
			both = true
			continue
		}
		kept = append(kept, o)
	}
	files, err := checkArgs(opts.files)
	if err != nil {
		return exitWith(exitUsage, "mcgo check: %v", err)
	}
	code := exitPass
	var runs []*checkRun
	for _, path := range files {
		l, err := loadModel(a.stderr, path, &opts.model, kept)
		if err != nil {
			writeAdvice(a.stderr, &checkRun{err: err}) // for what mcgo does not model
			code = worst(code, exitCode(err))
			runs = append(runs, &checkRun{file: path, err: err, errCode: exitCode(err)})
			continue
		}
		cfg := l.config
		variant := ""
		if opts.variant != "" {
			c, err := withVariant(cfg, opts.variant, kept)
			if err != nil {
				e := exitWith(exitUsage, "mcgo: %s: %v", path, err)
				fmt.Fprintln(a.stderr, e.Error())
				code = worst(code, exitUsage)
				runs = append(runs, &checkRun{file: path, err: e, errCode: exitUsage})
				continue
			}
			cfg, variant = c, opts.variant
		}
		sems := []string{cfg.Semantics}
		if both {
			sems = []string{"single_node", "distributed"}
		}
		var fileRuns []*checkRun
		for _, sem := range sems {
			c := cfg
			if sem != cfg.Semantics {
				c2 := *cfg
				c2.Semantics = sem
				c = &c2
			}
			r := checkOne(ctx, a, opts, l, c, variant)
			r.semantics = sem
			r.both = both
			fileRuns = append(fileRuns, r)
			runs = append(runs, r)
			code = worst(code, r.exit())
			if ctx.Err() != nil {
				break
			}
		}
		if opts.format == "text" {
			printTextRuns(out, fileRuns, both)
		}
		if ctx.Err() != nil {
			break
		}
	}
	switch opts.format {
	case "json":
		for _, r := range runs {
			writeJSONRun(out, r)
		}
	case "junit":
		writeJUnit(out, runs)
	}
	if err := rw.close(); err != nil {
		return exitWith(exitUsage, "mcgo check: %v", err)
	}
	if code != exitPass {
		return &exitError{code: code}
	}
	return nil
}

// reportWriter is where a report goes; it keeps the first write error.
type reportWriter struct {
	w    io.Writer
	name string
	file *os.File // closed by close when the report goes to a file
	err  error
}

func (r *reportWriter) Write(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	n, err := r.w.Write(p)
	if err != nil {
		r.err = err
	}
	return n, err
}

// close closes the report's file, if any, and returns the first error of
// writing or closing it, naming the report.
func (r *reportWriter) close() error {
	if r.file != nil {
		if err := r.file.Close(); err != nil && r.err == nil {
			r.err = err
		}
		r.file = nil
	}
	if r.err != nil {
		if pe, ok := r.err.(*os.PathError); ok {
			return fmt.Errorf("writing the report to %s: %v", r.name, pe.Err)
		}
		return fmt.Errorf("writing the report to %s: %v", r.name, r.err)
	}
	return nil
}

func exitCode(err error) int {
	if ee, ok := err.(*exitError); ok {
		return ee.code
	}
	return exitUsage
}

func (r *checkRun) exit() int {
	if r.err != nil {
		if r.errCode != 0 {
			return r.errCode
		}
		return exitInternal
	}
	switch r.res.Verdict {
	case explore.Violated:
		return exitViolation
	case explore.Incomplete, explore.Unsupported:
		return exitIncomplete
	case explore.Pass:
		return exitPass
	}
	return exitInternal
}

// checkOne explores one configuration of a model.
func checkOne(ctx context.Context, a *app, opts *checkOptions, l *loaded, cfg *lang.Config, variant string) *checkRun {
	r := &checkRun{file: l.path, variant: variant, config: cfg, started: time.Now()}
	sys, props, err := newSystem(l.model, cfg)
	if err != nil {
		r.err, r.errCode = err, exitUsage
		fmt.Fprintln(a.stderr, err)
		return r
	}
	r.props = cfg.Check
	if opts.search.compactKeys() {
		sys.InternProcesses()
	}
	cm := configMap(cfg)
	r.hash = modelHash(l.hashSrc, l.defines, cm)
	mons := properties.Monitors(sys, props)
	ms := make([]explore.Monitor[*semantics.State, semantics.Step], len(mons))
	for i, m := range mons {
		ms[i] = m
	}
	set, xopts, cleanup, err := opts.search.setup(r.hash, cm)
	if err != nil {
		r.err, r.errCode = err, exitUsage
		fmt.Fprintf(a.stderr, "mcgo: %v\n", err)
		return r
	}
	defer cleanup()
	tuneGC(xopts.MaxMemory)
	if xopts.MaxMemory > 0 {
		r.memLimit = sizeText(xopts.MaxMemory) + ", " + opts.search.memSource
	}
	name := ""
	if opts.namedProgress {
		name = runName(r, false)
	}
	rep := newProgress(a.stderr, &opts.search, name)
	defer rep.done()
	stopProfile, err := startCPUProfile(opts.search.cpuprof)
	if err != nil {
		r.err, r.errCode = err, exitUsage
		fmt.Fprintf(a.stderr, "mcgo: %v\n", err)
		return r
	}
	res, err := explore.Run[*semantics.State, semantics.Step](ctx, sys, set, ms, xopts, rep)
	stopProfile()
	r.res = res
	r.search, r.store = opts.search.search, opts.search.store
	if res.Verdict == explore.Incomplete && res.Incomplete != "random" && res.Incomplete != "bitstate" {
		r.growth = growthOf(l, cfg)
	}
	r.showReduced = xopts.POR && xopts.Search != explore.Random && res.Verdict != explore.Violated && res.Verdict != explore.Unsupported
	r.reduced[0], r.reduced[1] = sys.ReductionCounts()
	if err != nil {
		r.err, r.errCode = fmt.Errorf("%s: %v", l.path, err), exitInternal
		if errors.Is(err, statestore.ErrCorrupt) {
			// A damaged store directory is bad input, not a failure.
			r.errCode = exitUsage
		}
		fmt.Fprintf(a.stderr, "mcgo: %v\n", r.err)
		return r
	}
	searchEnd := time.Now()
	if res.Verdict == explore.Violated && res.Violation != nil {
		rep.counterexample(res.Stats)
		defer func() { r.traceTime = time.Since(searchEnd) }()
	}
	if res.Verdict == explore.Violated && res.Violation != nil && xopts.POR && xopts.Search == explore.BFS {
		// The partial-order reduction may make the trace longer than the
		// shortest one (it takes some receives early). Search again
		// without it, no deeper than the trace, for a shortest trace.
		if v := shortestTrace(ctx, sys, ms, xopts, res, rep); v != nil {
			res.Violation = v
			r.res.Violation = v
		}
	}
	if (res.Verdict == explore.Violated || res.Verdict == explore.Unsupported) && res.Violation != nil {
		tf, err := trace.Build(sys, res.Violation, trace.Meta{
			McgoVersion: mcgoVersion(), File: l.path, ModelHash: r.hash, Variant: variant,
			Config: cm, Defines: l.defines, IncludeDirs: l.includes, Search: opts.search.search, CodePath: l.paths,
		})
		if err != nil {
			r.err, r.errCode = fmt.Errorf("%s: replaying the counterexample: %v", l.path, err), exitInternal
			return r
		}
		r.trace = tf
		if opts.traceOut != "" {
			if err := tf.Save(opts.traceOut); err != nil {
				r.err, r.errCode = err, exitUsage
				fmt.Fprintf(a.stderr, "mcgo: writing the trace: %v\n", err)
			}
		}
		if opts.html != "" {
			if err := trace.SaveHTML(tf, opts.html); err != nil {
				r.err, r.errCode = err, exitUsage
				fmt.Fprintf(a.stderr, "mcgo: writing the HTML chart: %v\n", err)
			}
		}
	}
	return r
}

// ---------------------------------------------------------------------------
// Text output

func printTextRuns(w io.Writer, runs []*checkRun, table bool) {
	if table && len(runs) > 1 {
		printTable(w, runs)
	}
	for _, r := range runs {
		printTextRun(w, r, table)
	}
}

func printTable(w io.Writer, runs []*checkRun) {
	fmt.Fprintf(w, "%s: property x semantics\n", runs[0].file)
	fmt.Fprintf(w, "  %-20s", "")
	for _, r := range runs {
		fmt.Fprintf(w, " %-14s", r.semantics)
	}
	fmt.Fprintln(w)
	var props []string
	for _, r := range runs {
		if len(r.props) > len(props) {
			props = r.props
		}
	}
	for _, p := range props {
		fmt.Fprintf(w, "  %-20s", p)
		for _, r := range runs {
			cell := "?"
			switch {
			case r.err != nil:
				cell = "error"
			case r.res.Verdict == explore.Violated && r.res.Violation != nil && r.res.Violation.Property == p:
				cell = "VIOLATED"
			case r.res.Verdict == explore.Violated:
				cell = "not reached"
			case r.res.Verdict == explore.Pass:
				cell = "holds"
			case r.res.Verdict == explore.Incomplete:
				cell = "incomplete"
			case r.res.Verdict == explore.Unsupported:
				cell = "unsupported"
			}
			fmt.Fprintf(w, " %-14s", cell)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

func runName(r *checkRun, withSem bool) string {
	name := r.file
	if r.variant != "" {
		name += " [" + r.variant + "]"
	}
	if withSem {
		name += " (" + r.semantics + ")"
	}
	return name
}

func printTextRun(w io.Writer, r *checkRun, withSem bool) {
	name := runName(r, withSem)
	if r.err != nil {
		if ee, ok := r.err.(*exitError); ok {
			if ee.msg != "" {
				fmt.Fprintf(w, "%s: error: %s\n", name, ee.msg)
			}
			return
		}
		fmt.Fprintf(w, "%s: error: %v\n", name, r.err)
		return
	}
	res := r.res
	switch res.Verdict {
	case explore.Pass:
		fmt.Fprintf(w, "%s: pass: %s %s (search complete)\n", name, strings.Join(r.props, ", "), holdWord(len(r.props)))
	case explore.Incomplete:
		why := incompleteText(res)
		if res.Incomplete == "memory" && r.memLimit != "" {
			why += " (" + r.memLimit + ")"
		}
		fmt.Fprintf(w, "%s: incomplete: %s; no violation of %s found\n", name, why, strings.Join(r.props, ", "))
		writeAdvice(w, r)
	case explore.Violated:
		v := res.Violation
		steps := len(v.Path) - 1
		how := r.traceHow()
		fmt.Fprintf(w, "%s: property %q violated after %d steps (%s)\n", name, v.Property, steps, how)
		fmt.Fprintf(w, "  %s\n", v.Msg)
		if r.trace != nil {
			r.trace.WriteText(w)
		}
	case explore.Unsupported:
		v := res.Violation
		fmt.Fprintf(w, "%s: unsupported: the model calls a function mcgo does not model, after %d steps (%s); %s not decided\n",
			name, len(v.Path)-1, r.traceHow(), strings.Join(r.props, ", "))
		fmt.Fprintf(w, "  %s\n", v.Msg)
		if r.trace != nil {
			r.trace.WriteText(w)
		}
	}
	writeStats(w, res.Stats, r.traceTime)
	if r.showReduced {
		fmt.Fprintf(w, "  reduction: %d of %d states expanded by one transition (%d receives, %d deliveries)\n",
			r.reduced[0]+r.reduced[1], res.Stats.States, r.reduced[0], r.reduced[1])
	}
}

func (r *checkRun) traceHow() string {
	if r.trace == nil {
		return ""
	}
	switch r.trace.Search {
	case "bfs", "":
		return "bfs, shortest"
	}
	return r.trace.Search
}

func holdWord(n int) string {
	if n == 1 {
		return "holds"
	}
	return "hold"
}

func incompleteText(res explore.Result) string {
	switch res.Incomplete {
	case "max-states":
		return "--max-states reached"
	case "max-depth":
		return "--max-depth reached"
	case "time-limit":
		return "--time-limit reached"
	case "memory":
		return "--max-memory reached"
	case "interrupted":
		return "interrupted"
	case "disk":
		return "out of disk space"
	case "bitstate":
		return "bitstate search (partial coverage)"
	case "random":
		return "random walks (partial coverage)"
	}
	if strings.HasPrefix(res.Incomplete, "bound") {
		return "a model bound was reached (" + strings.TrimPrefix(strings.TrimPrefix(res.Incomplete, "bound"), ": ") + ")"
	}
	return res.Incomplete
}

// writeStats writes the figures of a search; traceTime, when not zero, is
// the time spent rebuilding the counterexample after it, counted in the
// time shown. After a resume the rate counts the states found since.
func writeStats(w io.Writer, s explore.Stats, traceTime time.Duration) {
	line := fmt.Sprintf("  states: %d  transitions: %d  depth: %d  time: %.2fs", s.States, s.Transitions, s.Depth, (s.Elapsed + traceTime).Seconds())
	since := ""
	if s.ResumedStates > 0 {
		since = fmt.Sprintf(" since the resume, which found %d", s.States-s.ResumedStates)
	}
	switch {
	case traceTime > 0:
		line += fmt.Sprintf(" (search %.2fs", s.Elapsed.Seconds())
		if s.StatesPerSec > 0 {
			line += fmt.Sprintf(", %.0f states/s%s", s.StatesPerSec, since)
		}
		line += fmt.Sprintf("; counterexample %.2fs)", traceTime.Seconds())
	case s.StatesPerSec > 0:
		line += fmt.Sprintf("  (%.0f states/s%s)", s.StatesPerSec, since)
	}
	fmt.Fprintln(w, line)
	extra := fmt.Sprintf("  store: %s", s.Store)
	if s.StoreBytes > 0 && s.States > 0 {
		extra += fmt.Sprintf("  visited set %s (%.1f bytes/state)", humanBytes(uint64(s.StoreBytes)), float64(s.StoreBytes)/float64(s.States))
	}
	if s.BytesPerState > 0 {
		extra += fmt.Sprintf("  process %s (%.0f bytes/state)", humanBytes(uint64(s.BytesPerState*float64(s.States))), s.BytesPerState)
	}
	if s.CollisionProb > 0 {
		extra += fmt.Sprintf("  collision probability: %.1e", s.CollisionProb)
	}
	if s.Walks > 0 {
		extra += fmt.Sprintf("  walks: %d", s.Walks)
	}
	fmt.Fprintln(w, extra)
}

// ---------------------------------------------------------------------------
// JSON output

func writeJSONRun(w io.Writer, r *checkRun) {
	writeJSONLine(w, jsonResult(r))
}

// writeJSONLine writes v as one line of JSON, without escaping <, > and &
// (pids and terms are full of them).
func writeJSONLine(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// jsonResult is the JSON object of one run.
func jsonResult(r *checkRun) report.Result {
	j := report.Result{FormatVersion: report.FormatVersion, McgoVersion: mcgoVersion(), File: r.file,
		Variant: nonEmpty(r.variant), Semantics: nonEmpty(r.semantics)}
	if r.config != nil {
		j.Config = configJSON(r.config)
	}
	if r.err != nil {
		j.Verdict = "error"
		j.Error = nonEmpty(errText(r.err))
		return j
	}
	j.Verdict = r.res.Verdict.String()
	j.Incomplete = nonEmpty(r.res.Incomplete)
	j.Advice = advice(r)
	if len(j.Advice) == 0 {
		j.Advice = nil
	}
	s := r.res.Stats
	j.Stats = &report.Stats{States: s.States, Transitions: s.Transitions, Depth: s.Depth, Seconds: s.Elapsed.Seconds()}
	if r.showReduced {
		j.Stats.ReducedReceives, j.Stats.ReducedDeliveries = &r.reduced[0], &r.reduced[1]
	}
	violated := ""
	if v := r.res.Violation; v != nil {
		violated = v.Property
		j.Property, j.Message = nonEmpty(v.Property), &v.Msg
	}
	if r.trace != nil {
		t := r.traceTime.Seconds()
		j.Stats.TraceSeconds = &t
		j.Trace = r.trace.Steps
		j.TraceLength = len(r.trace.Steps)
	}
	props := r.props
	if props == nil && r.config != nil {
		props = r.config.Check
	}
	j.Properties = []report.PropertyStatus{}
	for _, p := range props {
		st := "unknown"
		switch {
		case p == violated:
			st = "violated"
		case r.res.Verdict == explore.Pass:
			st = "holds"
		}
		j.Properties = append(j.Properties, report.PropertyStatus{Name: p, Status: st})
	}
	return j
}

// nonEmpty returns a pointer to s, or nil (JSON null) for "".
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// configJSON is the effective configuration as the JSON report gives it:
// each key's value as JSON (docs/formats.md), terms in Erlang syntax.
func configJSON(c *lang.Config) map[string]any {
	strs := func(xs []string) []string {
		if xs == nil {
			return []string{}
		}
		return xs
	}
	args := []string{}
	for _, a := range c.Init.Args {
		args = append(args, lang.FormatTerm(a))
	}
	faults := []map[string]any{}
	for _, f := range c.Faults {
		o := map[string]any{"kind": f.Kind, "budget": f.Budget}
		if len(f.Nodes) > 0 {
			o["nodes"] = f.Nodes
		}
		if len(f.Links) > 0 {
			o["links"] = f.Links
		}
		faults = append(faults, o)
	}
	ends := []string{}
	for _, e := range c.EndStates {
		if e.Module != "" {
			ends = append(ends, fmt.Sprintf("%s:%s/%d", e.Module, e.Name, e.Arity))
			continue
		}
		ends = append(ends, fmt.Sprintf("%s/%d", e.Name, e.Arity))
	}
	creation := map[string]int{}
	for n, v := range c.Creation {
		creation[n] = v
	}
	b := c.Bounds
	return map[string]any{
		"nodes":      strs(c.Nodes),
		"init":       map[string]any{"module": c.Init.Module, "function": c.Init.Function, "args": args},
		"semantics":  c.Semantics,
		"runtime":    c.Runtime,
		"faults":     faults,
		"check":      strs(c.Check),
		"end_states": ends,
		"nodeup":     c.NodeUp,
		"timeouts":   c.Timeouts,
		"bounds": map[string]int{"mailbox": b.Mailbox, "processes": b.Processes, "spawns": b.Spawns,
			"stack": b.Stack, "channel": b.Channel},
		"creation": creation,
	}
}

// ---------------------------------------------------------------------------
// Search flags

type searchFlags struct {
	search    string
	workers   int
	maxDepth  int
	maxStates int64
	timeLimit time.Duration
	maxMemory string
	store     string
	storeDir  string
	resume    bool
	exact     bool
	bitstate  string
	walks     int
	depth     int
	seed      uint64
	por       string
	progress  bool
	quiet     bool
	cpuprof   string
	// progressEvery is the time between two progress lines in a log
	// (hidden flag --progress-interval, for tests; default 10s).
	progressEvery time.Duration

	// memLimit is the memory limit validate chose (--max-memory or the
	// default), memSource where it comes from.
	memLimit  uint64
	memSource string
}

func (f *searchFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.search, "search", "bfs", "search strategy: bfs (shortest traces), dfs or random")
	fs.IntVar(&f.workers, "workers", runtime.NumCPU(), "parallel BFS workers (verdicts and counts do not depend on it)")
	fs.IntVar(&f.maxDepth, "max-depth", 0, "do not explore beyond this depth (0: no limit)")
	fs.Int64Var(&f.maxStates, "max-states", 0, "stop after this many distinct states (0: no limit)")
	fs.DurationVar(&f.timeLimit, "time-limit", 0, "stop after this long, e.g. 10m (0: no limit)")
	fs.StringVar(&f.maxMemory, "max-memory", "", "stop when the process uses this much memory, e.g. 8GiB (default: 3/4 of the RAM)")
	fs.StringVar(&f.store, "store", "memory", "visited-state store: memory or disk")
	fs.StringVar(&f.storeDir, "store-dir", "", "directory of the disk store")
	fs.BoolVar(&f.resume, "resume", false, "continue an interrupted disk-store run from --store-dir")
	fs.BoolVar(&f.exact, "exact", false, "keep full state encodings (no fingerprint collisions; more memory)")
	fs.StringVar(&f.bitstate, "bitstate", "", "supertrace: a bit table of this size, e.g. 512MiB (partial coverage)")
	fs.IntVar(&f.walks, "walks", 1000, "random search: number of walks")
	fs.IntVar(&f.depth, "depth", 1000, "random search: length of each walk")
	fs.Uint64Var(&f.seed, "seed", 1, "random search: seed")
	switchVar(fs, &f.por, "por", "on", "on", "off", "partial-order reduction (--por=off, or --por off, turns it off)")
	fs.BoolVar(&f.progress, "progress", false, "print progress on stderr even when it is not a terminal")
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress")
	fs.StringVar(&f.cpuprof, "cpuprofile", "", "write a CPU profile of the search to this file (for developers)")
}

// registerHidden declares the search flags that are not for users: the
// progress interval, so that a test can see several lines in seconds.
func (f *searchFlags) registerHidden(fs *pflag.FlagSet) {
	fs.DurationVar(&f.progressEvery, "progress-interval", defaultLogInterval, "time between two progress lines off a terminal")
	fs.MarkHidden("progress-interval")
}

func (f *searchFlags) validate() error {
	switch f.search {
	case "bfs", "dfs", "random":
	default:
		return fmt.Errorf("--search %q: expected bfs, dfs or random", f.search)
	}
	switch f.store {
	case "memory", "disk":
	default:
		return fmt.Errorf("--store %q: expected memory or disk", f.store)
	}
	if f.store == "disk" && f.storeDir == "" {
		return fmt.Errorf("--store disk needs --store-dir")
	}
	if f.resume && f.store != "disk" {
		return fmt.Errorf("--resume needs --store disk")
	}
	switch f.por {
	case "on", "off":
	default:
		return fmt.Errorf("--por %q: expected on or off", f.por)
	}
	if f.exact && f.bitstate != "" {
		return fmt.Errorf("--exact and --bitstate exclude each other")
	}
	if f.workers < 1 {
		return fmt.Errorf("--workers %d: must be at least 1", f.workers)
	}
	switch {
	case f.maxDepth < 0:
		return fmt.Errorf("--max-depth %d: must be at least 0 (0: no limit)", f.maxDepth)
	case f.maxStates < 0:
		return fmt.Errorf("--max-states %d: must be at least 0 (0: no limit)", f.maxStates)
	case f.timeLimit < 0:
		return fmt.Errorf("--time-limit %v: must not be negative (0: no limit)", f.timeLimit)
	case f.walks < 1:
		return fmt.Errorf("--walks %d: must be at least 1", f.walks)
	case f.depth < 1:
		return fmt.Errorf("--depth %d: must be at least 1", f.depth)
	}
	if f.workers > maxWorkers {
		return fmt.Errorf("--workers %d: at most %d", f.workers, maxWorkers)
	}
	if f.maxMemory != "" {
		n, err := parseSize(f.maxMemory)
		if err != nil {
			return fmt.Errorf("--max-memory: %v", err)
		}
		f.memLimit, f.memSource = n, "--max-memory"
	} else {
		f.memLimit, f.memSource = defaultMaxMemory()
	}
	if f.bitstate != "" {
		n, err := parseSize(f.bitstate)
		if err != nil {
			return fmt.Errorf("--bitstate: %v", err)
		}
		if f.memLimit > 0 && n > f.memLimit {
			return fmt.Errorf("--bitstate %s: larger than the memory limit, %s (%s); a larger --max-memory allows more", f.bitstate, sizeText(f.memLimit), f.memSource)
		}
	}
	return nil
}

// maxWorkers bounds --workers: more workers than this only add overhead
// (the level-synchronous search merges their results serially), and
// 100,000 of them took minutes to start.
const maxWorkers = 1024

// parseSize parses 123, 64KiB, 512MiB, 8GiB (also KB, MB, GB as powers of
// 1000).
func parseSize(s string) (uint64, error) {
	units := []struct {
		suffix string
		mult   uint64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}}
	mult := uint64(1)
	num := strings.TrimSpace(s)
	for _, u := range units {
		if strings.HasSuffix(num, u.suffix) {
			mult = u.mult
			num = strings.TrimSpace(strings.TrimSuffix(num, u.suffix))
			break
		}
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size (e.g. 512MiB, 8GiB)", s)
	}
	return uint64(n * float64(mult)), nil
}

// shortestTrace searches, without partial-order reduction and no deeper
// than the violation found, for a shortest violation. It gives up (nil)
// when that search grows much larger than the first.
func shortestTrace(ctx context.Context, sys *semantics.System, ms []explore.Monitor[*semantics.State, semantics.Step], o explore.Options, res explore.Result, rep explore.Reporter) *explore.Violation {
	o.POR = false
	o.MaxDepth = len(res.Violation.Path) - 1
	o.MaxStates = 20*res.Stats.States + 100_000
	o.Queue, o.Parents = nil, nil
	set := statestore.NewMemory(0)
	defer set.Close()
	r2, err := explore.Run[*semantics.State, semantics.Step](ctx, sys, set, ms, o, rep)
	if err != nil || r2.Verdict != explore.Violated {
		return nil
	}
	return r2.Violation
}

// errText is what the JSON and JUnit reports say of a failed run.
func errText(err error) string {
	if ee, ok := err.(*exitError); ok && ee.msg == "" {
		if ee.detail != "" {
			return ee.detail
		}
		return "the model has errors (see stderr)"
	}
	return strings.TrimPrefix(err.Error(), "mcgo: ")
}
