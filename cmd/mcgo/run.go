package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/trace"
)

type runOptions struct {
	file     string
	variant  string
	model    modelFlags
	seed     uint64
	steps    int
	trace    bool
	noFaults bool
	// allowCrash: a crash (as the crash property defines it) does not
	// change the exit code.
	allowCrash bool
	cmd        *cobra.Command
}

func newRunCmd(a *app) *cobra.Command {
	opts := &runOptions{}
	cmd := &cobra.Command{
		Use:   "run FILE",
		Short: "Execute a model once under a random scheduler",
		Long: `Execute a model once. At each step a seeded random scheduler picks one of the
enabled transitions (process steps, deliveries, timeouts, and the configured
faults unless --no-faults). The model's io:format output goes to stdout
exactly as erl prints it; crash reports and, with --trace, every step go to
stderr.

Exit codes: 0 the run ended (every process done, all blocked, or the step
limit) and no process crashed; 1 a process crashed, as the crash property
defines it (its own code raised: a runtime error, erlang:error, an uncaught
throw, exit with a reason other than normal or shutdown), unless
--allow-crash; 2 bad input.

Examples:
  mcgo run models/comm_bounded.erl
  mcgo run --seed 7 --trace models/pidReuse_bounded.erl
  mcgo run --steps 50 --no-faults model.erl`,
		Args: wantArgs(1, 1, "one model file (.erl)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			opts.cmd = cmd
			return runRun(a, opts)
		},
	}
	opts.model.register(cmd.Flags(), true)
	cmd.Flags().Uint64Var(&opts.seed, "seed", 1, "the scheduler's seed: the same seed gives the same run")
	cmd.Flags().IntVar(&opts.steps, "steps", 10000, "stop after this many steps (0: no limit)")
	cmd.Flags().BoolVar(&opts.trace, "trace", false, "print every step on stderr")
	cmd.Flags().BoolVar(&opts.noFaults, "no-faults", false, "never choose a fault")
	cmd.Flags().BoolVar(&opts.allowCrash, "allow-crash", false, "exit 0 even when a process crashed")
	cmd.Flags().StringVar(&opts.variant, "variant", "", "run the named -mcgo variant instead of the base configuration")
	return cmd
}

func runRun(a *app, opts *runOptions) error {
	if opts.steps < 0 {
		return exitWith(exitUsage, "mcgo run: --steps %d: must be at least 0 (0: no limit)", opts.steps)
	}
	overrides := opts.model.overrides(opts.cmd)
	for _, o := range overrides {
		if o[0] == "semantics" && o[1] == "both" {
			return exitWith(exitUsage, "mcgo run: --semantics both is for check; run takes distributed or single_node")
		}
	}
	l, err := loadModel(a.stderr, opts.file, &opts.model, overrides)
	if err != nil {
		return err
	}
	cfg := l.config
	if opts.variant != "" {
		if cfg, err = withVariant(cfg, opts.variant, overrides); err != nil {
			return exitWith(exitUsage, "mcgo: %s: %v", opts.file, err)
		}
	}
	sys, err := semantics.New(l.model, cfg, 0)
	if err != nil {
		return exitWith(exitUsage, "%v", err)
	}
	n, crashes := 0, 0
	refs := trace.NewRefNamer(sys)
	sys.RefLabels = refs.Name
	res := sys.Run(semantics.RunOptions{Seed: opts.seed, Steps: opts.steps, NoFaults: opts.noFaults}, func(prev *semantics.State, step semantics.Step, next *semantics.State) {
		n++
		if opts.trace {
			refs.Advance(prev)
			v := sys.Describe(prev, step)
			who := v.Node
			if v.Pid != "" {
				who += " " + strings.TrimSpace(v.Proc+" "+v.Pid)
			}
			line := fmt.Sprintf("%4d: %-16s %s", n, who, v.Text)
			if v.Pos.IsValid() {
				line += "   " + v.Pos.String()
			}
			fmt.Fprintln(a.stderr, line)
			for _, lo := range v.Lost {
				fmt.Fprintf(a.stderr, "        LOST: %s\n", lo)
			}
			for _, note := range v.Notes {
				fmt.Fprintf(a.stderr, "        -> %s\n", note)
			}
		}
		if step.Info.Output != "" {
			fmt.Fprint(a.stdout, step.Info.Output)
		}
		if step.Kind == semantics.StepExit {
			if p := prev.Proc(step.Pid); p != nil && p.Own {
				crashes++
				where := ""
				if p.RaisedAt.IsValid() {
					where = " at " + sys.Position(p.RaisedAt).String()
				}
				fmt.Fprintf(a.stderr, "mcgo: process %s exited with reason %s%s\n", sys.ProcLabel(prev, p.Pid), sys.Label(p.Reason), where)
			}
		}
	})
	switch res.End {
	case "blocked":
		var ws []string
		for _, p := range res.Final.Procs {
			ws = append(ws, sys.ProcLabel(res.Final, p.Pid))
		}
		fmt.Fprintf(a.stderr, "mcgo: run ended after %d steps: no transition enabled; waiting: %s\n", res.Steps, strings.Join(ws, ", "))
	case "steps":
		fmt.Fprintf(a.stderr, "mcgo: run stopped after %d steps (--steps)\n", res.Steps)
	case "bound":
		fmt.Fprintf(a.stderr, "mcgo: run stopped after %d steps: %s\n", res.Steps, res.Final.Bound)
	default:
		if opts.trace {
			fmt.Fprintf(a.stderr, "mcgo: run ended after %d steps: every process is done\n", res.Steps)
		}
	}
	// A process whose own code raised ends with its next step; the run
	// may stop (--steps) before it.
	for _, p := range res.Final.Procs {
		if p.Ended() && p.Own {
			crashes++
			fmt.Fprintf(a.stderr, "mcgo: process %s crashed with reason %s (its exit step was not taken)\n", sys.ProcLabel(res.Final, p.Pid), sys.Label(p.Reason))
		}
	}
	if crashes > 0 && !opts.allowCrash {
		what := "1 process"
		if crashes > 1 {
			what = fmt.Sprintf("%d processes", crashes)
		}
		return exitWith(exitViolation, "mcgo: run: %s crashed (exit code 1; --allow-crash exits 0)", what)
	}
	return nil
}
