package semantics

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/mcgo-dev/mcgo/lang"
	"github.com/mcgo-dev/mcgo/lang/ast"
	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Record says which history the semantics keeps in the state for the
// properties being checked. Each costs states: runs that do not check a
// property do not pay for its history.
type Record uint8

const (
	// RecordSeq numbers the messages of each (sender, destination) pair and
	// remembers how many were delivered (no_loss, fifo, monitored_no_loss).
	RecordSeq Record = 1 << iota
	// RecordCausal keeps vector clocks (causal).
	RecordCausal
	// RecordPids keeps every pid ever allocated (pid_unique).
	RecordPids
	// RecordTold keeps who was told that which process or node is down
	// (fd_accurate).
	RecordTold
)

// options choose the step relation. They are derived from a model's
// configuration by [New].
type options struct {
	SingleNode  bool
	Legacy      bool // the 2007 runtime: creations 1..3, c mod 3 + 1 per restart
	NodeUp      bool // monitor_node also reports reconnection
	MaxProgress bool // timeouts fire only when nothing else can move
	Record      Record
	Bounds      lang.Bounds
	_           struct{}
}

// faultBudget is one configured fault budget.
type faultBudget struct {
	kind  faultKind
	nodes []term.NodeID    // where it applies; empty (and no links): everywhere
	links [][2]term.NodeID // pair faults only: the node pairs it applies to
}

// appliesTo reports whether the budget covers nodes a and b: the node a
// for a node fault (a == b), the pair a - b for a pair fault. A pair fault
// restricted to one node covers every pair touching it (the node is cut
// off); to two or more nodes, the pairs among them; to links, those links
// (docs/configuration.md).
func (f *faultBudget) appliesTo(a, b term.NodeID) bool {
	if len(f.links) > 0 {
		for _, l := range f.links {
			if l[0] == a && l[1] == b || l[0] == b && l[1] == a {
				return true
			}
		}
		return false
	}
	if len(f.nodes) == 0 {
		return true
	}
	if a == b || len(f.nodes) == 1 {
		return slices.Contains(f.nodes, a) || slices.Contains(f.nodes, b)
	}
	return slices.Contains(f.nodes, a) && slices.Contains(f.nodes, b)
}

// faultKind is a kind of fault.
type faultKind uint8

const (
	faultCrash faultKind = iota
	faultRestart
	faultDisconnect
	faultConnectFail

	numFaultKinds // the number of fault kinds
)

var faultNames = [numFaultKinds]string{
	faultCrash:       lang.FaultCrash,
	faultRestart:     lang.FaultRestart,
	faultDisconnect:  lang.FaultDisconnect,
	faultConnectFail: lang.FaultConnectFail,
}

func (k faultKind) String() string { return faultNames[k] }

// System is a model compiled into a transition system. Its states are
// *[State] values and its labels [Step] values. It satisfies
// explore.System[*State, Step] structurally.
type System struct {
	prog     *compile.Program
	cfg      *lang.Config
	opts     options
	bounds   lang.Bounds
	nodes    []term.Atom // node names; the configured nodes first, then names the program mentions
	nUp      int         // how many nodes are configured (and may be up)
	nodeIdx  map[term.Atom]term.NodeID
	faults   []faultBudget
	budgets  []uint8
	exported map[int32]bool
	endState map[int32]bool
	initFn   int32
	initArgs []term.Term
	creation []uint32
	startFn  int32 // '$mcgo':start/3
	funFn    int32 // '$mcgo':start_fun/1
	afterFn  int32 // '$mcgo':send_after/4
	// atomLimit: atoms below it existed when the model was compiled and are
	// encoded by index; later ones by name.
	atomLimit int
	// gm evaluates guards outside a transition (which messages match): guard
	// BIFs only read the system.
	gm *vm.Machine
	// static is the machine's host without a state: for guards and the
	// term writer.
	static host
	// loaded are the atoms of the loaded code and of the runtime itself:
	// they exist on every node from the start.
	loaded map[term.Atom]bool
	// atomsMade is set once a run has made an atom at run time.
	atomsMade atomic.Bool
	// runAtoms holds every atom made at run time (list_to_atom/1 of a name
	// the loaded code lacks) on any explored path, for learnAtoms.
	runAtoms sync.Map
	// code is what the process machine reads of the compiled model.
	code vm.Code
	// procs caches decoded processes (DecodeKey).
	procs *procCache
	// procTab and chanTab intern processes and channel contents for
	// compact keys (intern.go); nil: full keys.
	procTab *table[Proc, *Proc]
	chanTab *table[sigList, *sigList]
	sigTab  *table[encoded, *encoded]
	fpMask  uint64 // all ones but in tests (fingerprint)
	memo    bool   // shared processes remember their local steps (memo.go)
	// flow is the static analysis behind the delivery reduction (flow.go).
	flow *compile.FlowInfo
	// reduced counts the states the partial-order reduction expanded by
	// one receive and by one delivery (ReductionCounts).
	reduced [2]paddedCount
	// Hash is a hash of the model's source and configuration, for trace
	// files and disk-store manifests.
	Hash string
	// RefLabels, when set, names the references in the labels of Describe
	// and View. A state reuses the number of a reference no longer in use
	// (refs.go), so that along a trace one number may stand for several
	// references; trace.Build sets it to name each one once. It is set
	// only while nothing else uses the system (after the search).
	RefLabels func(term.Ref) string
}

// New compiles a checked model with its configuration.
//
// A model that calls a function mcgo does not model (see [Refusals]) is
// refused with those calls, as a [token.ErrorList].
func New(model *lang.Model, cfg *lang.Config, rec Record) (*System, error) {
	prog, err := compileProgram(model)
	if err != nil {
		return nil, err
	}
	if errs := prog.Refusals(); len(errs) > 0 {
		return nil, errs
	}
	s := &System{prog: prog, cfg: cfg, exported: map[int32]bool{}, endState: map[int32]bool{}}
	s.flow = compile.AnalyzeFlow(prog)
	s.atomLimit = term.AtomCount()
	s.loaded = prog.Atoms()
	for _, a := range term.RuntimeAtoms() {
		s.loaded[a] = true
	}
	s.procs = newProcCache()
	s.memo = true
	s.opts = options{
		SingleNode:  cfg.Semantics == "single_node",
		Legacy:      cfg.Runtime == "legacy",
		NodeUp:      cfg.NodeUp,
		MaxProgress: cfg.Timeouts == "max_progress",
		Record:      rec,
		Bounds:      cfg.Bounds,
	}
	s.bounds = cfg.Bounds
	def := lang.DefaultBounds
	if s.bounds.Mailbox <= 0 {
		s.bounds.Mailbox = def.Mailbox
	}
	if s.bounds.Processes <= 0 {
		s.bounds.Processes = def.Processes
	}
	if s.bounds.Spawns <= 0 {
		s.bounds.Spawns = def.Spawns
	}
	if s.bounds.Stack <= 0 {
		s.bounds.Stack = def.Stack
	}
	if s.bounds.Channel <= 0 {
		s.bounds.Channel = def.Channel
	}
	s.code = vm.Code{Prog: prog, Exported: s.exported, StackBound: s.bounds.Stack}
	s.static = host{s: s}
	s.gm = &vm.Machine{Code: &s.code, Host: &s.static}
	for _, mod := range append([]*ast.Module{model.Module}, model.Libs...) {
		for _, e := range mod.Exports {
			if i, ok := prog.Lookup(term.Intern(mod.Name), term.Intern(e.Name), e.Arity); ok {
				s.exported[i] = true
			}
		}
	}
	if lang.ExportAll(model.Module) {
		for _, f := range model.Module.Funcs {
			if i, ok := prog.Lookup(prog.Module, term.Intern(f.Name), f.Arity); ok {
				s.exported[i] = true
			}
		}
	}
	for _, e := range cfg.EndStates {
		mod := prog.Module
		if e.Module != "" {
			mod = term.Intern(e.Module)
		}
		if i, ok := prog.Lookup(mod, term.Intern(e.Name), e.Arity); ok && !prog.Funcs[i].Prelude {
			s.endState[i] = true
		} else if e.Module != "" {
			return nil, fmt.Errorf("%s: end_states: function %s:%s/%d is not defined%s", cfg.KeyPos["end_states"], compile.QuoteAtom(e.Module), compile.QuoteAtom(e.Name), e.Arity, notOnPath(model, e.Module))
		} else {
			return nil, fmt.Errorf("%s: end_states: function %s/%d is not defined", cfg.KeyPos["end_states"], e.Name, e.Arity)
		}
	}
	// Nodes: the configured ones, then any other node name the program
	// mentions (never up: messages to them are lost, spawns fail).
	s.nodeIdx = map[term.Atom]term.NodeID{}
	nodes := cfg.Nodes
	if len(nodes) == 0 {
		nodes = []string{"nonode@nohost"}
	}
	for _, n := range nodes {
		a := term.Intern(n)
		if _, dup := s.nodeIdx[a]; dup {
			return nil, fmt.Errorf("%s: node %s listed twice", cfg.KeyPos["nodes"], compile.QuoteAtom(n))
		}
		s.nodeIdx[a] = term.NodeID(len(s.nodes))
		s.nodes = append(s.nodes, a)
	}
	s.nUp = len(s.nodes)
	if s.opts.SingleNode {
		s.nUp = 1
		s.nodes = s.nodes[:1]
	}
	var extra []string
	for _, c := range prog.Consts {
		if a, ok := c.(term.Atom); ok && strings.Contains(a.Name(), "@") {
			if _, known := s.nodeIdx[a]; !known {
				extra = append(extra, a.Name())
			}
		}
	}
	sort.Strings(extra)
	for _, n := range extra {
		a := term.Intern(n)
		if _, dup := s.nodeIdx[a]; dup {
			continue
		}
		if s.opts.SingleNode {
			s.nodeIdx[a] = 0
			continue
		}
		s.nodeIdx[a] = term.NodeID(len(s.nodes))
		s.nodes = append(s.nodes, a)
	}
	s.creation = make([]uint32, len(s.nodes))
	for i, a := range s.nodes {
		s.loaded[a] = true // node names are atoms every node has
		s.creation[i] = 1
		if c, ok := cfg.Creation[a.Name()]; ok {
			s.creation[i] = uint32(c)
		}
		if s.opts.Legacy && (s.creation[i] < 1 || s.creation[i] > 3) {
			return nil, fmt.Errorf("%s: creation of %s must be 1, 2 or 3 under runtime legacy", cfg.KeyPos["creation"], compile.QuoteAtom(a.Name()))
		}
	}
	for _, f := range cfg.Faults {
		fb := faultBudget{}
		switch f.Kind {
		case lang.FaultCrash:
			fb.kind = faultCrash
		case lang.FaultRestart:
			fb.kind = faultRestart
		case lang.FaultDisconnect:
			fb.kind = faultDisconnect
		case lang.FaultConnectFail:
			fb.kind = faultConnectFail
		default:
			return nil, fmt.Errorf("%s: unknown fault %q", cfg.KeyPos["faults"], f.Kind)
		}
		nodeID := func(n string) (term.NodeID, error) {
			id, ok := s.nodeIdx[term.Intern(n)]
			if !ok {
				return 0, fmt.Errorf("%s: fault %s names node %s, which is not configured", cfg.KeyPos["faults"], f.Kind, compile.QuoteAtom(n))
			}
			return id, nil
		}
		for _, n := range f.Nodes {
			id, err := nodeID(n)
			if err != nil {
				return nil, err
			}
			fb.nodes = append(fb.nodes, id)
		}
		if len(f.Links) > 0 && fb.kind != faultDisconnect && fb.kind != faultConnectFail {
			return nil, fmt.Errorf("%s: fault %s cannot be restricted to links", cfg.KeyPos["faults"], f.Kind)
		}
		for _, l := range f.Links {
			a, err := nodeID(l[0])
			if err != nil {
				return nil, err
			}
			b, err := nodeID(l[1])
			if err != nil {
				return nil, err
			}
			fb.links = append(fb.links, [2]term.NodeID{a, b})
		}
		if f.Budget > 255 {
			return nil, fmt.Errorf("%s: fault budget %d is too large (at most 255)", cfg.KeyPos["faults"], f.Budget)
		}
		s.faults = append(s.faults, fb)
		s.budgets = append(s.budgets, uint8(f.Budget))
	}
	// The initial call.
	mod := cfg.Init.Module
	if mod == "" {
		mod = model.Module.Name
	}
	fi, ok := prog.Lookup(term.Intern(mod), term.Intern(cfg.Init.Function), len(cfg.Init.Args))
	if !ok || prog.Funcs[fi].Prelude {
		return nil, fmt.Errorf("%s: init: function %s:%s/%d is not defined%s", posOr(cfg.KeyPos["init"], model.FileSet, model.Module.File), mod, cfg.Init.Function, len(cfg.Init.Args), notOnPath(model, mod))
	}
	s.initFn = fi
	for _, a := range cfg.Init.Args {
		t, ok := compile.Literal(a)
		if !ok {
			return nil, fmt.Errorf("%s: init: not a literal term", cfg.KeyPos["init"])
		}
		s.initArgs = append(s.initArgs, t)
	}
	s.startFn, _ = prog.Lookup(term.AMcgo, term.Intern("start"), 3)
	s.funFn, _ = prog.Lookup(term.AMcgo, term.Intern("start_fun"), 1)
	s.afterFn, _ = prog.Lookup(term.AMcgo, term.Intern("send_after"), 4)
	return s, nil
}

// notOnPath explains, for a message, that the configuration names a module
// that is neither the model's nor found on its code path.
func notOnPath(model *lang.Model, mod string) string {
	if mod == model.Module.Name || lang.IsOTPModule(mod) {
		return ""
	}
	for _, l := range model.Libs {
		if l.Name == mod {
			return ""
		}
	}
	return fmt.Sprintf(" (module %s is not on the code path: the model's directory, then --path)", compile.QuoteAtom(mod))
}

func posOr(p token.Position, fs *token.FileSet, file token.Pos) token.Position {
	if p.IsValid() {
		return p
	}
	return fs.Position(file)
}

// Position expands a source position of the model (where a process
// raised, say).
func (s *System) Position(pos token.Pos) token.Position { return s.prog.Position(pos) }

// NodeName returns the name of a node.
func (s *System) NodeName(n term.NodeID) string {
	if int(n) < len(s.nodes) {
		return s.nodes[n].Name()
	}
	return "unknown@node"
}

// Nodes returns the number of configured nodes.
func (s *System) Nodes() int { return s.nUp }

func (s *System) nodeAtom(n term.NodeID) term.Atom {
	if int(n) < len(s.nodes) {
		return s.nodes[n]
	}
	return term.ANonodeNohost
}

// nodeOf returns the node named by an atom.
func (s *System) nodeOf(t term.Term) (term.NodeID, bool) {
	a, ok := t.(term.Atom)
	if !ok {
		return 0, false
	}
	if s.opts.SingleNode {
		// Every node name collapses into the one node.
		return 0, true
	}
	id, ok := s.nodeIdx[a]
	return id, ok
}

// configured reports whether n is a node of the model (one that can be up).
func (s *System) configured(n term.NodeID) bool { return int(n) < s.nUp }

// nextCreation is the creation of a node's next incarnation.
func (s *System) nextCreation(c uint32) uint32 {
	if s.opts.Legacy {
		return c%3 + 1
	}
	return c + 1
}

// firstLid is the local id of the first process of a node incarnation.
const firstLid = 1

// Initial returns the initial state: every configured node up, no
// connection, and the initial process on the first node, run up to its
// first effect.
func (s *System) Initial() []*State {
	st := &State{Budget: append([]uint8(nil), s.budgets...)}
	for i := 0; i < len(s.nodes); i++ {
		n := Node{Cr: s.creation[i], NextLid: firstLid}
		if s.configured(term.NodeID(i)) {
			n.Up = true
		}
		st.Nodes = append(st.Nodes, n)
	}
	if s.opts.Record != 0 {
		st.Hist = &Hist{}
	}
	e := newEdit(st)
	m := &vm.Machine{Code: &s.code, Host: &host{s: s, e: e}}
	p := s.newProc(m, e, 0, s.prog.Funcs[s.initFn].Module, s.prog.Funcs[s.initFn].Name, term.MkList(s.initArgs...), nil)
	if p != nil {
		if h := e.hist(); h != nil && s.opts.Record&RecordPids != 0 {
			h.addPid(p.Pid)
		}
	}
	out := e.s
	if m.Bound != "" {
		out.Bound = m.Bound
	}
	s.seal(out, nil)
	return []*State{out}
}

// newProc creates a process on node n running M:F(Args) (or the fun F when
// fun != nil), runs it to its first effect and adds it to the state. It
// returns nil when a bound was reached (m.bound says which).
func (s *System) newProc(m *vm.Machine, e *edit, n term.NodeID, mod, f term.Atom, args term.Term, fun *term.Fun) *Proc {
	return s.newProcAt(m, e, n, mod, f, args, fun, -1)
}

// newProcAt is newProc; when direct >= 0 the process runs that function
// of the arguments directly instead of through '$mcgo':start/3.
func (s *System) newProcAt(m *vm.Machine, e *edit, n term.NodeID, mod, f term.Atom, args term.Term, fun *term.Fun, direct int32) *Proc {
	if len(e.s.Procs) >= s.bounds.Processes {
		m.Bound = fmt.Sprintf("%d live processes (bound processes)", s.bounds.Processes)
		return nil
	}
	if int(e.s.Spawns) >= s.bounds.Spawns {
		m.Bound = fmt.Sprintf("%d spawns (bound spawns)", s.bounds.Spawns)
		return nil
	}
	nodes := e.nodes()
	node := &nodes[n]
	pid := term.Pid{Node: n, Lid: node.NextLid, Cr: node.Cr}
	node.NextLid++
	e.s.Spawns++
	p := &Proc{Proc: vm.Proc{Pid: pid, St: vm.StRun}}
	var fi int32
	if fun != nil {
		fi = s.funFn
		p.Stack = []term.Term{fun}
		if fun.Fn >= 0 {
			p.Init = fun.Fn
		} else {
			p.Init = -1
			if i, ok := s.prog.Lookup(fun.M, fun.F, fun.Arity); ok {
				p.Init = i
			} else {
				p.InitM, p.InitF, p.InitA = fun.M, fun.F, uint8(fun.Arity)
			}
		}
	} else if direct >= 0 {
		fi = direct
		p.Stack, _ = term.ListToSlice(args)
		p.Init = direct
	} else {
		fi = s.startFn
		p.Stack = []term.Term{mod, f, args}
		p.Init = -1
		if i, ok := s.prog.Lookup(mod, f, term.ListLen(args)); ok {
			p.Init = i
		} else {
			p.InitM, p.InitF, p.InitA = mod, f, uint8(term.ListLen(args))
		}
	}
	fn := s.prog.Funcs[fi]
	p.Stack = vm.GrowSlots(p.Stack, fn.NSlots)
	p.Frames = []vm.Frame{{Fn: fi, PC: 0, Base: 0}}
	e.addProc(p)
	m.Run(&p.Proc)
	return p
}

// ProcName is a readable name for a process: the function it was spawned
// with, for example "comm:rcv/0".
func (s *System) ProcName(p *Proc) string {
	if p.Init >= 0 && int(p.Init) < len(s.prog.Funcs) {
		return s.prog.Funcs[p.Init].Display
	}
	if p.InitF != 0 || p.InitM != 0 {
		return compile.QuoteAtom(p.InitM.Name()) + ":" + compile.QuoteAtom(p.InitF.Name()) + "/" + fmt.Sprint(p.InitA)
	}
	return "?"
}

// Write is io_lib:write/1 of t as printed on node viewer.
func (s *System) Write(t term.Term, viewer term.NodeID) string {
	return term.Write(s.namer(), t, viewer)
}

// Print is io_lib_pretty:print/1 of t at column 1, line length 80, as
// printed on node viewer: what ~p prints at the start of a line.
func (s *System) Print(t term.Term, viewer term.NodeID) string {
	return term.Print(s.namer(), t, viewer)
}

// loadedAtom returns the atom named name if the loaded code has it.
func (s *System) loadedAtom(name string) (term.Atom, bool) {
	a, ok := term.LookupAtom(name)
	if !ok || !s.loaded[a] {
		return 0, false
	}
	return a, true
}

// namer names nodes and funs for the term writer: the host without a
// state.
func (s *System) namer() *host { return &s.static }

// paddedCount is a counter alone on its cache line, so that the workers
// bumping it do not also invalidate the system's read-mostly fields or the
// other counter.
type paddedCount struct {
	n atomic.Int64
	_ [56]byte
}

// ReductionCounts reports how many states the partial-order reduction has
// expanded by a single receive and by a single delivery so far.
func (s *System) ReductionCounts() (receives, deliveries int64) {
	return s.reduced[0].n.Load(), s.reduced[1].n.Load()
}

// compileProgram compiles a checked model with the prelude.
func compileProgram(model *lang.Model) (*compile.Program, error) {
	compiled.mu.Lock()
	defer compiled.mu.Unlock()
	for _, c := range compiled.recent {
		if c.model == model {
			return c.prog, nil
		}
	}
	prog, err := compileWithPrelude(model)
	if err != nil {
		return nil, err
	}
	if len(compiled.recent) == cap(compiled.recent) {
		copy(compiled.recent, compiled.recent[1:])
		compiled.recent = compiled.recent[:len(compiled.recent)-1]
	}
	compiled.recent = append(compiled.recent, compiledModel{model, prog})
	return prog, nil
}

// compiled remembers the programs of the models compiled last. A program
// depends on its model alone and is never changed once compiled, so the
// systems of one model share it: mcgo parse's checks (Refusals, New for
// the configuration and each variant) and every search of the model
// compile it, and the prelude's parse, once. A few entries, so that mcgo
// test --jobs N, which loads models in turn, keeps finding its own.
var compiled = struct {
	mu     sync.Mutex
	recent []compiledModel
}{recent: make([]compiledModel, 0, 8)}

type compiledModel struct {
	model *lang.Model
	prog  *compile.Program
}

// compileWithPrelude compiles a model with the prelude.
func compileWithPrelude(model *lang.Model) (*compile.Program, error) {
	fs := model.FileSet
	mods := []*ast.Module{model.Module}
	pre := []bool{false}
	for _, m := range model.Libs {
		mods = append(mods, m)
		pre = append(pre, false)
	}
	for _, name := range compile.PreludeOrder {
		m, err := lang.ParseFile(fs, "<prelude>/"+name, compile.PreludeSource(name), nil)
		if err != nil {
			return nil, fmt.Errorf("prelude %s: %v", name, err)
		}
		mods = append(mods, m)
		pre = append(pre, true)
	}
	prog, err := compile.CompileModules(fs, mods, pre)
	if err != nil {
		return nil, err
	}
	loaded := map[string]bool{}
	for _, m := range mods {
		loaded[m.Name] = true
	}
	for name := range model.OnPath {
		if !loaded[name] {
			if prog.Unloaded == nil {
				prog.Unloaded = map[string]bool{}
			}
			prog.Unloaded[name] = true
		}
	}
	return prog, nil
}

// Refusals returns an error at every call of a checked model, written with
// its module and function (m:f(...), or a BIF called by its name), to a
// function that OTP 25 exports and mcgo does not model: "ets:new/2 is not
// modelled by mcgo; see docs/library.md". mcgo parse and mcgo check report
// them as they report the checker's errors. A call to a function that OTP 25
// lacks is not refused: it raises undef when it runs, as on a real node.
// Calls known only at run time (apply/3, M:F(...), fun M:F/A) end the
// search as unsupported instead ([System.Unsupported]).
//
// The model is compiled to find them; a model that does not compile has
// none here ([New] reports why it does not compile).
func Refusals(model *lang.Model) token.ErrorList {
	prog, err := compileProgram(model)
	if err != nil {
		return nil
	}
	return prog.Refusals()
}
