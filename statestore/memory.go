package statestore

import (
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"
)

// Memory is the in-memory fingerprint set: one flat open-addressing table of
// uint64 slots with linear probing, shared lock-free by all goroutines.
//
// A slot is 0 while empty and is filled by one CompareAndSwap, so Insert is
// a test-and-set without locks. Slots are never cleared, so a probe sequence
// only ever gains entries and a reader that meets an empty slot knows the
// fingerprint is absent. The table grows by half when three quarters full,
// so a state costs between 10.7 and 16 bytes (while a grow is under way the
// old table is held too). Capacities are not powers of two: a slot index is
// the high word of fp×capacity (Lemire's fastrange), which uses the
// fingerprint's high bits and needs no division.
//
// Two slot values are reserved: 0 (empty) and all ones (moved, see grow).
// Fingerprints with those values are remapped to two fixed other values,
// which adds two pairs to the ones that can collide; the collision
// probability estimate ignores this (it changes it by 2/2⁶⁴).
type Memory struct {
	tab    atomic.Pointer[memTable]
	_      [56]byte // keep count off the table pointer's cache line
	count  atomic.Int64
	_      [56]byte
	growMu sync.Mutex
}

type memTable struct {
	slots []uint64
	n     uint64 // len(slots)
	limit int64  // grow when more than limit slots are filled
}

const (
	memEmpty   = 0
	memMoved   = ^uint64(0)
	memRemap   = 0x5bd1e9955bd1e995
	memMinSize = 1024
	// memMaxLoad is the fill (3/4) at which the table grows by half, so
	// that after a grow it is half full: at most 16 bytes a state.
	memMaxLoadNum, memMaxLoadDen = 3, 4
)

// NewMemory returns an empty in-memory set sized for sizeHint fingerprints
// without growing (0 for the smallest table). Preallocating avoids the pause
// of a grow and the transient double footprint.
func NewMemory(sizeHint int64) *Memory {
	n := uint64(memMinSize)
	if sizeHint > 0 {
		want := uint64(sizeHint)*memMaxLoadDen/memMaxLoadNum + 1
		if want > n {
			n = want
		}
	}
	m := &Memory{}
	m.tab.Store(newMemTable(n))
	return m
}

func newMemTable(n uint64) *memTable {
	return &memTable{slots: make([]uint64, n), n: n, limit: int64(n * memMaxLoadNum / memMaxLoadDen)}
}

func memValue(fp Fingerprint) uint64 {
	v := uint64(fp)
	if v == memEmpty || v == memMoved {
		v ^= memRemap
	}
	return v
}

func (t *memTable) home(v uint64) uint64 {
	hi, _ := bits.Mul64(v, t.n)
	return hi
}

// insertResult is the outcome of one probe sequence.
type insertResult int

const (
	resFresh insertResult = iota
	resSeen
	resRetry // the table was replaced (or is full): reload and try again
)

// tryInsert inserts v into t. It never blocks.
func (t *memTable) tryInsert(v uint64) insertResult {
	i := t.home(v)
	for probes := uint64(0); probes < t.n; {
		cur := atomic.LoadUint64(&t.slots[i])
		switch cur {
		case v:
			return resSeen
		case memEmpty:
			if atomic.CompareAndSwapUint64(&t.slots[i], memEmpty, v) {
				return resFresh
			}
			continue // someone filled the slot: look at it again
		case memMoved:
			return resRetry
		}
		probes++
		if i++; i == t.n {
			i = 0
		}
	}
	return resRetry
}

// contains reports whether v is in t; retry is true when t is being
// replaced and the answer is unknown.
func (t *memTable) contains(v uint64) (found, retry bool) {
	i := t.home(v)
	for probes := uint64(0); probes < t.n; probes++ {
		switch atomic.LoadUint64(&t.slots[i]) {
		case v:
			return true, false
		case memEmpty:
			return false, false
		case memMoved:
			return false, true
		}
		if i++; i == t.n {
			i = 0
		}
	}
	return false, false
}

// insert inserts v, growing or waiting for a grow as needed; it does not
// count.
func (m *Memory) insert(v uint64) bool {
	for {
		t := m.tab.Load()
		switch t.tryInsert(v) {
		case resFresh:
			return true
		case resSeen:
			return false
		}
		m.grow(t)
	}
}

// Insert records fp and reports whether it was absent. It is lock-free
// except while the table grows.
func (m *Memory) Insert(fp Fingerprint) (bool, error) {
	v := memValue(fp)
	if !m.insert(v) {
		return false, nil
	}
	if n := m.count.Add(1); n > m.tab.Load().limit {
		m.grow(m.tab.Load())
	}
	return true, nil
}

// InsertBatch inserts fps in order with one update of the shared counter
// per batch; see [BatchInserter].
func (m *Memory) InsertBatch(fps []Fingerprint, fresh []bool) error {
	const chunk = 256
	for len(fps) > 0 {
		n := min(len(fps), chunk)
		// Grow before a chunk can overfill the table, so that a chunk
		// never meets a full table.
		if t := m.tab.Load(); m.count.Load()+int64(n) > t.limit {
			m.grow(t)
		}
		m.touch(fps[:n])
		added := int64(0)
		for j, fp := range fps[:n] {
			f := m.insert(memValue(fp))
			fresh[j] = f
			if f {
				added++
			}
		}
		m.count.Add(added)
		fps, fresh = fps[n:], fresh[n:]
	}
	return nil
}

// touch loads the home slot of every fingerprint before the real probes.
// The loads are independent, so the processor overlaps their cache misses;
// the probes that follow then mostly hit the cache (Go has no prefetch
// instruction, this is the portable substitute).
func (m *Memory) touch(fps []Fingerprint) {
	t := m.tab.Load()
	var sink uint64
	for _, fp := range fps {
		sink ^= atomic.LoadUint64(&t.slots[t.home(memValue(fp))])
	}
	if sink == 1 {
		memSink.Store(sink) // practically never: keeps the loads from being optimised away
	}
}

var memSink atomic.Uint64

// Contains reports whether fp is in the set.
func (m *Memory) Contains(fp Fingerprint) bool {
	v := memValue(fp)
	for {
		t := m.tab.Load()
		found, retry := t.contains(v)
		if !retry {
			return found
		}
		m.waitGrow()
	}
}

// waitGrow blocks until a grow under way has finished.
func (m *Memory) waitGrow() {
	m.growMu.Lock()
	m.growMu.Unlock() //lint:ignore SA2001 an empty critical section is the wait
}

// grow replaces old by a table half as large again, unless another
// goroutine already did. Concurrent inserters keep working on old until
// they meet a slot marked moved; then they wait on growMu and retry in the
// new table.
//
// Correctness: the grower walks old once; it turns every empty slot into
// moved (by CAS) and copies every filled one. A fingerprint inserted into
// old by a CAS that beat the grower to its slot is copied later by the
// grower; an insert whose probe reaches a moved slot retries after the new
// table is published, and finds there whatever was copied. Since slots are
// never emptied, no fingerprint can be both copied and inserted again.
func (m *Memory) grow(old *memTable) {
	m.growMu.Lock()
	defer m.growMu.Unlock()
	if m.tab.Load() != old {
		return
	}
	n := old.n + old.n/2
	if n < memMinSize {
		n = memMinSize
	}
	for int64(n*memMaxLoadNum/memMaxLoadDen) < m.count.Load()+1 {
		n += n / 2
	}
	nt := newMemTable(n)
	for i := range old.slots {
		for {
			cur := atomic.LoadUint64(&old.slots[i])
			if cur == memEmpty {
				if !atomic.CompareAndSwapUint64(&old.slots[i], memEmpty, memMoved) {
					continue
				}
				break
			}
			j := nt.home(cur)
			for nt.slots[j] != memEmpty {
				if j++; j == nt.n {
					j = 0
				}
			}
			nt.slots[j] = cur
			break
		}
	}
	m.tab.Store(nt)
}

// MemoryValue returns the value under which [Memory] stores fp: fp itself,
// except for the two reserved values 0 and 2⁶⁴-1, which are remapped (so
// Memory merges 0 with 0x5bd1e9955bd1e995 and 2⁶⁴-1 with its complement).
// Stores that keep what [Memory.Drain] returns look fingerprints up by this
// value.
func MemoryValue(fp Fingerprint) uint64 { return memValue(fp) }

// Drain empties the set and returns the stored values ([MemoryValue] of
// each fingerprint) in increasing order. It sorts them in the table's own
// memory, so it needs no second copy of the set; the caller must make sure
// no other goroutine uses the set meanwhile.
func (m *Memory) Drain() []uint64 {
	m.growMu.Lock()
	defer m.growMu.Unlock()
	t := m.tab.Load()
	k := 0
	for _, v := range t.slots {
		if v != memEmpty && v != memMoved {
			t.slots[k] = v
			k++
		}
	}
	out := t.slots[:k:k]
	slices.Sort(out)
	m.tab.Store(newMemTable(memMinSize))
	m.count.Store(0)
	return out
}

// Len returns the number of distinct fingerprints inserted.
func (m *Memory) Len() int64 { return m.count.Load() }

// Close drops the table.
func (m *Memory) Close() error {
	m.growMu.Lock()
	defer m.growMu.Unlock()
	m.tab.Store(newMemTable(memMinSize))
	m.count.Store(0)
	return nil
}

// Describe reports the table's size and the birthday-bound collision
// probability n²/2⁶⁵.
func (m *Memory) Describe() Info {
	n := float64(m.count.Load())
	return Info{
		Kind:          "memory",
		Bytes:         m.tab.Load().n * 8,
		CollisionProb: CollisionProb(int64(n)),
	}
}

// CollisionProb estimates the probability that n distinct states include two
// with equal 64-bit fingerprints: n(n-1)/2 pairs, each colliding with
// probability 2⁻⁶⁴, so about n²/2⁶⁵ (1.4e-5 for ten million states, 0.27
// for four billion). It is the figure TLC prints for the same reason.
func CollisionProb(n int64) float64 {
	f := float64(n)
	p := f * f / (1 << 65)
	return min(p, 1)
}
