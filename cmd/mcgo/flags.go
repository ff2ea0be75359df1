package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// switchValue is a setting that is on or off but was a word before it was
// a boolean flag (--por on|off, --nodeup true|false): it works as a
// boolean flag (--por, --por=false) and still takes on, off, true or false
// as a value, also after a space (--por off: see joinSwitchValues). It
// stores the word the rest of mcgo expects (on/off for --por, true/false
// for --nodeup).
type switchValue struct {
	p        *string
	yes, no  string
	flagName string
}

// switchVar declares a switch flag whose value, in *p, is yes or no (or
// def, which may be "" for "not set").
func switchVar(fs *pflag.FlagSet, p *string, name, def, yes, no, usage string) {
	*p = def
	fs.Var(&switchValue{p: p, yes: yes, no: no, flagName: name}, name, usage)
	fs.Lookup(name).NoOptDefVal = yes
}

func (v *switchValue) String() string { return *v.p }

// Type is "bool" so that the help shows no argument, as for other boolean
// flags.
func (v *switchValue) Type() string { return "bool" }

func (v *switchValue) Set(s string) error {
	switch w, ok := switchWord(s); {
	case !ok:
		return fmt.Errorf("expected true, false, on or off")
	case w:
		*v.p = v.yes
	default:
		*v.p = v.no
	}
	return nil
}

// switchWord reads a switch's value.
func switchWord(s string) (value, ok bool) {
	switch strings.ToLower(s) {
	case "on", "true":
		return true, true
	case "off", "false":
		return false, true
	}
	return false, false
}

// joinSwitchValues rewrites "--por off" as "--por=off" for the switch
// flags of the command args run, so that the word after a space keeps
// being the flag's value (pflag would otherwise take the flag alone as
// "on" and the word as an argument). Only on, off, true and false are
// joined; "--" ends the flags.
func joinSwitchValues(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd == nil {
		return args
	}
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if strings.HasPrefix(a, "--") && !strings.Contains(a, "=") && i+1 < len(args) {
			if f := cmd.Flags().Lookup(a[2:]); f != nil {
				if _, ok := f.Value.(*switchValue); ok {
					if _, ok := switchWord(args[i+1]); ok {
						out = append(out, a+"="+args[i+1])
						i++
						continue
					}
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// wantArgs returns a check of a command's arguments that, when there are
// fewer than min or more than max (max < 0: no limit), says what the
// command expects.
func wantArgs(min, max int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) >= min && (max < 0 || len(args) <= max) {
			return nil
		}
		found := "none"
		if len(args) > 0 {
			found = fmt.Sprintf("%d: %s", len(args), strings.Join(args, " "))
		}
		return exitWith(exitUsage, "%s: expected %s, found %s\nUsage: %s\nRun '%s --help' for more.",
			cmd.CommandPath(), what, found, cmd.UseLine(), cmd.CommandPath())
	}
}

// noArgs refuses arguments.
var noArgs = wantArgs(0, 0, "no arguments")
