package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mcgo-dev/mcgo/trace"
)

func newTraceCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "trace",
		Short: "Show a saved counterexample trace",
		RunE:  subcommandsOnly,
	}
	cmd.AddCommand(newTraceShowCmd(a), newTraceHTMLCmd(a))
	return cmd
}

type traceHTMLOptions struct {
	file    string
	output  string
	maxFile string
}

// loadTrace reads and decodes a trace file: a regular file of at most
// maxFile bytes (--max-file-size) that fits the trace schema.
func loadTrace(path, maxFile string) (*trace.File, error) {
	max, err := sizeFlag(flagMaxFileSize, maxFile)
	if err != nil {
		return nil, err
	}
	data, err := readInput(path, max)
	if err != nil {
		return nil, err
	}
	return trace.Decode(path, data)
}

func registerTraceFileFlag(cmd *cobra.Command, v *string) {
	cmd.Flags().StringVar(v, flagMaxFileSize, defaultMaxTraceSize, "refuse a trace file larger than this")
}

func newTraceHTMLCmd(a *app) *cobra.Command {
	opts := &traceHTMLOptions{}
	cmd := &cobra.Command{
		Use:   "html TRACE.json -o trace.html",
		Short: "Write a saved trace as a self-contained HTML sequence chart",
		Long: `Write a trace saved by 'mcgo check --trace-out' as one self-contained HTML file
(no network access needed to open it): an SVG message sequence chart with one
lifeline per process grouped by node, an arrow per message from its send to
its delivery, crosses where messages were lost, faults drawn across the
nodes' lifelines, and step controls (slider, arrow keys) that show the
mailboxes, the channels and the source line of each step.

Example:
  mcgo check --trace-out t.json models/comm_bounded.erl
  mcgo trace html t.json -o comm.html`,
		Args: wantArgs(1, 1, "one trace file (saved by mcgo check --trace-out)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			if opts.output == "" {
				return exitWith(exitUsage, "mcgo trace html: -o FILE is required")
			}
			f, err := loadTrace(opts.file, opts.maxFile)
			if err != nil {
				return exitWith(exitUsage, "mcgo: %v", err)
			}
			if err := trace.SaveHTML(f, opts.output); err != nil {
				return exitWith(exitUsage, "mcgo: %v", err)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "the HTML file to write")
	registerTraceFileFlag(cmd, &opts.maxFile)
	return cmd
}

type traceShowOptions struct {
	file    string
	msc     bool
	width   int
	maxFile string
}

func newTraceShowCmd(a *app) *cobra.Command {
	opts := &traceShowOptions{}
	cmd := &cobra.Command{
		Use:   "show TRACE.json",
		Short: "Print a saved trace as numbered steps",
		Long: `Print a trace saved by 'mcgo check --trace-out' as numbered steps, as check
printed it.

Example:
  mcgo check --trace-out t.json models/comm_bounded.erl; mcgo trace show t.json`,
		Args: wantArgs(1, 1, "one trace file (saved by mcgo check --trace-out)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runTraceShow(a, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.msc, "msc", false, "print a message sequence chart instead of the list of steps")
	cmd.Flags().IntVar(&opts.width, "width", 100, "width of the chart in columns")
	registerTraceFileFlag(cmd, &opts.maxFile)
	return cmd
}

func runTraceShow(a *app, opts *traceShowOptions) error {
	f, err := loadTrace(opts.file, opts.maxFile)
	if err != nil {
		return exitWith(exitUsage, "mcgo: %v", err)
	}
	name := f.File
	if f.Variant != "" {
		name += " [" + f.Variant + "]"
	}
	if f.Property == "" {
		fmt.Fprintf(a.stdout, "%s: unsupported: the model calls a function mcgo does not model, after %d steps\n  %s\n", name, len(f.Steps), f.Message)
	} else {
		fmt.Fprintf(a.stdout, "%s: property %q violated after %d steps\n  %s\n", name, f.Property, len(f.Steps), f.Message)
	}
	if opts.msc {
		f.WriteMSC(a.stdout, opts.width)
		return nil
	}
	f.WriteText(a.stdout)
	return nil
}
