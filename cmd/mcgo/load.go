package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/properties"
	"github.com/mcgo-dev/mcgo/semantics"
)

// Flag names shared by several commands.
const (
	flagDefine      = "define"
	flagInclude     = "include"
	flagAllErrors   = "all-errors"
	flagMaxFileSize = "max-file-size"
	flagPath        = "path"
	flagRebar       = "rebar"
)

// Default caps on the size of an input file: a model (hand-written, a few
// KiB; the largest generated ones are a few MiB) and a trace file (about
// 2 KiB per step and process, written by check).
const (
	defaultMaxModelSize = "64MiB"
	defaultMaxTraceSize = "256MiB"
)

// readInput reads a model or trace file: a regular file of at most max
// bytes. A device (/dev/zero), a FIFO (which would block) or a directory is
// refused before it is opened for reading, and a file larger than max is
// refused without reading more than max bytes of it; the error names the
// cap's flag.
func readInput(path string, max uint64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if pe, ok := err.(*fs.PathError); ok {
			pe.Op = "open" // as os.ReadFile says it
		}
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() { // replaced since the first look
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	tooLarge := func() error {
		return fmt.Errorf("%s: larger than %s, the limit of --%s", path, sizeText(max), flagMaxFileSize)
	}
	if uint64(fi.Size()) > max {
		return nil, tooLarge()
	}
	data, err := io.ReadAll(io.LimitReader(f, int64(min(max, 1<<62))+1))
	if err != nil {
		return nil, err
	}
	if uint64(len(data)) > max { // grew while it was read
		return nil, tooLarge()
	}
	return data, nil
}

// sizeText writes a size for a message: in bytes when it is small.
func sizeText(n uint64) string {
	if n < 1<<10 {
		return fmt.Sprintf("%d bytes", n)
	}
	return humanBytes(n)
}

// sizeFlag parses a size flag's value, naming the flag in the error.
func sizeFlag(name, value string) (uint64, error) {
	n, err := parseSize(value)
	if err != nil {
		return 0, fmt.Errorf("--%s: %v", name, err)
	}
	return n, nil
}

// modelFlags are the flags that choose and configure a model.
type modelFlags struct {
	defines     []string
	includes    []string
	allErrors   bool
	maxFileSize string
	path        []string
	rebar       bool
	config      map[string]*string
}

func (f *modelFlags) register(fs *pflag.FlagSet, withConfig bool) {
	fs.StringArrayVarP(&f.defines, flagDefine, "D", nil, "define a macro as erlc does: -D NAME or -D NAME=VALUE")
	fs.StringArrayVarP(&f.includes, flagInclude, "I", nil, "look for the headers of -include and -include_lib in `DIR` too, as erlc's -I")
	fs.BoolVar(&f.allErrors, flagAllErrors, false, "print every diagnostic, not only the first 10")
	fs.StringVar(&f.maxFileSize, flagMaxFileSize, defaultMaxModelSize, "refuse a model file larger than this")
	fs.StringArrayVar(&f.path, flagPath, nil, "a directory of library modules, searched after the model's own (repeatable)")
	fs.BoolVar(&f.rebar, flagRebar, true, "in a rebar3 project, read rebar.config's src_dirs, extra_src_dirs and erl_opts ({i, Dir}, {d, Macro})")
	if !withConfig {
		return
	}
	f.config = map[string]*string{}
	for _, k := range lang.ConfigTable {
		name := strings.ReplaceAll(k.Name, "_", "-")
		switch {
		case k.Name == "nodeup": // a boolean setting: --nodeup, --nodeup=false
			f.config[k.Name] = new(string)
			switchVar(fs, f.config[k.Name], name, "", "true", "false", k.FlagHelp)
		case k.FlagHelp != "":
			f.config[k.Name] = fs.String(name, "", k.FlagHelp)
		}
	}
}

// overrides returns the configuration flags the user set, in a fixed order.
func (f *modelFlags) overrides(cmd *cobra.Command) [][2]string {
	var out [][2]string
	for _, k := range lang.ConfigTable {
		name := strings.ReplaceAll(k.Name, "_", "-")
		if k.FlagHelp != "" && cmd.Flags().Changed(name) {
			out = append(out, [2]string{k.Name, *f.config[k.Name]})
		}
	}
	return out
}

// fileCap is the largest model file to read.
func (f *modelFlags) fileCap() (uint64, error) {
	v := f.maxFileSize
	if v == "" {
		v = defaultMaxModelSize
	}
	return sizeFlag(flagMaxFileSize, v)
}

func (f *modelFlags) defineMap() (map[string]string, error) {
	if len(f.defines) == 0 {
		return nil, nil
	}
	m := map[string]string{}
	for _, d := range f.defines {
		name, val, ok := strings.Cut(d, "=")
		if name == "" {
			return nil, fmt.Errorf("-D %q: empty macro name", d)
		}
		if !ok {
			val = "true"
		}
		m[name] = val
	}
	return m, nil
}

// loaded is a parsed, checked model with its configuration.
type loaded struct {
	path    string
	src     []byte // the model's source
	paths   []string
	model   *lang.Model
	config  *lang.Config // with command-line overrides
	defines map[string]string
	// includes are the -I directories; hashSrc is the source and the
	// headers and library modules it loaded, for the model's hash.
	includes []string
	hashSrc  []byte
	diags    token.ErrorList // warnings (errors make load fail)
}

// newSystem selects the properties of cfg and compiles the model with it.
// It is the one place where the checks that need the compiled model
// (end_states and init name defined functions, fault budgets, creations
// under the legacy runtime, ...) are made: loadModel runs it for the
// configuration and each variant, so that what parse accepts, check,
// test, run and replay accept too. (The system it builds there is thrown
// away; the compiled program is not: semantics shares it with every system
// built from the same model.)
func newSystem(m *lang.Model, cfg *lang.Config) (*semantics.System, []*properties.Property, error) {
	props, err := properties.Select(cfg.Check)
	if err != nil {
		return nil, nil, err
	}
	sys, err := semantics.New(m, cfg, properties.Record(props))
	if err != nil {
		return nil, nil, err
	}
	return sys, props, nil
}

// loadModel reads, parses and checks a model, applies configuration
// overrides, and prints diagnostics (errors and warnings) to w. It returns
// an exit error when the model has errors.
func loadModel(w io.Writer, path string, mf *modelFlags, overrides [][2]string) (*loaded, error) {
	// Every failure is reported here, on w, so that the callers (check
	// goes on with the next model) need not print anything.
	fail := func(format string, args ...any) (*loaded, error) {
		msg := fmt.Sprintf(format, args...)
		fmt.Fprintln(w, msg)
		return nil, &exitError{code: exitUsage, detail: strings.TrimPrefix(msg, "mcgo: ")}
	}
	failDiags := func(diags token.ErrorList, max int) (*loaded, error) {
		diags.Print(w, max)
		return nil, &exitError{code: exitUsage, detail: diagsDetail(diags)}
	}
	capBytes, err := mf.fileCap()
	if err != nil {
		return fail("mcgo: %v", err)
	}
	src, err := readInput(path, capBytes)
	if err != nil {
		return fail("mcgo: %v", err)
	}
	defs, err := mf.defineMap()
	if err != nil {
		return fail("mcgo: %v", err)
	}
	includes, codePath := mf.includes, mf.path
	if mf.rebar {
		rb, err := readRebar(path)
		if err != nil {
			return fail("mcgo: %v", err)
		}
		if rb != nil {
			// The command line's -D wins over rebar.config's; its -I
			// and --path directories come first.
			for k, v := range rb.defines {
				if _, set := defs[k]; !set {
					if defs == nil {
						defs = map[string]string{}
					}
					defs[k] = v
				}
			}
			includes = append(append([]string(nil), includes...), rb.includes...)
			codePath = append(append([]string(nil), codePath...), rb.srcDirs...)
		}
	}
	fs := token.NewFileSet()
	m, diags := loadChecked(fs, path, src, &lang.Options{Defines: defs, IncludeDirs: includes, Path: codePath})
	hashSrc := src
	if files := fs.Files(); len(files) > 1 {
		// The headers and library modules are part of the model: a
		// trace's hash changes with them. (Without either the hash is the
		// source's, as before.)
		hashSrc = append([]byte(nil), src...)
		for _, f := range files[1:] {
			hashSrc = fmt.Appendf(hashSrc, "\x00include %s\x00%d\x00", f.Name, len(f.Src))
			hashSrc = append(hashSrc, f.Src...)
		}
	}
	max := 10
	if mf.allErrors {
		max = 0
	}
	if diags.Errors() > 0 {
		return failDiags(diags, max)
	}
	cfg := m.Config
	for _, o := range overrides {
		if err := cfg.Set(o[0], o[1]); err != nil {
			return fail("mcgo: %v", err)
		}
	}
	if len(overrides) > 0 {
		// Warnings that depend on the configuration (node names) are
		// computed again with the flags applied.
		var libs token.ErrorList // the library modules' do not depend on it
		for _, d := range diags {
			if d.Pos.Filename != path {
				libs = append(libs, d)
			}
		}
		diags = append(lang.Check(fs, m.Module, cfg), libs...)
		diags.RemoveMultiples()
		if diags.Errors() > 0 {
			return failDiags(diags, max)
		}
	}
	diags.Print(w, max)
	if _, _, err := newSystem(m, cfg); err != nil {
		return fail("%v", err)
	}
	// The variants as the model has them (test runs them all); with
	// command-line overrides only the one asked for with --variant runs,
	// and the command checks it.
	for i := 0; len(overrides) == 0 && i < len(cfg.Variants); i++ {
		v := &cfg.Variants[i]
		c, err := cfg.WithVariant(v)
		if err == nil {
			_, _, err = newSystem(m, c)
		}
		if err != nil {
			return fail("%v (variant %s)", err, v.Name)
		}
	}
	return &loaded{path: path, src: src, paths: codePath, model: m, config: cfg, defines: defs, includes: includes, hashSrc: hashSrc, diags: diags}, nil
}

// loadChecked parses and checks a model as lang.Load does and, when that
// finds no error, adds the calls mcgo refuses because it does not model
// what they call (semantics.Refusals), so that mcgo parse and every command
// that loads a model refuse the same models.
func loadChecked(fs *token.FileSet, path string, src []byte, opts *lang.Options) (*lang.Model, token.ErrorList) {
	m, diags := lang.Load(fs, path, src, opts)
	if diags.Errors() == 0 {
		diags = append(diags, semantics.Refusals(m)...)
		diags.RemoveMultiples()
	}
	return m, diags
}

// configMap renders a configuration as key -> Erlang term, the form trace
// files keep and replay applies again.
func configMap(c *lang.Config) map[string]string {
	var b bytes.Buffer
	d := *c
	d.Variants = nil
	d.Format(&b)
	out := map[string]string{}
	for _, line := range strings.Split(b.String(), "\n") {
		k, v, ok := strings.Cut(line, ": ")
		if !ok || k == "expect" || strings.HasPrefix(k, "variant") {
			continue
		}
		out[k] = v
	}
	return out
}

// modelHash identifies a model's source, defines and effective
// configuration.
func modelHash(src []byte, defines map[string]string, cfg map[string]string) string {
	h := sha256.New()
	h.Write(src)
	var keys []string
	for k := range defines {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "\x00D%s=%s", k, defines[k])
	}
	keys = keys[:0]
	for k := range cfg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "\x00%s=%s", k, cfg[k])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// withVariant returns the configuration of the named variant of cfg, with
// the command-line overrides applied on top (flags win over the variant).
func withVariant(cfg *lang.Config, name string, overrides [][2]string) (*lang.Config, error) {
	for i := range cfg.Variants {
		if cfg.Variants[i].Name != name {
			continue
		}
		c, err := cfg.WithVariant(&cfg.Variants[i])
		if err != nil {
			return nil, err
		}
		for _, o := range overrides {
			if err := c.Set(o[0], o[1]); err != nil {
				return nil, err
			}
		}
		return c, nil
	}
	var names []string
	for _, v := range cfg.Variants {
		names = append(names, v.Name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no variant %q: the model has none", name)
	}
	return nil, fmt.Errorf("no variant %q (the model has %s)", name, strings.Join(names, ", "))
}

// diagsDetail is the first error of diags, and how many more there are.
func diagsDetail(diags token.ErrorList) string {
	var first string
	n := 0
	for _, d := range diags {
		if d.Severity != token.SevError {
			continue
		}
		if n == 0 {
			first = d.Error()
		}
		n++
	}
	if n > 1 {
		first += fmt.Sprintf(" (and %d more errors)", n-1)
	}
	return first
}
