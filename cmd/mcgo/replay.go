package main

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/spf13/cobra"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/properties"
	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/trace"
)

type replayOptions struct {
	file  string
	model string
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
	return cmd
}

func runReplay(a *app, opts *replayOptions) error {
	f, err := trace.Load(opts.file)
	if err != nil {
		return exitWith(exitUsage, "mcgo: %v", err)
	}
	path := f.File
	if opts.model != "" {
		path = opts.model
	}
	mf := &modelFlags{}
	for k, v := range f.Defines {
		mf.defines = append(mf.defines, k+"="+v)
	}
	var overrides [][2]string
	for _, k := range f.ConfigKeys() {
		overrides = append(overrides, [2]string{k, f.Config[k]})
	}
	l, err := loadModel(a.stderr, path, mf, overrides)
	if err != nil {
		return err
	}
	props, err := properties.Select(l.config.Check)
	if err != nil {
		return exitWith(exitUsage, "mcgo: %v", err)
	}
	sys, err := semantics.New(l.model, l.config, properties.Record(props))
	if err != nil {
		return exitWith(exitUsage, "%v", err)
	}
	if h := modelHash(l.src, l.defines, configMap(l.config)); h != f.ModelHash {
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
	for i := range f.Steps {
		want, have := f.Steps[i], got.Steps[i]
		if want.Text != have.Text || want.Pid != have.Pid || want.Node != have.Node || !reflect.DeepEqual(want.Lost, have.Lost) {
			return exitWith(exitViolation, "mcgo replay: step %d differs:\n  trace: %s %s %s\n  model: %s %s %s",
				i+1, want.Node, want.Pid, want.Text, have.Node, have.Pid, have.Text)
		}
	}
	// The property must still fail where the trace says.
	states, labels, _ := explore.Replay[*semantics.State, semantics.Step](sys, f.Path)
	p, ok := properties.Lookup(f.Property)
	if !ok {
		return exitWith(exitUsage, "mcgo replay: unknown property %q in the trace", f.Property)
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
