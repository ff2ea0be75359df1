// Package trace holds mcgo's counterexample traces: the trace file format
// (JSON, documented in docs/formats.md), building a trace by replaying a
// violation's path against the model, and the renderings of a trace: the
// numbered list of steps, the message sequence chart in text, and the
// self-contained HTML viewer.
//
// Package trace imports semantics and explore; rendering stays out of
// cmd/mcgo.
package trace

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/mcgo-dev/mcgo/explore"
	"github.com/mcgo-dev/mcgo/semantics"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// FormatVersion is the version of the trace file format. It changes only
// when a field changes meaning or disappears; new fields may appear.
const FormatVersion = 1

// File is a saved counterexample: what was checked, how to run it again,
// and the steps.
type File struct {
	FormatVersion int    `json:"format_version"`
	McgoVersion   string `json:"mcgo_version"`
	// File is the model as the user named it.
	File string `json:"file"`
	// ModelHash identifies the model's source and configuration; replay
	// warns when it changed.
	ModelHash string `json:"model_hash"`
	Variant   string `json:"variant,omitempty"`
	// Config is the effective configuration, one Erlang term per key (the
	// syntax of -mcgo attributes and of the command-line flags).
	Config map[string]string `json:"config"`
	// Defines are the -D macro definitions the model was read with.
	Defines map[string]string `json:"defines,omitempty"`
	// CodePath are the --path directories the model's library modules
	// were found in, after the model's own directory.
	CodePath []string `json:"code_path,omitempty"`
	// IncludeDirs are the -I directories the model was read with.
	IncludeDirs []string `json:"include_dirs,omitempty"`
	// Property is the violated property, Message its explanation. An
	// unsupported search (explore.Unsupported) has no property: Message
	// names the call mcgo does not model.
	Property string `json:"property"`
	Message  string `json:"message"`
	// Search tells how the trace was found ("bfs" traces are shortest).
	Search string `json:"search,omitempty"`
	// Path is the trace as data: Path[0] is the initial state's index,
	// then one successor index per step (into the full successor list).
	Path []uint32 `json:"path"`
	// Nodes and Processes list every node and process the trace shows, in
	// order of appearance (the lifelines of a sequence chart).
	Nodes     []NodeInfo `json:"nodes"`
	Processes []ProcInfo `json:"processes"`
	// Initial is the initial state; each step carries the state after it.
	Initial *State `json:"initial"`
	Steps   []Step `json:"steps"`
}

// NodeInfo is a node of the model.
type NodeInfo struct {
	Name  string `json:"name"`
	Short string `json:"short"`
}

// ProcInfo is a process that appears in the trace.
type ProcInfo struct {
	Pid  string `json:"pid"`
	Name string `json:"name"`
	Node string `json:"node"`
	// Incarnation is the creation of its node's incarnation, Born the step
	// that created it (0: initial), Died the step it ended (0: alive at the
	// end) and Reason why ("" for a node crash).
	Incarnation uint32 `json:"incarnation"`
	Born        int    `json:"born"`
	Died        int    `json:"died,omitempty"`
	Reason      string `json:"reason,omitempty"`
}

// Pos is a source position.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

func (p *Pos) String() string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Step is one step of a trace.
type Step struct {
	N      int    `json:"n"`     // 1-based step number
	Index  uint32 `json:"index"` // the successor index taken
	Kind   string `json:"kind"`  // effect, receive, timeout, exit, deliver, detect, crash, restart, disconnect
	Action string `json:"action"`
	Node   string `json:"node"`
	Pid    string `json:"pid,omitempty"`
	Proc   string `json:"proc,omitempty"`
	Text   string `json:"text"`
	Term   string `json:"term,omitempty"`
	Pos    *Pos   `json:"pos,omitempty"`
	Fault  bool   `json:"fault,omitempty"`
	// TargetNodes are the nodes a fault or a detection concerns.
	TargetNodes []string `json:"target_nodes,omitempty"`
	// Lost names the messages and signals this step lost.
	Lost  []string `json:"lost,omitempty"`
	Notes []string `json:"notes,omitempty"`
	// Output is what io:format printed.
	Output string `json:"output,omitempty"`
	// Violation marks the step where the property fails.
	Violation bool `json:"violation,omitempty"`
	// Events are the message events of the step, for sequence charts.
	Events []Event `json:"events,omitempty"`
	// State is the state after the step.
	State *State `json:"state"`
}

// Event is a message or signal event. A message's send, delivery and loss
// carry the same ID.
type Event struct {
	Type string `json:"type"` // send, deliver, drop (receiver gone), lost, receive, notify
	ID   int    `json:"id"`
	Kind string `json:"kind"` // message, exit, down, link, unlink, monitor, spawn, nodedown, nodeup...
	From string `json:"from"`
	To   string `json:"to"`
	Term string `json:"term,omitempty"`
}

// State is a snapshot of a state for viewers.
type State struct {
	Nodes    []NodeState `json:"nodes"`
	Procs    []ProcState `json:"procs"`
	Channels []Channel   `json:"channels,omitempty"`
	Conns    []string    `json:"connections,omitempty"`
}

// NodeState is a node in a snapshot.
type NodeState struct {
	Name     string `json:"name"`
	Up       bool   `json:"up"`
	Creation uint32 `json:"creation"`
}

// ProcState is a process in a snapshot.
type ProcState struct {
	Pid     string   `json:"pid"`
	Name    string   `json:"name"`
	Node    string   `json:"node"`
	Status  string   `json:"status"`
	Mailbox []string `json:"mailbox"`
	Links   []string `json:"links,omitempty"`
	Trap    bool     `json:"trap_exit,omitempty"`
	At      *Pos     `json:"at,omitempty"`
}

// Channel is a channel's contents in a snapshot.
type Channel struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Signals []string `json:"signals"`
}

// Meta is what a trace records about how it was made.
type Meta struct {
	McgoVersion string
	File        string
	ModelHash   string
	Variant     string
	Config      map[string]string
	Defines     map[string]string
	CodePath    []string
	IncludeDirs []string
	Search      string
}

// Build replays a violation's path on sys and records every step.
func Build(sys *semantics.System, v *explore.Violation, meta Meta) (*File, error) {
	states, labels, err := explore.Replay[*semantics.State, semantics.Step](sys, v.Path)
	if err != nil {
		return nil, err
	}
	f := &File{
		FormatVersion: FormatVersion,
		McgoVersion:   meta.McgoVersion,
		File:          meta.File,
		ModelHash:     meta.ModelHash,
		Variant:       meta.Variant,
		Config:        meta.Config,
		Defines:       meta.Defines,
		CodePath:      meta.CodePath,
		IncludeDirs:   meta.IncludeDirs,
		Property:      v.Property,
		Message:       v.Msg,
		Search:        meta.Search,
		Path:          append([]uint32(nil), v.Path...),
	}
	for i := 0; i < sys.Nodes(); i++ {
		f.Nodes = append(f.Nodes, NodeInfo{Name: sys.NodeName(term.NodeID(i)), Short: sys.ShortNode(term.NodeID(i))})
	}
	b := &builder{sys: sys, f: f, procs: map[string]int{}, fifo: map[[2]term.NodeID][]int{}, sends: map[int][2]int{}}
	refs := NewRefNamer(sys)
	sys.RefLabels = refs.Name
	defer func() { sys.RefLabels = nil }()
	f.Initial = snapshot(sys, states[0])
	for _, p := range states[0].Procs {
		b.proc(states[0], p.Pid, 0)
	}
	for i, l := range labels {
		refs.Advance(states[i])
		st := b.step(i+1, v.Path[i+1], states[i], l, states[i+1])
		f.Steps = append(f.Steps, st)
	}
	if n := len(f.Steps); n > 0 {
		// A transition check fails at its last step; a state check at the
		// state the last step reached.
		f.Steps[n-1].Violation = true
	}
	return f, nil
}

// RefNamer names each reference of a trace once. A state gives a new
// reference the smallest number free on its node (semantics/refs.go), so
// one number may stand for several references along a trace; here a
// reference is named, when it first appears, with the next number of its
// node, and loses its name when it leaves the state. Set the system's
// RefLabels to Name, and call Advance with the state before each step.
type RefNamer struct {
	sys   *semantics.System
	names map[term.Ref]string // the references of the current step
	next  map[term.NodeID]int
}

// NewRefNamer returns a RefNamer for a trace of sys.
func NewRefNamer(sys *semantics.System) *RefNamer {
	return &RefNamer{sys: sys, names: map[term.Ref]string{}, next: map[term.NodeID]int{}}
}

// Name is the name of reference r in the current step.
func (n *RefNamer) Name(r term.Ref) string {
	if s, ok := n.names[r]; ok {
		return s
	}
	n.next[r.Node]++
	s := fmt.Sprintf("#Ref<%s.%d>", n.sys.ShortNode(r.Node), n.next[r.Node])
	n.names[r] = s
	return s
}

// Advance forgets the names of the references that are not in st.
func (n *RefNamer) Advance(st *semantics.State) {
	in := n.sys.Refs(st)
	for r := range n.names {
		if !in[r] {
			delete(n.names, r)
		}
	}
}

type builder struct {
	sys   *semantics.System
	f     *File
	procs map[string]int // pid label -> index in f.Processes
	fifo  map[[2]term.NodeID][]int
	next  int
	sends map[int][2]int // event id -> (step index, event index) of its send
}

func (b *builder) proc(st *semantics.State, pid term.Pid, born int) {
	label := b.sys.PidLabel(pid)
	if i, ok := b.procs[label]; ok && b.f.Processes[i].Died == 0 {
		return
	}
	name := ""
	if p := st.Proc(pid); p != nil {
		name = b.sys.ProcName(p)
	}
	b.procs[label] = len(b.f.Processes)
	b.f.Processes = append(b.f.Processes, ProcInfo{Pid: label, Name: name, Node: b.sys.ShortNode(pid.Node), Incarnation: pid.Cr, Born: born})
}

func (b *builder) id() int {
	b.next++
	return b.next
}

func sigKind(k semantics.SigKind) string {
	switch k {
	case semantics.SigMsg, semantics.SigRegMsg:
		return "message"
	case semantics.SigExit:
		return "exit"
	case semantics.SigDown:
		return "down"
	case semantics.SigSpawnReq, semantics.SigSpawnReply:
		return "spawn"
	case semantics.SigDemonitor:
		return "demonitor"
	}
	return k.String()
}

func (b *builder) sigEnds(g *semantics.Signal, to term.NodeID) (string, string) {
	from := b.sys.PidLabel(g.From)
	dest := b.sys.PidLabel(g.To)
	switch g.Kind {
	case semantics.SigRegMsg:
		dest = fmt.Sprintf("{%s,%s}", b.sys.Label(g.Name), b.sys.ShortNode(to))
	case semantics.SigSpawnReq:
		dest = b.sys.ShortNode(to)
	}
	return from, dest
}

func (b *builder) step(n int, index uint32, from *semantics.State, l semantics.Step, to *semantics.State) Step {
	sys := b.sys
	v := sys.Describe(from, l)
	s := Step{N: n, Index: index, Kind: v.Kind, Action: v.Action, Node: v.Node, Pid: v.Pid, Proc: v.Proc,
		Text: v.Text, Term: v.Term, Fault: v.Fault, Lost: v.Lost, Notes: v.Notes, Output: v.Output}
	if v.Pos.IsValid() {
		s.Pos = &Pos{File: v.Pos.Filename, Line: v.Pos.Line, Col: v.Pos.Col}
	}
	switch l.Kind {
	case semantics.StepCrash, semantics.StepRestart:
		s.TargetNodes = []string{sys.ShortNode(l.Node)}
	case semantics.StepDisconnect, semantics.StepDetect:
		s.TargetNodes = []string{sys.ShortNode(l.Node), sys.ShortNode(l.Peer)}
	}
	in := l.Info
	// Processes created and ended.
	for _, p := range to.Procs {
		if from.Proc(p.Pid) == nil {
			b.proc(to, p.Pid, n)
		}
	}
	for _, e := range in.Ends {
		if i, ok := b.procs[sys.PidLabel(e.Pid)]; ok {
			b.f.Processes[i].Died = n
			if e.Reason != nil {
				b.f.Processes[i].Reason = sys.Label(e.Reason)
			}
		}
	}
	// Message events.
	if l.Kind == semantics.StepReceive {
		s.Events = append(s.Events, Event{Type: "receive", Kind: "message", To: v.Pid, Term: v.Term})
	}
	if l.Kind == semantics.StepDeliver && in.Sig != nil {
		key := [2]term.NodeID{l.Peer, l.Node}
		id := 0
		if q := b.fifo[key]; len(q) > 0 {
			id = q[0]
			b.fifo[key] = q[1:]
		}
		fromL, toL := b.sigEnds(in.Sig, l.Node)
		typ := "deliver"
		if (in.Sig.Kind == semantics.SigMsg || in.Sig.Kind == semantics.SigRegMsg) && len(in.Appends) == 0 {
			typ = "drop"
		}
		if in.Sig.Kind == semantics.SigRegMsg && len(in.Appends) > 0 {
			toL = sys.PidLabel(in.Appends[0].To)
		}
		if in.Sig.Kind == semantics.SigSpawnReq && len(in.Spawned) > 0 {
			// The request's arrow ends at the process it created.
			toL = sys.PidLabel(in.Spawned[0].Pid)
			if at, ok := b.sends[id]; ok {
				b.f.Steps[at[0]].Events[at[1]].To = toL
			}
		}
		s.Events = append(s.Events, Event{Type: typ, ID: id, Kind: sigKind(in.Sig.Kind), From: fromL, To: toL, Term: sys.Label(in.Sig.Val)})
	}
	for _, lo := range in.Lost {
		fromL, toL := b.sigEnds(&lo.Sig, lo.To)
		id := 0
		if lo.InFlight {
			key := [2]term.NodeID{lo.From, lo.To}
			if q := b.fifo[key]; len(q) > 0 {
				id = q[0]
				b.fifo[key] = q[1:]
			}
		} else {
			id = b.id()
			s.Events = append(s.Events, Event{Type: "send", ID: id, Kind: sigKind(lo.Sig.Kind), From: fromL, To: toL, Term: sys.Label(lo.Sig.Val)})
		}
		s.Events = append(s.Events, Event{Type: "lost", ID: id, Kind: sigKind(lo.Sig.Kind), From: fromL, To: toL, Term: sys.Label(lo.Sig.Val)})
	}
	for _, p := range in.Pushed {
		id := b.id()
		key := [2]term.NodeID{p.From, p.To}
		b.fifo[key] = append(b.fifo[key], id)
		fromL, toL := b.sigEnds(&p.Sig, p.To)
		b.sends[id] = [2]int{n - 1, len(s.Events)}
		s.Events = append(s.Events, Event{Type: "send", ID: id, Kind: sigKind(p.Sig.Kind), From: fromL, To: toL, Term: sys.Label(p.Sig.Val)})
	}
	for _, a := range in.Appends {
		if l.Kind == semantics.StepDeliver && a.User {
			continue // the delivery event above
		}
		if a.User {
			id := b.id()
			ev := Event{ID: id, Kind: "message", From: sys.PidLabel(a.From), To: sys.PidLabel(a.To), Term: sys.Label(a.Msg)}
			ev.Type = "send"
			s.Events = append(s.Events, ev)
			ev.Type = "deliver"
			s.Events = append(s.Events, ev)
			continue
		}
		s.Events = append(s.Events, Event{Type: "notify", ID: b.id(), Kind: notifyKind(a.Msg), From: v.Pid, To: sys.PidLabel(a.To), Term: sys.Label(a.Msg)})
	}
	s.State = snapshot(sys, to)
	return s
}

func notifyKind(t term.Term) string {
	if tu, ok := t.(term.Tuple); ok && len(tu) > 0 {
		if a, ok := tu[0].(term.Atom); ok {
			switch a.Name() {
			case "EXIT":
				return "exit"
			case "DOWN":
				return "down"
			case "nodedown":
				return "nodedown"
			case "nodeup":
				return "nodeup"
			}
		}
	}
	return "signal"
}

func snapshot(sys *semantics.System, st *semantics.State) *State {
	v := sys.View(st)
	out := &State{Conns: v.Conns}
	for _, n := range v.Nodes {
		out.Nodes = append(out.Nodes, NodeState{Name: n.Name, Up: n.Up, Creation: n.Creation})
	}
	for _, p := range v.Procs {
		ps := ProcState{Pid: p.Pid, Name: p.Name, Node: p.Node, Status: p.Status, Mailbox: p.Mailbox, Links: p.Links, Trap: p.Trap}
		if ps.Mailbox == nil {
			ps.Mailbox = []string{}
		}
		if p.Pos.IsValid() {
			ps.At = &Pos{File: p.Pos.Filename, Line: p.Pos.Line, Col: p.Pos.Col}
		}
		out.Procs = append(out.Procs, ps)
	}
	for _, c := range v.Channels {
		out.Channels = append(out.Channels, Channel{From: c.From, To: c.To, Signals: c.Signals})
	}
	return out
}

// Write writes the trace as indented JSON.
func (f *File) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(f)
}

// Save writes the trace to a file.
func (f *File) Save(path string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := f.Write(out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Decode reads a trace file's contents (name is for messages) and checks
// that the trace fits its own schema: a format version this mcgo reads, a
// path, an initial state, one step per entry of the path after the first,
// numbered in order, each with the index its path entry names, a known
// kind and the state after it. An error names the field that is wrong, so
// that a truncated or edited trace is refused before anything renders or
// replays it.
func Decode(name string, data []byte) (*File, error) {
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a trace file: %v", name, err)
	}
	if f.FormatVersion == 0 && len(f.Path) == 0 {
		return nil, fmt.Errorf("%s: not a trace file (no format_version or path)", name)
	}
	if err := f.validate(); err != nil {
		return nil, fmt.Errorf("%s: not a valid trace: %v", name, err)
	}
	return &f, nil
}

// stepKinds are the kinds of step a trace may hold (semantics' step
// kinds).
var stepKinds = map[string]bool{
	"effect": true, "receive": true, "timeout": true, "exit": true, "deliver": true,
	"detect": true, "crash": true, "restart": true, "disconnect": true,
}

// eventTypes are the types of message event.
var eventTypes = map[string]bool{"send": true, "deliver": true, "drop": true, "lost": true, "receive": true, "notify": true}

// validate checks the schema of a decoded trace.
func (f *File) validate() error {
	switch {
	case f.FormatVersion <= 0:
		return fmt.Errorf("format_version %d: must be at least 1", f.FormatVersion)
	case f.FormatVersion > FormatVersion:
		return fmt.Errorf("format_version %d is newer than this mcgo's (%d)", f.FormatVersion, FormatVersion)
	case len(f.Path) == 0:
		return fmt.Errorf("path: empty (it starts with the initial state's index)")
	case f.Initial == nil:
		return fmt.Errorf("initial: missing")
	case f.Property == "" && f.Message == "":
		// Only the trace of an unsupported search has no property, and
		// its message names the call.
		return fmt.Errorf("property: missing")
	case len(f.Steps) != len(f.Path)-1:
		return fmt.Errorf("path has %d entries and steps %d: there must be one step per entry after the first", len(f.Path), len(f.Steps))
	}
	switch f.Search {
	case "", "bfs", "dfs", "random":
	default:
		return fmt.Errorf("search %q: expected bfs, dfs or random", f.Search)
	}
	for i := range f.Steps {
		s := &f.Steps[i]
		at := fmt.Sprintf("steps[%d]", i)
		switch {
		case s.N != i+1:
			return fmt.Errorf("%s.n: %d, expected %d (steps are numbered in order from 1)", at, s.N, i+1)
		case s.Index != f.Path[i+1]:
			return fmt.Errorf("%s.index: %d, but path[%d] is %d", at, s.Index, i+1, f.Path[i+1])
		case !stepKinds[s.Kind]:
			return fmt.Errorf("%s.kind: unknown kind %q", at, s.Kind)
		case s.State == nil:
			return fmt.Errorf("%s.state: missing", at)
		}
		for j, e := range s.Events {
			if !eventTypes[e.Type] {
				return fmt.Errorf("%s.events[%d].type: unknown type %q", at, j, e.Type)
			}
		}
	}
	return nil
}

// ConfigKeys returns the keys of the trace's configuration in a fixed
// order.
func (f *File) ConfigKeys() []string {
	var ks []string
	for k := range f.Config {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// WriteText prints the trace as numbered steps: step number, node, acting
// process (the function it was spawned with and its pid), what it did, and
// the position of the Erlang expression; faults stand out, and the
// messages a step lost are named under it.
func (f *File) WriteText(w io.Writer) {
	nodeW, whoW, textW := 3, 0, 0
	for i := range f.Steps {
		s := &f.Steps[i]
		nodeW = max(nodeW, len(s.Node))
		whoW = max(whoW, len([]rune(actor(s))))
		textW = max(textW, len([]rune(stepText(s))))
	}
	textW = min(textW, 64)
	indent := strings.Repeat(" ", 6+nodeW+2+whoW+2)
	for i := range f.Steps {
		s := &f.Steps[i]
		line := fmt.Sprintf("%4d: %-*s  %-*s  %s", s.N, nodeW, s.Node, whoW, actor(s), stepText(s))
		if s.Pos != nil {
			pad := 6 + nodeW + 2 + whoW + 2 + textW + 2 - len([]rune(line))
			if pad < 2 {
				pad = 2
			}
			line += strings.Repeat(" ", pad) + s.Pos.String()
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
		if s.Output != "" {
			for _, ln := range strings.Split(strings.TrimSuffix(s.Output, "\n"), "\n") {
				fmt.Fprintf(w, "%soutput: %s\n", indent, ln)
			}
		}
		for _, l := range s.Lost {
			fmt.Fprintf(w, "%sLOST: %s\n", indent, l)
		}
		for _, n := range s.Notes {
			fmt.Fprintf(w, "%s-> %s\n", indent, n)
		}
		if s.Violation && f.Property == "" {
			// An unsupported run (explore.Refuser): its last step's
			// note names the call mcgo does not model.
			fmt.Fprintf(w, "%s^^^ mcgo cannot go on from here\n", indent)
		} else if s.Violation {
			fmt.Fprintf(w, "%s^^^ the property fails here\n", indent)
		}
	}
}

func actor(s *Step) string {
	if s.Pid == "" {
		return ""
	}
	if s.Proc != "" {
		return s.Proc + " " + s.Pid
	}
	return s.Pid
}

func stepText(s *Step) string {
	if s.Fault {
		return "*** " + s.Text + " ***"
	}
	return s.Text
}
