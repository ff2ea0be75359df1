package semantics

import (
	"bytes"
	"encoding/binary"
	"sync"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"

	"github.com/mcgo-dev/mcgo/semantics/term"
)

// Compact keys. By default a state's key holds the full encoding of each
// of its processes and channels, so that a key means the same state to any run of the
// same model: the disk store keeps keys across runs (--resume) and the
// exact store compares them byte for byte. A search that keeps its keys
// only in memory can do with less: after [System.InternProcesses], a key
// names each process and the contents of each channel by the 64-bit
// fingerprint of their encoding, and the system keeps every distinct
// process and channel contents once, in a table, by that fingerprint.
// Keys shrink to a few bytes a process, encoding a state copies eight
// bytes for each process or channel a transition did not change, and
// decoding one is a table lookup a process or channel instead of a hash
// and a comparison of a process's encoding or the decoding of every
// signal in flight.
//
// The fingerprint depends only on the process, so keys (and the
// fingerprints the visited set keeps of them) do not depend on the number
// of workers or on the order in which they met the processes. The tables
// compare full encodings: when two distinct processes (or channel
// contents, or signals) have the same fingerprint, the second is named by
// the next free value ([table.intern]; tests count such collisions).
// Names stay unique, so compact keys are as
// exact as full ones; only in that case (about the number of distinct
// processes squared over 2^65) may the bytes of some keys depend on which
// process a worker met first.

// InternProcesses switches the system to compact keys (see above). Call
// it before the search starts, on a system whose keys stay in this
// process's memory.
func (s *System) InternProcesses() {
	if s.procTab == nil {
		s.procTab = newTable[Proc]()
		s.chanTab = newTable[sigList]()
		s.sigTab = newTable[encoded]()
		s.fpMask = ^uint64(0)
	}
}

// fingerprint names an encoded process, channel contents or signal in
// compact keys. Tests narrow it (fpMask) to make collisions happen.
func (s *System) fingerprint(enc []byte) uint64 {
	return xxhash.Sum64(enc) & s.fpMask
}

// internCollisions is the number of distinct processes, channel
// contents or signals met with the fingerprint of another, each then
// named by the next free fingerprint.
func (s *System) internCollisions() int64 {
	return s.procTab.collisions.Load() + s.chanTab.collisions.Load() + s.sigTab.collisions.Load()
}

// table is a set of interned values (processes, channel contents,
// signals) by fingerprint, in tableShards shards chosen by the low bits
// of the fingerprint, so that workers inserting new values rarely wait
// for one another. Each shard is an open addressing table of immutable
// values. Lookups take no lock: they probe the shard's current array of
// slots, whose entries are only ever added. Insertions take the shard's
// lock, and the array is replaced by a larger copy when half full; a
// lookup that raced with the replacement and missed looks again under
// the lock.
type table[E any, P interned[E]] struct {
	shards     [tableShards]shard[E, P]
	collisions atomic.Int64
}

const tableShards = 16

type shard[E any, P interned[E]] struct {
	mu  sync.Mutex
	tab atomic.Pointer[slots[E, P]]
	n   int
	_   [40]byte // a cache line of its own
}

// interned is what a table needs of the values it holds.
type interned[E any] interface {
	*E
	fingerprint() uint64
	setFingerprint(uint64)
	encoding() []byte
}

type slots[E any, P interned[E]] struct {
	s    []slot[E]
	mask uint64
}

// slot holds a value and its fingerprint, so that a probe compares
// fingerprints without following pointers (each a likely cache miss). The
// value is stored first: a reader that sees it without its fingerprint
// yet misses, and looks again under the lock.
type slot[E any] struct {
	v  atomic.Pointer[E]
	fp atomic.Uint64
}

func newTable[E any, P interned[E]]() *table[E, P] {
	t := &table[E, P]{}
	for i := range t.shards {
		t.shards[i].tab.Store(newSlots[E, P](1 << 8))
	}
	return t
}

// shardOf returns the shard of fingerprint h. The next names tried on a
// collision (intern) stay in it.
func (t *table[E, P]) shardOf(h uint64) *shard[E, P] {
	return &t.shards[h%tableShards]
}

func newSlots[E any, P interned[E]](n int) *slots[E, P] {
	return &slots[E, P]{s: make([]slot[E], n), mask: uint64(n - 1)}
}

// find returns the value with fingerprint h in t, or nil. The low bits
// of h chose the shard, the next ones the slot.
func (t *slots[E, P]) find(h uint64) P {
	for i := (h / tableShards) & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.s[i]
		v := sl.v.Load()
		if v == nil {
			return nil
		}
		if sl.fp.Load() == h {
			return P(v)
		}
	}
}

func (t *slots[E, P]) put(p P) {
	h := p.fingerprint()
	i := (h / tableShards) & t.mask
	for t.s[i].v.Load() != nil {
		i = (i + 1) & t.mask
	}
	t.s[i].v.Store((*E)(p))
	t.s[i].fp.Store(h)
}

// lookup returns the interned value with fingerprint h, or nil.
func (t *table[E, P]) lookup(h uint64) P {
	sh := t.shardOf(h)
	if p := sh.tab.Load().find(h); p != nil {
		return p
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return sh.tab.Load().find(h)
}

// intern returns the interned value equal to p (same encoding), whose
// fingerprint is set. When there is none, it interns keep(p), a copy that
// stays valid. When another value already has p's fingerprint h (a
// collision), p is named by the next free one of h+16, h+32, ... (in the
// same shard): names stay unique, so a collision never merges two states
// (only the bytes of the keys that name p may then depend on which of
// the two came first).
func (t *table[E, P]) intern(p P, keep func(P) P) P {
	h := p.fingerprint()
	sh := t.shardOf(h)
	if q := sh.tab.Load().find(h); q != nil && bytes.Equal(q.encoding(), p.encoding()) {
		return q
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	tab := sh.tab.Load()
	for {
		q := tab.find(h)
		if q == nil {
			break
		}
		if bytes.Equal(q.encoding(), p.encoding()) {
			return q
		}
		if h == p.fingerprint() {
			t.collisions.Add(1)
		}
		h += tableShards
	}
	p.setFingerprint(h)
	p = keep(p)
	if 2*(sh.n+1) > len(tab.s) {
		bigger := newSlots[E, P](2 * len(tab.s))
		for i := range tab.s {
			if q := P(tab.s[i].v.Load()); q != nil {
				bigger.put(q)
			}
		}
		sh.tab.Store(bigger)
		tab = bigger
	}
	tab.put(p)
	sh.n++
	return p
}

func (t *table[E, P]) size() int {
	n := 0
	for i := range t.shards {
		sh := &t.shards[i]
		sh.mu.Lock()
		n += sh.n
		sh.mu.Unlock()
	}
	return n
}

// each calls f for every interned value (tests).
func (t *table[E, P]) each(f func(P)) {
	for i := range t.shards {
		tab := t.shards[i].tab.Load()
		for j := range tab.s {
			if p := tab.s[j].v.Load(); p != nil {
				f(P(p))
			}
		}
	}
}

func (p *Proc) fingerprint() uint64     { return p.fp }
func (p *Proc) setFingerprint(h uint64) { p.fp = h }
func (p *Proc) encoding() []byte        { return p.enc }

// sigList is the interned contents of a channel.
type sigList struct {
	fp   uint64
	enc  []byte
	sigs []Signal
	// tail is the interned contents without the first signal, once a
	// delivery has met them (with the memo of local steps, memo.go).
	tail atomic.Pointer[sigList]
}

// loadTail returns l's remembered tail; l may be nil.
func (l *sigList) loadTail() *sigList {
	if l == nil {
		return nil
	}
	return l.tail.Load()
}

func (l *sigList) fingerprint() uint64     { return l.fp }
func (l *sigList) setFingerprint(h uint64) { l.fp = h }
func (l *sigList) encoding() []byte        { return l.enc }

// persist copies a process out of a transient successor's arena: every
// slice the arena may reuse gets memory of its own.
func (p *Proc) persist() *Proc {
	c := p.cloneCopy()
	q := &c.p
	q.sh = &c.sh
	q.Stack = q.Stack[:len(q.Stack):len(q.Stack)]
	if p.Mbox != nil {
		q.Mbox = append([]term.Term(nil), p.Mbox...)
	}
	if p.MboxVC != nil {
		q.MboxVC = append([]VClock(nil), p.MboxVC...)
	}
	q.enc = append([]byte(nil), p.enc...)
	q.fp = p.fp
	return q
}

// sealCompact is seal for compact keys: each process and channel a
// transition changed is encoded, fingerprinted and replaced by its
// interned copy. ar is the arena of a transient successor, or nil.
func (s *System) sealCompact(st *State, ar *arena) {
	if ar == nil {
		for i, p := range st.Procs {
			if !p.shared() {
				st.Procs[i] = s.internProc(p, keepHeap)
			}
		}
		sc := &internScratch{}
		for i := range st.Chans {
			if st.Chans[i].ent == nil {
				sc.buf = s.internChan(&st.Chans[i], sc)
			}
		}
		return
	}
	if ar.owner != s.procTab {
		// Arenas are pooled across systems: forget another's tables.
		clear(ar.recent[:])
		ar.owner = s.procTab
	}
	for i, p := range st.Procs {
		if p.shared() {
			continue
		}
		// A small cache of the arena's recent processes first: the
		// successors of one parent and of its neighbours in the frontier
		// keep making the same processes, and the table's slots are
		// likely cache misses.
		s.encodeProc(p)
		slot := &ar.recent[p.fp&uint64(len(ar.recent)-1)]
		if q := *slot; q != nil && q.fp == p.fp && bytes.Equal(q.enc, p.enc) {
			st.Procs[i] = q
			continue
		}
		q := s.procTab.intern(p, (*Proc).persist)
		*slot = q
		st.Procs[i] = q
	}
	for i := range st.Chans {
		if st.Chans[i].ent == nil {
			ar.scratch.buf = s.internChan(&st.Chans[i], &ar.scratch)
		}
	}
}

// encodeProc sets the encoding (if the transition left none) and the
// fingerprint of a process that is not interned.
func (s *System) encodeProc(p *Proc) {
	if len(p.enc) == 0 {
		buf := p.enc
		if cap(buf) == 0 {
			buf = make([]byte, 0, p.encHint+16)
		}
		p.enc = s.appendProc(buf, p)
	}
	p.fp = s.fingerprint(p.enc)
}

// internProc returns the interned process equal to p, interning keep(p)
// when there is none.
func (s *System) internProc(p *Proc, keep func(*Proc) *Proc) *Proc {
	s.encodeProc(p)
	return s.procTab.intern(p, keep)
}

// internScratch is where a channel's name is worked out: the tables only
// keep copies of what they are given, so one scratch serves every
// channel (in the arena: no allocation per successor).
type internScratch struct {
	buf  []byte
	sig  encoded
	list sigList
}

// internChan names the contents of c, whose signals are read-only, and
// returns sc.buf grown. A channel is named by the fingerprints of its
// signals, each computed once, when the signal is sent, and interned so
// that a collision between two signals is seen.
func (s *System) internChan(c *Channel, sc *internScratch) []byte {
	buf := sc.buf
	for j := range c.Sigs {
		g := &c.Sigs[j]
		if g.fp != 0 {
			continue
		}
		buf = s.appendSignal(buf[:0], g)
		sc.sig = encoded{fp: s.fingerprint(buf), enc: buf}
		g.fp = s.sigTab.intern(&sc.sig, persistEncoded).fp
	}
	buf = buf[:0]
	for j := range c.Sigs {
		buf = appendRef64(buf, c.Sigs[j].fp)
	}
	sc.list = sigList{fp: s.fingerprint(buf), enc: buf, sigs: c.Sigs}
	c.ent = s.chanTab.intern(&sc.list, persistSigs)
	c.Sigs = c.ent.sigs
	if c.popOf != nil {
		if s.memo {
			c.popOf.tail.Store(c.ent)
		}
		c.popOf = nil
	}
	sc.sig, sc.list = encoded{}, sigList{} // drop the references
	return buf
}

// encoded is an interned signal: only its encoding, to tell two signals
// with one fingerprint apart (channels hold the signals themselves).
type encoded struct {
	fp  uint64
	enc []byte
}

func (x *encoded) fingerprint() uint64     { return x.fp }
func (x *encoded) setFingerprint(h uint64) { x.fp = h }
func (x *encoded) encoding() []byte        { return x.enc }

func persistEncoded(x *encoded) *encoded {
	return &encoded{fp: x.fp, enc: append([]byte(nil), x.enc...)}
}

// keepHeap interns a process that is not in an arena as it is.
func keepHeap(p *Proc) *Proc {
	p.sh = &procShared{}
	return p
}

// persistSigs copies channel contents out of the encoding buffer and the
// arena.
func persistSigs(l *sigList) *sigList {
	return &sigList{fp: l.fp, enc: append([]byte(nil), l.enc...), sigs: append([]Signal(nil), l.sigs...)}
}

// appendRef64 appends the compact name of an interned value.
func appendRef64(b []byte, fp uint64) []byte {
	return binary.LittleEndian.AppendUint64(b, fp)
}

// fpOrSeal returns the fingerprint of the channel's contents, naming
// them first when no transition did (states built by tests), on a copy
// of the signals: naming sets each signal's fingerprint.
func (c *Channel) fpOrSeal(s *System) uint64 {
	if c.ent == nil {
		cc := Channel{Sigs: append([]Signal(nil), c.Sigs...)}
		s.internChan(&cc, &internScratch{})
		c.ent = cc.ent
	}
	return c.ent.fp
}
