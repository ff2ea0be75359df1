package semantics

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"

	"github.com/mcgo-dev/mcgo/lang/token"
	"github.com/mcgo-dev/mcgo/semantics/internal/compile"
	"github.com/mcgo-dev/mcgo/semantics/internal/vm"
	"github.com/mcgo-dev/mcgo/semantics/term"
)

// The canonical encoding of a state: equal states encode to equal bytes,
// whatever order they were built in, and different states to different
// bytes (the encoding is decodable: see DecodeKey). Processes are listed by
// pid, their links and monitors sorted, channels by key with empty ones
// omitted, connections by pair with down ones omitted. Each process's
// encoding is computed once, when a transition creates it, and reused by
// every state that shares the process.

const (
	tAbsent byte = iota
	tInt
	tAtom
	tAtomName
	tNil
	tList
	tTuple
	tPid
	tRef
	tFun
	tExtFun
	tBinary
	tMap
	tBitString
	tFloat
)

func putUvarint(b []byte, v uint64) []byte {
	if v < 0x80 {
		return append(b, byte(v))
	}
	return binary.AppendUvarint(b, v)
}
func putVarint(b []byte, v int64) []byte { return binary.AppendVarint(b, v) }

// atomLimit: atoms with a smaller index are encoded by index. Atoms made
// later (list_to_atom at run time) are encoded by name, so that their
// encoding does not depend on the order in which workers made them.
func (s *System) appendAtom(b []byte, a term.Atom) []byte {
	if int(a) < s.atomLimit {
		b = append(b, tAtom)
		return putUvarint(b, uint64(a))
	}
	n := a.Name()
	b = append(b, tAtomName)
	b = putUvarint(b, uint64(len(n)))
	return append(b, n...)
}

func (s *System) appendTerm(b []byte, t term.Term) []byte {
	switch x := t.(type) {
	case nil:
		return append(b, tAbsent)
	case term.Int:
		b = append(b, tInt)
		return putVarint(b, int64(x))
	case term.Atom:
		return s.appendAtom(b, x)
	case term.Nil:
		return append(b, tNil)
	case *term.Cons:
		n := 0
		var tail term.Term = x
		for {
			c, ok := tail.(*term.Cons)
			if !ok {
				break
			}
			n++
			tail = c.Tail
		}
		b = append(b, tList)
		b = putUvarint(b, uint64(n))
		tail = x
		for {
			c, ok := tail.(*term.Cons)
			if !ok {
				break
			}
			b = s.appendTerm(b, c.Head)
			tail = c.Tail
		}
		return s.appendTerm(b, tail)
	case term.Tuple:
		b = append(b, tTuple)
		b = putUvarint(b, uint64(len(x)))
		for _, e := range x {
			b = s.appendTerm(b, e)
		}
		return b
	case term.Pid:
		b = append(b, tPid)
		return appendPid(b, x)
	case term.Ref:
		b = append(b, tRef)
		return appendRef(b, x)
	case *term.Fun:
		if x.Fn < 0 {
			b = append(b, tExtFun)
			b = s.appendAtom(b, x.M)
			b = s.appendAtom(b, x.F)
			return putUvarint(b, uint64(x.Arity))
		}
		b = append(b, tFun)
		b = putUvarint(b, uint64(x.Fn))
		b = putUvarint(b, uint64(len(x.Env)))
		for _, e := range x.Env {
			b = s.appendTerm(b, e)
		}
		return b
	case term.Binary:
		b = append(b, tBinary)
		b = putUvarint(b, uint64(len(x)))
		return append(b, x...)
	case *term.Map:
		// A map's keys are kept in key order: equal maps encode equally.
		b = append(b, tMap)
		b = putUvarint(b, uint64(len(x.Keys)))
		for i := range x.Keys {
			b = s.appendTerm(b, x.Keys[i])
			b = s.appendTerm(b, x.Vals[i])
		}
		return b
	case term.BitString:
		b = append(b, tBitString, x.Bits)
		b = putUvarint(b, uint64(len(x.Bytes)))
		return append(b, x.Bytes...)
	case term.Float:
		// By its bits: 0.0 and -0.0 are equal (=:=) in OTP 25 but a
		// program tells them apart (io:format prints -0.0), so they are
		// different states. There is no NaN, so equal bits are equal
		// floats and the key stays canonical.
		b = append(b, tFloat)
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(float64(x)))
	}
	panic(fmt.Sprintf("mcgo: cannot encode %T", t))
}

func appendPid(b []byte, p term.Pid) []byte {
	b = putUvarint(b, uint64(p.Node))
	b = putUvarint(b, uint64(p.Lid))
	return putUvarint(b, uint64(p.Cr))
}

func appendRef(b []byte, r term.Ref) []byte {
	b = putUvarint(b, uint64(r.Node))
	b = putUvarint(b, uint64(r.N))
	return putUvarint(b, uint64(r.Cr))
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendVC(b []byte, v VClock) []byte {
	b = putUvarint(b, uint64(len(v)))
	for _, e := range v {
		b = appendPid(b, e.Pid)
		b = putUvarint(b, uint64(e.N))
	}
	return b
}

// appendProc encodes a process.
func (s *System) appendProc(b []byte, p *Proc) []byte {
	b = appendPid(b, p.Pid)
	b = append(b, byte(p.St))
	b = putUvarint(b, uint64(p.Eff))
	b = append(b, p.NArgs)
	b = appendBool(b, p.Trap)
	b = putVarint(b, int64(p.Init))
	if p.Init < 0 {
		b = s.appendAtom(b, p.InitM)
		b = s.appendAtom(b, p.InitF)
		b = append(b, p.InitA)
	}
	b = putUvarint(b, uint64(len(p.Frames)))
	for _, f := range p.Frames {
		b = putUvarint(b, uint64(f.Fn))
		b = putUvarint(b, uint64(f.PC))
		b = putUvarint(b, uint64(f.Base))
	}
	b = putUvarint(b, uint64(len(p.Stack)))
	for _, t := range p.Stack {
		b = s.appendTerm(b, t)
	}
	b = putUvarint(b, uint64(len(p.Hand)))
	for _, h := range p.Hand {
		b = putUvarint(b, uint64(h.Frame))
		b = putUvarint(b, uint64(h.SP))
		b = putUvarint(b, uint64(h.PC))
	}
	b = putUvarint(b, uint64(len(p.Mbox)))
	for _, t := range p.Mbox {
		b = s.appendTerm(b, t)
	}
	b = appendBool(b, p.MboxVC != nil)
	if p.MboxVC != nil {
		for _, v := range p.MboxVC {
			b = appendVC(b, v)
		}
	}
	b = putUvarint(b, uint64(len(p.Links)))
	for _, l := range p.Links {
		b = appendPid(b, l.Pid)
		b = append(b, byte(l.State))
	}
	b = putUvarint(b, uint64(len(p.MonOut)))
	for _, m := range p.MonOut {
		b = appendRef(b, m.Ref)
		b = appendPid(b, m.Target)
		b = s.appendAtom(b, m.Name)
		b = putUvarint(b, uint64(m.Node))
		b = appendBool(b, m.ByName)
	}
	b = putUvarint(b, uint64(len(p.MonIn)))
	for _, m := range p.MonIn {
		b = appendRef(b, m.Ref)
		b = appendPid(b, m.Watcher)
		b = s.appendAtom(b, m.Name)
		b = appendBool(b, m.ByName)
	}
	b = putUvarint(b, uint64(len(p.NMon)))
	for _, n := range p.NMon {
		b = putUvarint(b, uint64(n))
	}
	b = s.appendTerm(b, p.Reason)
	b = appendBool(b, p.Own)
	b = putUvarint(b, uint64(p.RaisedAt.File))
	b = putUvarint(b, uint64(p.RaisedAt.Off))
	b = appendRef(b, p.Spawn)
	b = putUvarint(b, uint64(p.SpawnTo))
	b = append(b, p.SpawnOpts)
	// The process dictionary, sorted by key (vm.DictEntry): two processes
	// with the same dictionary encode equally however they built it.
	if p.Dict == nil {
		b = putUvarint(b, 0)
	} else {
		b = putUvarint(b, uint64(len(p.Dict.Entries)))
		for _, e := range p.Dict.Entries {
			b = s.appendTerm(b, e.Key)
			b = s.appendTerm(b, e.Val)
		}
	}
	return appendVC(b, p.VC)
}

// appendSigs encodes the contents of a channel.
func (s *System) appendSigs(b []byte, sigs []Signal) []byte {
	b = putUvarint(b, uint64(len(sigs)))
	for j := range sigs {
		b = s.appendSignal(b, &sigs[j])
	}
	return b
}

func (s *System) appendSignal(b []byte, g *Signal) []byte {
	b = append(b, byte(g.Kind))
	b = appendPid(b, g.From)
	b = appendPid(b, g.To)
	b = s.appendAtom(b, g.Name)
	b = appendRef(b, g.Ref)
	b = s.appendTerm(b, g.Val)
	b = appendBool(b, g.Flag)
	b = append(b, g.Opts)
	b = putUvarint(b, uint64(g.Seq))
	b = putUvarint(b, uint64(g.Sup))
	return appendVC(b, g.VC)
}

// seal computes the cached encodings of the processes a transition made
// (ar: the arena of a transient successor, or nil).
func (s *System) seal(st *State, ar *arena) {
	if s.procTab != nil {
		s.sealCompact(st, ar)
		return
	}
	for _, p := range st.Procs {
		if len(p.enc) == 0 { // no encoding is empty
			buf := p.enc
			if cap(buf) == 0 {
				buf = make([]byte, 0, p.encHint+16)
			}
			p.enc = s.appendProc(buf, p)
		}
	}
}

// appendNodes appends the nodes (a section of a compact key).
func (s *System) appendNodes(b []byte, st *State) []byte {
	b, sec := s.sectionStart(b)
	b = putUvarint(b, uint64(len(st.Nodes)))
	for i, n := range st.Nodes {
		// Bit 0: up; bit 1: run-time atoms follow the subscribers (so
		// that keys without them are what they were before atoms were
		// kept in the state).
		flags := byte(0)
		if n.Up {
			flags |= 1
		}
		atoms := st.atoms.of(term.NodeID(i))
		if len(atoms) > 0 {
			flags |= 2
		}
		b = append(b, flags)
		b = putUvarint(b, uint64(n.Cr))
		b = putUvarint(b, uint64(n.NextLid))
		b = putUvarint(b, uint64(n.Incarn))
		b = putUvarint(b, uint64(len(n.Reg)))
		for _, r := range n.Reg {
			b = s.appendAtom(b, r.Name)
			b = appendPid(b, r.Pid)
		}
		b = putUvarint(b, uint64(len(n.Subs)))
		for _, p := range n.Subs {
			b = appendPid(b, p)
		}
		if len(atoms) > 0 {
			b = putUvarint(b, uint64(len(atoms)))
			for _, a := range atoms {
				name := a.Name()
				b = putUvarint(b, uint64(len(name)))
				b = append(b, name...)
			}
		}
	}
	b = sectionEnd(b, sec)
	return b
}

// appendConns appends the connections (a section of a compact key).
func (s *System) appendConns(b []byte, st *State) []byte {
	b, sec := s.sectionStart(b)
	b = putUvarint(b, uint64(len(st.Conns)))
	for _, c := range st.Conns {
		b = putUvarint(b, uint64(c.A))
		b = putUvarint(b, uint64(c.B))
		b = append(b, byte(c.State))
		b = putUvarint(b, uint64(c.CrA))
		b = putUvarint(b, uint64(c.CrB))
	}
	return sectionEnd(b, sec)
}

// AppendKey appends the canonical encoding of st to dst.
func (s *System) AppendKey(dst []byte, st *State) []byte {
	b := dst
	if len(st.nodesEnc) > 0 {
		b = appendSection(b, st.nodesEnc)
	} else {
		b = s.appendNodes(b, st)
	}
	b = putUvarint(b, uint64(len(st.Procs)))
	for _, p := range st.Procs {
		if s.procTab != nil {
			if !p.shared() {
				// States built outside a transition (tests).
				p = s.internProc(p.clone(), keepHeap)
			}
			b = appendRef64(b, p.fp)
			continue
		}
		// Each process is prefixed with its length, so that decoding can
		// find an already decoded copy of it (see procCache).
		if len(p.enc) == 0 {
			// States built outside a transition (tests): encode now.
			enc := s.appendProc(nil, p)
			b = putUvarint(b, uint64(len(enc)))
			b = append(b, enc...)
			continue
		}
		b = putUvarint(b, uint64(len(p.enc)))
		b = append(b, p.enc...)
	}
	b = putUvarint(b, uint64(len(st.Chans)))
	for i := range st.Chans {
		c := &st.Chans[i]
		b = putUvarint(b, uint64(c.From))
		b = putUvarint(b, uint64(c.To))
		if s.procTab != nil {
			fp := c.fpOrSeal(s)
			b = appendRef64(b, fp)
			continue
		}
		if len(c.enc) > 0 {
			b = append(b, c.enc...)
			continue
		}
		b = s.appendSigs(b, c.Sigs)
	}
	if len(st.connsEnc) > 0 {
		b = appendSection(b, st.connsEnc)
	} else {
		b = s.appendConns(b, st)
	}
	b = putUvarint(b, uint64(len(st.Budget)))
	b = append(b, st.Budget...)
	b = putUvarint(b, uint64(st.Spawns))
	b = appendBool(b, st.Hist != nil)
	if h := st.Hist; h != nil && len(h.enc) > 0 {
		b = append(b, h.enc...)
	} else if h != nil {
		b = putUvarint(b, uint64(len(h.Pairs)))
		for _, p := range h.Pairs {
			b = appendPid(b, p.From)
			b = appendPid(b, p.To.Pid)
			b = s.appendAtom(b, p.To.Name)
			b = appendBool(b, p.To.ByName)
			b = putUvarint(b, uint64(p.Sent))
			b = putUvarint(b, uint64(p.Done))
			b = putUvarint(b, uint64(p.Sup))
		}
		b = putUvarint(b, uint64(len(h.Pids)))
		for _, p := range h.Pids {
			b = appendPid(b, p)
		}
		b = putUvarint(b, uint64(len(h.Told)))
		for _, t := range h.Told {
			b = appendPid(b, t.Watcher)
			b = appendPid(b, t.Pid)
			b = appendBool(b, t.ByNode)
			b = putUvarint(b, uint64(t.Node))
			b = putUvarint(b, uint64(t.Cr))
		}
		b = putUvarint(b, uint64(len(h.Seen)))
		for _, x := range h.Seen {
			b = appendPid(b, x.Pid)
			b = appendVC(b, x.VC)
		}
	}
	b = putUvarint(b, uint64(len(st.Bound)))
	return append(b, st.Bound...)
}

// ---------------------------------------------------------------------------
// Decoding

var errCorrupt = errors.New("corrupt state encoding")

type decoder struct {
	s   *System
	b   []byte
	err error
}

func (d *decoder) uv() uint64 {
	if d.err == nil && len(d.b) > 0 && d.b[0] < 0x80 {
		v := d.b[0]
		d.b = d.b[1:]
		return uint64(v)
	}
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) v() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte1() byte {
	if d.err != nil || len(d.b) == 0 {
		d.err = errCorrupt
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) bytes(n uint64) []byte {
	if d.err != nil || uint64(len(d.b)) < n {
		d.err = errCorrupt
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) count() int {
	n := d.uv()
	if n > uint64(len(d.b))+1 {
		d.err = errCorrupt
		return 0
	}
	return int(n)
}

func (d *decoder) bool1() bool { return d.byte1() != 0 }

func (d *decoder) pid() term.Pid {
	return term.Pid{Node: term.NodeID(d.uv()), Lid: uint32(d.uv()), Cr: uint32(d.uv())}
}

func (d *decoder) ref() term.Ref {
	return term.Ref{Node: term.NodeID(d.uv()), N: uint32(d.uv()), Cr: uint32(d.uv())}
}

func (d *decoder) atom() term.Atom {
	switch d.byte1() {
	case tAtom:
		return term.Atom(d.uv())
	case tAtomName:
		return term.Intern(string(d.bytes(d.uv())))
	}
	d.err = errCorrupt
	return 0
}

func (d *decoder) vc() VClock {
	n := d.count()
	if n == 0 {
		return nil
	}
	v := make(VClock, n)
	for i := range v {
		v[i] = VEntry{Pid: d.pid(), N: uint32(d.uv())}
	}
	return v
}

func (d *decoder) term(depth int) term.Term {
	if depth > 100000 {
		d.err = errCorrupt
		return nil
	}
	switch d.byte1() {
	case tAbsent:
		return nil
	case tInt:
		return term.Int(d.v())
	case tAtom:
		return term.Atom(d.uv())
	case tAtomName:
		return term.Intern(string(d.bytes(d.uv())))
	case tNil:
		return term.NilTerm
	case tList:
		n := d.count()
		elems := make([]term.Term, n)
		for i := range elems {
			elems[i] = d.term(depth + 1)
		}
		return term.ListWithTail(elems, d.term(depth+1))
	case tTuple:
		n := d.count()
		t := make(term.Tuple, n)
		for i := range t {
			t[i] = d.term(depth + 1)
		}
		return t
	case tPid:
		return d.pid()
	case tRef:
		return d.ref()
	case tFun:
		f := &term.Fun{Fn: int32(d.uv())}
		n := d.count()
		if n > 0 {
			f.Env = make([]term.Term, n)
			for i := range f.Env {
				f.Env[i] = d.term(depth + 1)
			}
		}
		if d.s != nil && int(f.Fn) >= len(d.s.prog.Funcs) {
			d.err = errCorrupt
		}
		return f
	case tExtFun:
		return &term.Fun{Fn: -1, M: d.atom(), F: d.atom(), Arity: int(d.uv())}
	case tBinary:
		return term.Binary(d.bytes(d.uv()))
	case tMap:
		n := d.count()
		if n == 0 {
			return term.EmptyMap
		}
		m := &term.Map{Keys: make([]term.Term, n), Vals: make([]term.Term, n)}
		for i := 0; i < n; i++ {
			m.Keys[i] = d.term(depth + 1)
			m.Vals[i] = d.term(depth + 1)
		}
		return m
	case tBitString:
		bits := d.byte1()
		data := d.bytes(d.uv())
		if bits == 0 || bits > 7 || len(data) == 0 || data[len(data)-1]&(0xFF>>bits) != 0 {
			d.err = errCorrupt
			return nil
		}
		return term.BitString{Bytes: string(data), Bits: bits}
	case tFloat:
		bs := d.bytes(8)
		if len(bs) != 8 {
			d.err = errCorrupt
			return nil
		}
		f := math.Float64frombits(binary.LittleEndian.Uint64(bs))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			d.err = errCorrupt
			return nil
		}
		return term.Float(f)
	}
	d.err = errCorrupt
	return nil
}

func (d *decoder) proc() *Proc {
	start := d.b
	p := &Proc{}
	p.Pid = d.pid()
	p.St = vm.PStatus(d.byte1())
	p.Eff = compile.Effect(d.uv())
	p.NArgs = d.byte1()
	p.Trap = d.bool1()
	p.Init = int32(d.v())
	if p.Init < 0 {
		p.InitM, p.InitF, p.InitA = d.atom(), d.atom(), d.byte1()
	}
	if n := d.count(); n > 0 {
		p.Frames = make([]vm.Frame, n)
		for i := range p.Frames {
			p.Frames[i] = vm.Frame{Fn: int32(d.uv()), PC: int32(d.uv()), Base: int32(d.uv())}
		}
	}
	if n := d.count(); n > 0 {
		p.Stack = make([]term.Term, n)
		for i := range p.Stack {
			p.Stack[i] = d.term(0)
		}
	}
	if n := d.count(); n > 0 {
		p.Hand = make([]vm.Handler, n)
		for i := range p.Hand {
			p.Hand[i] = vm.Handler{Frame: int32(d.uv()), SP: int32(d.uv()), PC: int32(d.uv())}
		}
	}
	if n := d.count(); n > 0 {
		p.Mbox = make([]term.Term, n)
		for i := range p.Mbox {
			p.Mbox[i] = d.term(0)
		}
	}
	if d.bool1() {
		p.MboxVC = make([]VClock, len(p.Mbox))
		for i := range p.MboxVC {
			p.MboxVC[i] = d.vc()
		}
	}
	if n := d.count(); n > 0 {
		p.Links = make([]Link, n)
		for i := range p.Links {
			p.Links[i] = Link{Pid: d.pid(), State: LinkState(d.byte1())}
		}
	}
	if n := d.count(); n > 0 {
		p.MonOut = make([]MonOut, n)
		for i := range p.MonOut {
			p.MonOut[i] = MonOut{Ref: d.ref(), Target: d.pid(), Name: d.atom(), Node: term.NodeID(d.uv()), ByName: d.bool1()}
		}
	}
	if n := d.count(); n > 0 {
		p.MonIn = make([]MonIn, n)
		for i := range p.MonIn {
			p.MonIn[i] = MonIn{Ref: d.ref(), Watcher: d.pid(), Name: d.atom(), ByName: d.bool1()}
		}
	}
	if n := d.count(); n > 0 {
		p.NMon = make([]term.NodeID, n)
		for i := range p.NMon {
			p.NMon[i] = term.NodeID(d.uv())
		}
	}
	p.Reason = d.term(0)
	p.Own = d.bool1()
	p.RaisedAt = token.Pos{File: int32(d.uv()), Off: int32(d.uv())}
	p.Spawn = d.ref()
	p.SpawnTo = term.NodeID(d.uv())
	p.SpawnOpts = d.byte1()
	if n := d.count(); n > 0 {
		es := make([]vm.DictEntry, n)
		for i := range es {
			es[i] = vm.DictEntry{Key: d.term(0), Val: d.term(0)}
		}
		p.Dict = &vm.Dict{Entries: es}
	}
	p.VC = d.vc()
	if d.err == nil {
		p.enc = append([]byte(nil), start[:len(start)-len(d.b)]...)
		if err := d.s.checkProc(p); err != nil {
			d.err = err
		}
	}
	return p
}

// checkProc verifies that a decoded process refers only to code that
// exists, so that a corrupt store cannot make the machine misbehave.
func (s *System) checkProc(p *Proc) error {
	for _, f := range p.Frames {
		if f.Fn < 0 || int(f.Fn) >= len(s.prog.Funcs) || f.PC < 0 || int(f.PC) >= len(s.prog.Funcs[f.Fn].Code) ||
			f.Base < 0 || int(f.Base)+s.prog.Funcs[f.Fn].NSlots > len(p.Stack) {
			return errCorrupt
		}
	}
	for _, h := range p.Hand {
		if h.Frame < 0 || int(h.Frame) >= len(p.Frames) || h.SP < 0 || int(h.SP) > len(p.Stack) {
			return errCorrupt
		}
	}
	if p.Init >= int32(len(s.prog.Funcs)) {
		return errCorrupt
	}
	return nil
}

func (d *decoder) signal() Signal {
	return Signal{
		Kind: SigKind(d.byte1()), From: d.pid(), To: d.pid(), Name: d.atom(), Ref: d.ref(),
		Val: d.term(0), Flag: d.bool1(), Opts: d.byte1(), Seq: uint32(d.uv()), Sup: uint32(d.uv()), VC: d.vc(),
	}
}

// decodedState is a decoded state and the memory of its slices, which
// [System.DecodeKeyReusing] reuses.
type decodedState struct {
	st     State
	nodes  []Node
	procs  []*Proc
	chans  []Channel
	sigs   []Signal // the signals of every channel
	conns  []Conn
	budget []uint8
	// With compact keys: the nodes and connections sections of the
	// previous key, and how many connections it had.
	nodesKey, connsKey []byte
	nconns             int
	// atoms are the run-time atoms of the last nodes section decoded
	// (never changed once decoded: states share them).
	atoms *runAtoms
	// keepEnc: the channels and the property history keep the bytes of
	// the key that encode them (Channel.enc, Hist.enc); the caller keeps
	// the key unchanged while it uses the state and its successors.
	keepEnc bool
}

// DecodeKey rebuilds a state from its canonical encoding.
func (s *System) DecodeKey(key []byte) (*State, error) {
	return s.decodeInto(key, &decodedState{})
}

// DecodeKeyReusing is [System.DecodeKey] into memory kept in *mem (nil at
// first), which the next call with the same mem reuses: the state is
// valid until then, and so are the states built from it by
// [System.SuccessorsTransient]. Processes are shared with the decoding
// cache as always, never reused (explore.ReusingDecoder).
func (s *System) DecodeKeyReusing(key []byte, mem *any) (*State, error) {
	sb, _ := (*mem).(*decodedState)
	if sb == nil {
		sb = &decodedState{}
		*mem = sb
	}
	clear(sb.procs[:cap(sb.procs)])
	clear(sb.sigs[:cap(sb.sigs)])
	sb.keepEnc = true
	return s.decodeInto(key, sb)
}

func (s *System) decodeInto(key []byte, sb *decodedState) (*State, error) {
	d := &decoder{s: s, b: key}
	sb.st = State{}
	st := &sb.st
	// With compact keys, the nodes and the connections are sections that
	// a reusing decoder does not parse again when they equal the previous
	// key's (they seldom change).
	defer func() {
		if d.err != nil {
			sb.nodesKey, sb.connsKey = sb.nodesKey[:0], sb.connsKey[:0]
		}
	}()
	sec, same := d.section(&sb.nodesKey, sb.keepEnc)
	if same {
		st.Nodes = sb.nodes[:len(s.nodes)]
	} else if err := d.decodeNodes(sb); err != nil {
		return nil, err
	}
	st.atoms = sb.atoms
	if sb.keepEnc {
		st.nodesEnc = sec
	}
	np := d.count()
	if cap(sb.procs) < np {
		sb.procs = make([]*Proc, 0, np)
	}
	st.Procs = sb.procs[:0]
	for i := 0; i < np && d.err == nil; i++ {
		if s.procTab != nil {
			fp := d.bytes(8)
			if d.err != nil {
				break
			}
			p := s.procTab.lookup(binary.LittleEndian.Uint64(fp))
			if p == nil {
				d.err = fmt.Errorf("%w: no process with fingerprint %x", errCorrupt, fp)
				break
			}
			st.Procs = append(st.Procs, p)
			continue
		}
		enc := d.bytes(d.uv())
		if d.err != nil {
			break
		}
		p := s.procs.get(enc)
		if p == nil {
			pd := &decoder{s: s, b: enc}
			p = pd.proc()
			if pd.err == nil && len(pd.b) != 0 {
				pd.err = fmt.Errorf("%w: %d trailing bytes in a process", errCorrupt, len(pd.b))
			}
			if pd.err != nil {
				d.err = pd.err
				break
			}
			// Shared by the states that decode to it, and never changed:
			// it may remember its local steps (memo.go).
			p.sh = &procShared{}
			s.procs.put(p)
		}
		st.Procs = append(st.Procs, p)
	}
	if nc := d.count(); nc > 0 && d.err == nil {
		if cap(sb.chans) < nc {
			sb.chans = make([]Channel, nc)
		}
		st.Chans = sb.chans[:nc]
		sigs := sb.sigs[:0]
		for i := range st.Chans {
			c := &st.Chans[i]
			c.From, c.To = term.NodeID(d.uv()), term.NodeID(d.uv())
			c.enc, c.ent, c.popOf = nil, nil, nil
			if s.chanTab != nil {
				fp := d.bytes(8)
				if d.err != nil {
					break
				}
				c.ent = s.chanTab.lookup(binary.LittleEndian.Uint64(fp))
				if c.ent == nil {
					d.err = fmt.Errorf("%w: no channel contents with fingerprint %x", errCorrupt, fp)
					break
				}
				c.Sigs = c.ent.sigs
				continue
			}
			encFrom := len(key) - len(d.b)
			ns := d.count()
			if d.err != nil {
				break
			}
			start := len(sigs)
			for range ns {
				sigs = append(sigs, d.signal())
			}
			// A channel's signals are read-only in the state: a transition
			// that changes them makes a new list (edit.pushSig).
			c.Sigs = sigs[start:len(sigs):len(sigs)]
			if sb.keepEnc && d.err == nil {
				encTo := len(key) - len(d.b)
				c.enc = key[encFrom:encTo:encTo]
			}
		}
		// The channels decoded before sigs grew keep the old array.
		sb.sigs = sigs
	}
	sec, same = d.section(&sb.connsKey, sb.keepEnc)
	if sb.keepEnc {
		st.connsEnc = sec
	}
	if same {
		st.Conns = sb.conns[:sb.nconns]
	} else {
		sb.nconns = 0
		if nc := d.count(); nc > 0 && d.err == nil {
			if cap(sb.conns) < nc {
				sb.conns = make([]Conn, nc)
			}
			st.Conns = sb.conns[:nc]
			for i := range st.Conns {
				st.Conns[i] = Conn{A: term.NodeID(d.uv()), B: term.NodeID(d.uv()), State: ConnState(d.byte1()), CrA: uint32(d.uv()), CrB: uint32(d.uv())}
			}
			sb.nconns = nc
		}
	}
	sb.budget = append(sb.budget[:0], d.bytes(d.uv())...)
	st.Budget = sb.budget[:len(sb.budget):len(sb.budget)]
	st.Spawns = uint32(d.uv())
	if d.bool1() {
		h := &Hist{}
		encFrom := len(key) - len(d.b)
		if k := d.count(); k > 0 {
			h.Pairs = make([]PairHist, k)
			for i := range h.Pairs {
				h.Pairs[i] = PairHist{From: d.pid(), To: Dest{Pid: d.pid(), Name: d.atom(), ByName: d.bool1()},
					Sent: uint32(d.uv()), Done: uint32(d.uv()), Sup: uint32(d.uv())}
			}
		}
		if k := d.count(); k > 0 {
			h.Pids = make([]term.Pid, k)
			for i := range h.Pids {
				h.Pids[i] = d.pid()
			}
		}
		if k := d.count(); k > 0 {
			h.Told = make([]Told, k)
			for i := range h.Told {
				h.Told[i] = Told{Watcher: d.pid(), Pid: d.pid(), ByNode: d.bool1(), Node: term.NodeID(d.uv()), Cr: uint32(d.uv())}
			}
		}
		if k := d.count(); k > 0 {
			h.Seen = make([]Seen, k)
			for i := range h.Seen {
				h.Seen[i] = Seen{Pid: d.pid(), VC: d.vc()}
			}
		}
		if sb.keepEnc && d.err == nil {
			encTo := len(key) - len(d.b)
			h.enc = key[encFrom:encTo:encTo]
		}
		st.Hist = h
	}
	st.Bound = string(d.bytes(d.uv()))
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%w: %d trailing bytes", errCorrupt, len(d.b))
	}
	if d.err != nil {
		return nil, d.err
	}
	return st, nil
}

// decodeNodes decodes the nodes into sb.
func (d *decoder) decodeNodes(sb *decodedState) error {
	s, st := d.s, &sb.st
	nn := d.count()
	if d.err == nil && nn != len(s.nodes) {
		d.err = fmt.Errorf("%w: %d nodes, the model has %d", errCorrupt, nn, len(s.nodes))
		return d.err
	}
	if cap(sb.nodes) < nn {
		sb.nodes = make([]Node, nn)
	}
	st.Nodes = sb.nodes[:nn]
	sb.atoms = nil
	for i := range st.Nodes {
		n := &st.Nodes[i]
		*n = Node{}
		flags := d.byte1()
		n.Up = flags&1 != 0
		n.Cr = uint32(d.uv())
		n.NextLid = uint32(d.uv())
		n.Incarn = uint32(d.uv())
		if k := d.count(); k > 0 {
			n.Reg = make([]RegEntry, k)
			for j := range n.Reg {
				n.Reg[j] = RegEntry{Name: d.atom(), Pid: d.pid()}
			}
		}
		if k := d.count(); k > 0 {
			n.Subs = make([]term.Pid, k)
			for j := range n.Subs {
				n.Subs[j] = d.pid()
			}
		}
		if flags&2 != 0 {
			as := make([]term.Atom, d.count())
			for j := range as {
				as[j] = term.Intern(string(d.bytes(d.uv())))
			}
			if sb.atoms == nil {
				sb.atoms = &runAtoms{byNode: make([][]term.Atom, nn)}
			}
			sb.atoms.byNode[i] = as
		}
		if flags > 3 {
			d.err = errCorrupt
		}
	}
	return nil
}

// procCache keeps recently decoded processes by their encoding. Processes
// are immutable once in a state, so states may share them: a breadth-first
// frontier kept as encodings decodes the same process over and over (most
// transitions change one process), and the cache turns those decodings into
// a hash, a comparison and a pointer. It is safe for concurrent use: slots
// are replaced atomically and an entry is never changed.
type procCache struct {
	slots []atomic.Pointer[Proc]
	mask  uint64
}

const procCacheSlots = 1 << 16

func newProcCache() *procCache {
	return &procCache{slots: make([]atomic.Pointer[Proc], procCacheSlots), mask: procCacheSlots - 1}
}

func (c *procCache) get(enc []byte) *Proc {
	if c == nil {
		return nil
	}
	p := c.slots[xxhash.Sum64(enc)&c.mask].Load()
	if p != nil && bytes.Equal(p.enc, enc) {
		return p
	}
	return nil
}

func (c *procCache) put(p *Proc) {
	if c == nil {
		return
	}
	c.slots[xxhash.Sum64(p.enc)&c.mask].Store(p)
}

// sectionStart begins a section of a compact key: a 4-byte length, then
// the section, so that a reusing decoder can compare it with the
// previous key's instead of parsing it ([decoder.section]). Full keys
// have no sections (start < 0).
func (s *System) sectionStart(b []byte) (_ []byte, start int) {
	if s.procTab == nil {
		return b, -1
	}
	b = append(b, 0, 0, 0, 0)
	return b, len(b)
}

// sectionEnd writes the length of the section that began at start.
func sectionEnd(b []byte, start int) []byte {
	if start >= 0 {
		binary.LittleEndian.PutUint32(b[start-4:], uint32(len(b)-start))
	}
	return b
}

// section reads the length of a compact key's section. When reuse is set
// and the section equals *prev (the previous key's), it skips the section
// and reports true: the decoded values of the previous key stand.
// Otherwise it records the section in *prev and leaves it to be parsed.
// It also returns the section's bytes (of the key).
func (d *decoder) section(prev *[]byte, reuse bool) (sec []byte, same bool) {
	if d.s.procTab == nil || d.err != nil {
		return nil, false
	}
	n := uint64(binary.LittleEndian.Uint32(d.bytes(4)))
	if d.err != nil || uint64(len(d.b)) < n {
		d.err = errCorrupt
		return nil, false
	}
	sec = d.b[:n:n]
	if reuse && len(*prev) > 0 && bytes.Equal(sec, *prev) {
		d.b = d.b[n:]
		return sec, true
	}
	*prev = append((*prev)[:0], sec...)
	return sec, false
}

// appendSection appends a section of a compact key from the bytes of the
// key its state was decoded from.
func appendSection(b, sec []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(sec)))
	return append(b, sec...)
}
