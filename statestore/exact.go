package statestore

import (
	"sync"
	"sync/atomic"
)

// Exact is a visited set keyed by full canonical encodings: no two distinct
// states are ever merged, at the price of keeping every encoding (plus a Go
// map entry) in memory. It suits small models, and checking that a
// fingerprint run did not lose states to collisions.
//
// It is sharded by fingerprint into 256 mutex-protected maps, which is
// enough to keep two to eight workers from contending.
type Exact struct {
	shards [256]exactShard
	count  atomic.Int64
	bytes  atomic.Int64
}

type exactShard struct {
	mu   sync.Mutex
	keys map[string]struct{}
	fps  map[Fingerprint]struct{}
	_    [40]byte // one shard per cache line pair: no false sharing of mu
}

// exactEntryOverhead approximates the bytes a Go map entry and a string
// header take beyond the key itself, for [Exact.Describe].
const exactEntryOverhead = 48

// NewExact returns an empty exact set.
func NewExact() *Exact { return &Exact{} }

// InsertKey records a copy of key and reports whether it was absent.
func (e *Exact) InsertKey(key []byte) (bool, error) {
	sh := &e.shards[Hash(key)>>56]
	sh.mu.Lock()
	if _, ok := sh.keys[string(key)]; ok {
		sh.mu.Unlock()
		return false, nil
	}
	if sh.keys == nil {
		sh.keys = make(map[string]struct{})
	}
	sh.keys[string(key)] = struct{}{}
	sh.mu.Unlock()
	e.count.Add(1)
	e.bytes.Add(int64(len(key)) + exactEntryOverhead)
	return true, nil
}

// Insert records a bare fingerprint. It exists so that Exact is a [Set]; a
// search that finds [ExactSet] uses InsertKey instead. Fingerprints and keys
// are kept apart (an 8-byte key never equals a fingerprint).
func (e *Exact) Insert(fp Fingerprint) (bool, error) {
	sh := &e.shards[fp>>56]
	sh.mu.Lock()
	if _, ok := sh.fps[fp]; ok {
		sh.mu.Unlock()
		return false, nil
	}
	if sh.fps == nil {
		sh.fps = make(map[Fingerprint]struct{})
	}
	sh.fps[fp] = struct{}{}
	sh.mu.Unlock()
	e.count.Add(1)
	e.bytes.Add(8 + exactEntryOverhead)
	return true, nil
}

// Len returns the number of distinct keys plus distinct fingerprints.
func (e *Exact) Len() int64 { return e.count.Load() }

// Close drops the maps.
func (e *Exact) Close() error {
	for i := range e.shards {
		sh := &e.shards[i]
		sh.mu.Lock()
		sh.keys, sh.fps = nil, nil
		sh.mu.Unlock()
	}
	e.count.Store(0)
	e.bytes.Store(0)
	return nil
}

// Describe reports an estimate of the memory held; exact sets never merge
// states, so the collision probability is 0.
func (e *Exact) Describe() Info {
	return Info{Kind: "exact", Bytes: uint64(e.bytes.Load())}
}
