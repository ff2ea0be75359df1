package main

import (
	"github.com/spf13/cobra"

	"github.com/mcgo-dev/mcgo/lang/ast"
)

type parseOptions struct {
	files []string
	model modelFlags
	dump  string
}

func newParseCmd(a *app) *cobra.Command {
	opts := &parseOptions{}
	cmd := &cobra.Command{
		Use:     "parse FILE...",
		Aliases: []string{"lint"},
		Short:   "Parse and check models, like erlc's linter",
		Long: `Parse and check Erlang models and their -mcgo configuration.

Diagnostics are printed as file:line:col: message, sorted, one per line, at
most 10 unless --all-errors. The exit code is 0 when there is no error
(warnings may be printed) and 2 otherwise.

Examples:
  mcgo parse models/*.erl
  mcgo lint -D DEBUG model.erl
  mcgo parse --dump config models/comm.erl`,
		Args: wantArgs(1, -1, "one or more Erlang files (.erl)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runParse(a, opts)
		},
	}
	opts.model.register(cmd.Flags(), false)
	cmd.Flags().StringVar(&opts.dump, "dump", "", "print the syntax tree (ast) or the configuration (config)")
	return cmd
}

func runParse(a *app, opts *parseOptions) error {
	switch opts.dump {
	case "", "ast", "config":
	default:
		return exitWith(exitUsage, "mcgo parse: --dump %q: expected ast or config", opts.dump)
	}
	code := exitPass
	for _, path := range opts.files {
		// The same loading as check's: parse, configuration, and the
		// checks that need the compiled model, for each variant too.
		l, err := loadModel(a.stderr, path, &opts.model, nil)
		if err != nil {
			code = worst(code, exitCode(err))
			continue
		}
		m, fs := l.model, l.model.FileSet
		switch opts.dump {
		case "ast":
			ast.Fprint(a.stdout, fs, m.Module)
		case "config":
			m.Config.Format(a.stdout)
		}
	}
	if code != exitPass {
		return &exitError{code: code}
	}
	return nil
}
