package main

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/properties"
	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/trace"
)

type replayOptions struct {
	file    string
	model   string
	maxFile string
}

func newReplayCmd(a *app) *cobra.Command {
	opts := &replayOptions{}
	cmd := &cobra.Command{
		Use:   "replay TRACE.json",
		Short: "Re-execute a saved trace against the model",
		Long: `Re-execute a trace saved by 'mcgo check --trace-out' step by step against its
model (the file named in the trace, or --model), with the configuration the
trace was found with, and check that every step still does what the trace
says and that the property still fails at the end.

Exit codes: 0 the trace still fits, 1 it no longer does, 2 bad input.

Example:
  mcgo replay t.json`,
		Args: wantArgs(1, 1, "one trace file (saved by mcgo check --trace-out)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runReplay(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.model, "model", "", "the model file (default: the one named in the trace)")
	registerTraceFileFlag(cmd, &opts.maxFile)
	return cmd
}

func runReplay(a *app, opts *replayOptions) error {
	f, err := loadTrace(opts.file, opts.maxFile)
	if err != nil {
		return exitWith(exitUsage, "mcgo: %v", err)
	}
	path := f.File
	if opts.model != "" {
		path = opts.model
	}
	if path == "" {
		return exitWith(exitUsage, "mcgo replay: %s: the trace names no model (file): give --model", opts.file)
	}
	var p *properties.Property
	if f.Property != "" { // "": the trace of an unsupported search
		var ok bool
		if p, ok = properties.Lookup(f.Property); !ok {
			return exitWith(exitUsage, "mcgo replay: %s: property: unknown property %q", opts.file, f.Property)
		}
	}
	mf := &modelFlags{}
	for k, v := range f.Defines {
		mf.defines = append(mf.defines, k+"="+v)
	}
	mf.path = f.CodePath
	mf.includes = f.IncludeDirs
	// The trace's configuration replaces the model's, key by key: the
	// faults and creations first cleared (they name nodes, and a node the
	// trace does not have would be refused), then the keys in the order of
	// the attribute (nodes first).
	var overrides [][2]string
	if len(f.Config) > 0 {
		overrides = [][2]string{{"faults", "[]"}, {"creation", "[]"}}
	}
	for _, k := range f.ConfigKeys() {
		if k == "expect" || k == "variant" || !slices.Contains(lang.ConfigKeys, k) {
			return exitWith(exitUsage, "mcgo replay: %s: config: unknown key %q", opts.file, k)
		}
	}
	for _, k := range lang.ConfigKeys {
		if v, ok := f.Config[k]; ok {
			overrides = append(overrides, [2]string{k, v})
		}
	}
	l, err := loadModel(a.stderr, path, mf, overrides)
	if err != nil {
		return err
	}
	if f.Variant != "" {
		if _, err := withVariant(l.config, f.Variant, nil); err != nil {
			return exitWith(exitUsage, "mcgo replay: %s: variant: %v", opts.file, err)
		}
	}
	sys, _, err := newSystem(l.model, l.config)
	if err != nil {
		return exitWith(exitUsage, "%v", err)
	}
	if h := modelHash(l.hashSrc, l.defines, configMap(l.config)); h != f.ModelHash {
		fmt.Fprintf(a.stderr, "mcgo replay: note: %s changed since the trace was saved (hash %s, trace %s)\n", path, h, f.ModelHash)
	}
	v := &explore.Violation{Property: f.Property, Msg: f.Message, Path: f.Path}
	got, err := trace.Build(sys, v, trace.Meta{File: f.File, Config: f.Config})
	if err != nil {
		if errors.Is(err, explore.ErrModelChanged) {
			return exitWith(exitViolation, "mcgo replay: the trace no longer fits %s: %v", path, err)
		}
		return exitWith(exitUsage, "mcgo replay: %v", err)
	}
	if len(got.Steps) != len(f.Steps) {
		return exitWith(exitViolation, "mcgo replay: the trace has %d steps, its path %d", len(f.Steps), len(got.Steps))
	}
	for i := range f.Steps {
		want, have := f.Steps[i], got.Steps[i]
		if want.Text != have.Text || want.Pid != have.Pid || want.Node != have.Node || !reflect.DeepEqual(want.Lost, have.Lost) {
			msg := fmt.Sprintf("mcgo replay: step %d differs:\n  trace: %s %s %s\n  model: %s %s %s",
				i+1, want.Node, want.Pid, want.Text, have.Node, have.Pid, have.Text)
			if want.Pid != "" && want.Pid != have.Pid {
				msg += "\n" + sameActor(sys, f.Path[:i+1], want.Pid)
			}
			return exitWith(exitViolation, "%s", msg)
		}
	}
	// The property must still fail where the trace says.
	states, labels, err := explore.Replay[*semantics.State, semantics.Step](sys, f.Path)
	if err != nil {
		return exitWith(exitViolation, "mcgo replay: the trace no longer fits %s: %v", path, err)
	}
	if f.Property == "" {
		// The trace of an unsupported search: it must still reach the
		// call mcgo does not model.
		if msg, ok := sys.Unsupported(states[len(states)-1]); ok {
			fmt.Fprintf(a.stdout, "%s: the trace still fits: %d steps, the last one reaches a call mcgo does not model: %s\n", path, len(f.Steps), msg)
			return nil
		}
		return exitWith(exitViolation, "mcgo replay: the steps still fit %s, but the last one no longer reaches a call mcgo does not model", path)
	}
	failed := false
	if n := len(labels); n > 0 && p.Step != nil {
		if ok, _ := p.Step(sys, states[n-1], labels[n-1], states[n]); !ok {
			failed = true
		}
	}
	if p.State != nil {
		if ok, _ := p.State(sys, states[len(states)-1]); !ok {
			failed = true
		}
	}
	if !failed {
		return exitWith(exitViolation, "mcgo replay: the steps still fit %s, but %s no longer fails at the end", path, f.Property)
	}
	fmt.Fprintf(a.stdout, "%s: the trace still fits: %d steps, %s fails at the last one\n", path, len(f.Steps), f.Property)
	return nil
}

// sameActor tells what the process of a trace's step can do in the model
// now, at the state the path prefix reaches: the model's other choice
// there is often a step of another process, which says little.
func sameActor(sys *semantics.System, prefix []uint32, pid string) string {
	states, _, err := explore.Replay[*semantics.State, semantics.Step](sys, prefix)
	if err != nil {
		return ""
	}
	st := states[len(states)-1]
	var can []string
	sys.Successors(st, func(step semantics.Step, _ *semantics.State) bool {
		if v := sys.Describe(st, step); v.Pid == pid {
			can = append(can, v.Text)
		}
		return true
	})
	if len(can) == 0 {
		return fmt.Sprintf("  in the model, %s has no step there", pid)
	}
	return fmt.Sprintf("  in the model, %s would: %s", pid, strings.Join(can, "; "))
}
