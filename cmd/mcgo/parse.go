package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
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
	defs, err := opts.model.defineMap()
	if err != nil {
		return exitWith(exitUsage, "mcgo: %v", err)
	}
	max := 10
	if opts.model.allErrors {
		max = 0
	}
	code := exitPass
	for _, path := range opts.files {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(a.stderr, "mcgo: %v\n", err)
			code = exitUsage
			continue
		}
		fs := token.NewFileSet()
		m, diags := lang.Load(fs, path, src, &lang.Options{Defines: defs})
		diags.Print(a.stderr, max)
		if diags.Errors() > 0 {
			code = exitUsage
			continue
		}
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
