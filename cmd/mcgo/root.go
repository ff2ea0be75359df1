package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit codes (see `mcgo help exit-codes` and docs/usage.md).
const (
	exitPass       = 0
	exitViolation  = 1
	exitUsage      = 2
	exitIncomplete = 3
	exitInternal   = 70
)

// version is mcgo's version; a build from a tagged module reports its tag.
var version = "0.1.0-dev"

func mcgoVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

// pseudoCommit matches the commit at the end of a pseudo-version
// (v0.0.0-20261207235957-793d5bd1c0ab), what `go install ...@main` gives.
var pseudoCommit = regexp.MustCompile(`[-.][0-9]{14}-([0-9a-f]{12})(\+incompatible)?$`)

// versionText is what `mcgo version` prints: the module version, the commit
// (from the build's VCS stamp in a git checkout, from a pseudo-version
// otherwise) and the Go version.
func versionText(bi *debug.BuildInfo) string {
	v := version
	commit, when, modified := "", "", false
	goVersion := runtime.Version()
	if bi != nil {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if commit == "" {
			if m := pseudoCommit.FindStringSubmatch(bi.Main.Version); m != nil {
				commit = m[1]
			}
		}
		if bi.GoVersion != "" {
			goVersion = bi.GoVersion
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "mcgo %s\n", v)
	switch {
	case commit == "":
		b.WriteString("commit unknown (the binary carries no VCS stamp)\n")
	default:
		fmt.Fprintf(&b, "commit %s", commit)
		if when != "" {
			fmt.Fprintf(&b, " (%s)", when)
		}
		if modified {
			b.WriteString(" with uncommitted changes")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "built with %s\n", goVersion)
	return b.String()
}

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print mcgo's version, commit and Go version",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			bi, _ := debug.ReadBuildInfo()
			fmt.Fprint(a.stdout, versionText(bi))
			return nil
		},
	}
}

// exitError carries an exit code out of a command, with an optional
// message to print on stderr.
type exitError struct {
	code int
	msg  string
	// detail says what went wrong when msg is empty because it was
	// already printed (a model's diagnostics): for the JSON and JUnit
	// reports.
	detail string
}

func (e *exitError) Error() string { return e.msg }

func exitWith(code int, format string, args ...any) error {
	return &exitError{code: code, msg: fmt.Sprintf(format, args...)}
}

// app holds what every command shares.
type app struct {
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader
}

// Main runs mcgo with the process's arguments and returns its exit code.
// Ctrl-C (SIGINT) and SIGTERM, which CI runners send to cancel a job,
// stop a search the same way: the report of what was explored, verdict
// incomplete.
func Main() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, os.Args[1:], os.Stdout, os.Stderr)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "mcgo: internal error: %v\n%s", r, debug.Stack())
			code = exitInternal
		}
	}()
	a := &app{stdout: stdout, stderr: stderr, stdin: os.Stdin}
	root := newRootCmd(a)
	root.SetArgs(joinSwitchValues(root, args))
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitPass
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, ee.msg)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "mcgo: %v\n", err)
	return exitUsage
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "mcgo",
		Short: "A model checker for distributed Erlang programs",
		Long: `mcgo explores every interleaving and every allowed fault (crash, restart,
disconnect) of a small Erlang module, under single-node or refined distributed
semantics, and either shows that its properties hold within the bounds or
prints the shortest trace that breaks one.

The models are real Erlang: the same file compiles with erlc and runs on a
real node. Configuration lives in -mcgo(...) attributes, which erlc ignores.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       mcgoVersion(),
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return exitWith(exitUsage, "mcgo %s: %v\nRun 'mcgo %s --help' for usage.", c.Name(), err, c.Name())
	})
	root.AddCommand(
		newParseCmd(a),
		newRunCmd(a),
		newCheckCmd(a),
		newTestCmd(a),
		newTraceCmd(a),
		newReplayCmd(a),
		newVersionCmd(a),
	)
	root.SetHelpCommand(newHelpCmd())
	root.AddCommand(&cobra.Command{
		Use:   "exit-codes",
		Short: "The exit codes of mcgo's commands",
		Long:  exitCodesHelp,
	})
	return root
}

// newHelpCmd is cobra's help command, except that an unknown topic is a
// usage error (exit 2), not a help page and success.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help provides help for any command or topic: mcgo help check, mcgo help exit-codes.",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				return exitWith(exitUsage, "mcgo help: unknown help topic %q\nRun 'mcgo help' for the commands and topics.", strings.Join(args, " "))
			}
			cmd.InitDefaultHelpFlag()
			return cmd.Help()
		},
	}
}

// subcommandsOnly is the RunE of a command that only groups subcommands
// (trace): without one, or with an unknown one, it prints its help on
// stderr and exits 2.
func subcommandsOnly(c *cobra.Command, args []string) error {
	c.SetOut(c.ErrOrStderr())
	c.Help()
	if len(args) > 0 {
		return exitWith(exitUsage, "mcgo %s: unknown command %q", c.Name(), args[0])
	}
	return exitWith(exitUsage, "mcgo %s: a command is needed", c.Name())
}

const exitCodesHelp = `mcgo check:
  0   every property holds and the search was complete
  1   a property is violated (the trace is printed)
  2   usage or input error: bad flags, a model that does not parse or check,
      or that calls a function mcgo does not model (docs/library.md)
  3   incomplete: a bound, limit or time limit was hit and nothing was found,
      or the search was interrupted (Ctrl-C, SIGTERM); or unsupported: the
      search reached, through apply/3, M:F(...) or fun M:F/A, a function
      that mcgo does not model
  70  internal failure of mcgo
  Over several models, variants or --semantics both, the most severe code
  wins, in the order 70, 2, 1, 3, 0.

mcgo test:
  0   every model and variant met its expectation
  1   a wrong verdict: a violation where pass was expected, or the reverse,
      or another property
  2   bad input
  3   could not decide: an incomplete search, a model that uses what mcgo
      does not support or model (unsupported), a case not run (interrupted)
  70  internal failure of mcgo
  The most severe code wins, in check's order.

mcgo replay:
  0   the trace still fits the model
  1   it no longer does
  2   bad input

mcgo parse (lint):
  0   no errors (warnings may be printed)
  2   errors

mcgo run:
  0   the run ended (all processes done, blocked, or the step limit) and no
      process crashed
  1   a process crashed, as the crash property defines it (its own code
      raised); --allow-crash exits 0 instead
  2   bad input
`

// severity orders exit codes for combining several results.
func severity(code int) int {
	switch code {
	case exitInternal:
		return 5
	case exitUsage:
		return 4
	case exitViolation:
		return 3
	case exitIncomplete:
		return 2
	}
	return 1
}

func worst(a, b int) int {
	if severity(b) > severity(a) {
		return b
	}
	return a
}
