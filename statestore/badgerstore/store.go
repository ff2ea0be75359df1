package badgerstore

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"github.com/mcgo-dev/mcgo/statestore"
)

// Options configure [Open].
type Options struct {
	// Resume continues the run recorded in the directory; without it, Open
	// refuses a directory that holds a run.
	Resume bool
	// Manifest identifies the run (FormatVersion is filled in by Open); on
	// resume it must equal the stored one.
	Manifest Manifest
	// FrontStates bounds the in-memory front set (16 bytes a state at
	// most); 0 means 64M states (1 GiB at most).
	FrontStates int64
	// InMemory keeps the database in memory (tests); dir is then used only
	// for the manifest, and nothing survives Close.
	InMemory bool
	_        struct{}
}

const defaultFrontStates = 64 << 20

// Key prefixes; see the package documentation.
const (
	prefixVisited = 'v'
	prefixQueue   = 'q'
	prefixParents = 'p'
	keyMeta       = 'm'
	keyStarted    = 'h'
)

// Store is a disk-backed [statestore.Set] with the queue and parent log of
// a breadth-first search. It is safe for concurrent inserts; its Queue and
// Parents are used by one goroutine.
type Store struct {
	dir      string
	db       *badger.DB
	manifest Manifest

	mu       sync.RWMutex // held shared by inserts, exclusively to reset the front set
	front    *statestore.Memory
	complete bool // front holds every visited fingerprint
	maxFront int64
	count    atomic.Int64

	wbMu     sync.Mutex
	wb       *badger.WriteBatch
	epoch    uint64 // epoch of the writes since the last commit
	started  atomic.Bool
	startMu  sync.Mutex
	stale    []epochRange
	resumed  []byte
	closed   bool
	queue    *queue
	parents  *parentLog
	lookups  atomic.Int64
	lastMeta meta
}

// epochRange is a closed range of stale epochs.
type epochRange struct{ Lo, Hi uint64 }

// meta is the committed state of the store.
type meta struct {
	Epoch      uint64       // last committed epoch
	Count      int64        // visited fingerprints at the commit
	Stale      []epochRange `json:",omitempty"`
	Queue      queueState
	Parents    []int64 // links per level
	Checkpoint []byte  `json:",omitempty"`
}

// Open opens or creates a store in dir. A new store needs an empty or
// missing directory; an existing one is opened only with Options.Resume and
// a manifest equal to the stored one. A corrupt directory is an error.
func Open(dir string, opts Options) (*Store, error) {
	want := opts.Manifest
	want.FormatVersion = FormatVersion
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	hasManifest := false
	for _, e := range entries {
		if e.Name() == ManifestFile {
			hasManifest = true
		}
	}
	switch {
	case opts.Resume && !hasManifest:
		return nil, fmt.Errorf("open store: %s holds no run to resume", dir)
	case !opts.Resume && hasManifest:
		return nil, fmt.Errorf("open store: %s holds a previous run: resume it or remove the directory", dir)
	case !opts.Resume && len(entries) > 0:
		return nil, fmt.Errorf("open store: %s is not empty and is not a store", dir)
	case opts.Resume:
		got, err := ReadManifest(dir)
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		if err := want.compare(got); err != nil {
			return nil, fmt.Errorf("open store %s: %w", dir, err)
		}
	default:
		if err := writeManifest(dir, want); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}

	bopts := badger.DefaultOptions(filepath.Join(dir, "db")).
		WithLogger(nil).
		WithSyncWrites(false).
		WithDetectConflicts(false).
		WithNumVersionsToKeep(1).
		WithCompression(options.None).
		WithMemTableSize(64 << 20).
		WithNumMemtables(3).
		WithBlockCacheSize(64 << 20).
		WithIndexCacheSize(32 << 20).
		WithBloomFalsePositive(0.01).
		WithNumCompactors(2).
		WithValueLogFileSize(256 << 20)
	if opts.InMemory {
		bopts = bopts.WithInMemory(true).WithDir("").WithValueDir("")
	}
	db, err := badger.Open(bopts)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, diskErr(err))
	}
	s := &Store{dir: dir, db: db, manifest: want, maxFront: opts.FrontStates}
	if s.maxFront <= 0 {
		s.maxFront = defaultFrontStates
	}
	s.front = statestore.NewMemory(0)
	s.complete = true
	s.queue = &queue{s: s}
	s.parents = &parentLog{s: s}
	if err := s.load(opts.Resume); err != nil {
		db.Close()
		return nil, err
	}
	s.wb = db.NewWriteBatch()
	return s, nil
}

// load reads the committed meta of a resumed store and warms the front
// set.
func (s *Store) load(resume bool) error {
	var m meta
	var started uint64
	err := s.db.View(func(txn *badger.Txn) error {
		if it, err := txn.Get([]byte{keyMeta}); err == nil {
			if err := it.Value(func(v []byte) error { return json.Unmarshal(v, &m) }); err != nil {
				return fmt.Errorf("corrupt meta: %w", err)
			}
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		if it, err := txn.Get([]byte{keyStarted}); err == nil {
			return it.Value(func(v []byte) error {
				if len(v) != 8 {
					return fmt.Errorf("corrupt epoch record of %d bytes", len(v))
				}
				started = binary.BigEndian.Uint64(v)
				return nil
			})
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("open store %s: %w", s.dir, err)
	}
	if !resume && (m.Epoch != 0 || started != 0) {
		return fmt.Errorf("open store %s: database holds a run but the manifest was missing", s.dir)
	}
	if m.Count < 0 || len(m.Parents) > 1<<20 || m.Queue.invalid() {
		return fmt.Errorf("open store %s: corrupt meta", s.dir)
	}
	if started > m.Epoch {
		m.Stale = append(m.Stale, epochRange{m.Epoch + 1, started})
	}
	s.stale = m.Stale
	s.epoch = max(started, m.Epoch) + 1
	s.count.Store(m.Count)
	s.lastMeta = m
	s.resumed = m.Checkpoint
	if resume && m.Checkpoint == nil && m.Count == 0 {
		s.resumed = nil
	}
	s.queue.st = m.Queue
	if err := s.queue.reload(); err != nil {
		return fmt.Errorf("open store %s: %w", s.dir, err)
	}
	if err := s.parents.reload(m.Parents); err != nil {
		return fmt.Errorf("open store %s: %w", s.dir, err)
	}
	if resume {
		if err := s.warm(); err != nil {
			return fmt.Errorf("open store %s: %w", s.dir, err)
		}
	}
	return nil
}

// warm loads the visited fingerprints into the front set, in key order;
// if they fit, the front set is complete again.
func (s *Store) warm() error {
	s.complete = false
	n := int64(0)
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixVisited}, PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			k := item.Key()
			if len(k) != 9 {
				return fmt.Errorf("corrupt visited key of %d bytes", len(k))
			}
			ok, err := s.live(item)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			if n++; n > s.maxFront {
				return nil
			}
			if _, err := s.front.Insert(statestore.Fingerprint(binary.BigEndian.Uint64(k[1:]))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n <= s.maxFront {
		if n != s.count.Load() {
			return fmt.Errorf("visited set holds %d states, meta says %d", n, s.count.Load())
		}
		s.complete = true
	} else {
		s.front = statestore.NewMemory(0)
	}
	return nil
}

// live reports whether a visited entry belongs to a committed or the
// current epoch.
func (s *Store) live(item *badger.Item) (bool, error) {
	var e uint64
	err := item.Value(func(v []byte) error {
		if len(v) != 8 {
			return fmt.Errorf("corrupt visited entry of %d bytes", len(v))
		}
		e = binary.BigEndian.Uint64(v)
		return nil
	})
	if err != nil {
		return false, err
	}
	for _, r := range s.stale {
		if e >= r.Lo && e <= r.Hi {
			return false, nil
		}
	}
	return true, nil
}

// visitedKey appends the key of fp to dst.
func visitedKey(dst []byte, fp statestore.Fingerprint) []byte {
	dst = append(dst, prefixVisited)
	return binary.BigEndian.AppendUint64(dst, uint64(fp))
}

// diskErr marks out-of-space errors with [statestore.ErrDiskFull].
func diskErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), "no space left on device") {
		return fmt.Errorf("%w: %w", statestore.ErrDiskFull, err)
	}
	return err
}

// startEpoch records, before the first visited write of an epoch, that the
// epoch started, so that a crash before its commit makes its entries stale.
func (s *Store) startEpoch() error {
	if s.started.Load() {
		return nil
	}
	s.startMu.Lock()
	defer s.startMu.Unlock()
	if s.started.Load() {
		return nil
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte{keyStarted}, binary.BigEndian.AppendUint64(nil, s.epoch))
	})
	if err != nil {
		return fmt.Errorf("disk store: %w", diskErr(err))
	}
	s.started.Store(true)
	return nil
}

// Insert records fp; see [statestore.Set]. With the front set complete it
// costs an in-memory probe and a buffered write; otherwise a miss costs a
// badger lookup, so searches should prefer InsertBatch.
func (s *Store) Insert(fp statestore.Fingerprint) (bool, error) {
	fps := [1]statestore.Fingerprint{fp}
	var fresh [1]bool
	err := s.InsertBatch(fps[:], fresh[:])
	return fresh[0], err
}

type pending struct {
	fp  statestore.Fingerprint
	idx int
}

// InsertBatch inserts fps in order; see [statestore.BatchInserter].
func (s *Store) InsertBatch(fps []statestore.Fingerprint, fresh []bool) error {
	if err := s.startEpoch(); err != nil {
		return err
	}
	s.mu.RLock()
	if s.front.Len()+int64(len(fps)) > s.maxFront {
		s.mu.RUnlock()
		if err := s.resetFront(int64(len(fps))); err != nil {
			return err
		}
		s.mu.RLock()
	}
	defer s.mu.RUnlock()
	if s.closed {
		return errors.New("disk store: closed")
	}
	if err := s.front.InsertBatch(fps, fresh); err != nil {
		return err
	}
	if !s.complete {
		if err := s.lookup(fps, fresh); err != nil {
			return err
		}
	}
	n := 0
	for j := range fps {
		if fresh[j] {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	// The WriteBatch keeps the slices until it commits: one arena per
	// call, no reuse.
	keys := make([]byte, 0, 9*n)
	val := binary.BigEndian.AppendUint64(nil, s.epoch)
	added := int64(0)
	s.wbMu.Lock()
	defer s.wbMu.Unlock()
	for j, fp := range fps {
		if !fresh[j] {
			continue
		}
		start := len(keys)
		keys = visitedKey(keys, fp)
		if err := s.wb.Set(keys[start:len(keys):len(keys)], val); err != nil {
			return fmt.Errorf("disk store: write: %w", diskErr(err))
		}
		added++
	}
	s.count.Add(added)
	return nil
}

// lookup clears fresh[j] for the fingerprints that missed the front set but
// are in badger, looking them up in key order in one read transaction.
func (s *Store) lookup(fps []statestore.Fingerprint, fresh []bool) error {
	var miss []pending
	for j, fp := range fps {
		if fresh[j] {
			miss = append(miss, pending{fp, j})
		}
	}
	if len(miss) == 0 {
		return nil
	}
	slices.SortFunc(miss, func(a, b pending) int {
		switch {
		case a.fp < b.fp:
			return -1
		case a.fp > b.fp:
			return 1
		}
		return 0
	})
	s.lookups.Add(int64(len(miss)))
	var key [9]byte
	return s.db.View(func(txn *badger.Txn) error {
		for _, p := range miss {
			item, err := txn.Get(visitedKey(key[:0], p.fp))
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return fmt.Errorf("disk store: lookup: %w", err)
			}
			live, err := s.live(item)
			if err != nil {
				return fmt.Errorf("disk store: lookup: %w", err)
			}
			if live {
				fresh[p.idx] = false
			}
		}
		return nil
	})
}

// resetFront flushes pending writes (so that badger answers for every
// fingerprint) and starts an empty front set.
func (s *Store) resetFront(need int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.front.Len() == 0 || s.front.Len()+need <= s.maxFront {
		return nil // another inserter reset it
	}
	if err := s.flush(); err != nil {
		return err
	}
	s.front.Close()
	s.front = statestore.NewMemory(0)
	s.complete = false
	return nil
}

// flush commits the WriteBatch and starts a new one.
func (s *Store) flush() error {
	s.wbMu.Lock()
	defer s.wbMu.Unlock()
	err := s.wb.Flush()
	s.wb = s.db.NewWriteBatch()
	if err != nil {
		return fmt.Errorf("disk store: flush: %w", diskErr(err))
	}
	return nil
}

// Probe reports the fingerprints the front set holds; see
// [statestore.Prober].
func (s *Store) Probe(fps []statestore.Fingerprint, seen []bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.front.Probe(fps, seen)
}

// Len returns the number of distinct fingerprints.
func (s *Store) Len() int64 { return s.count.Load() }

// Describe reports the store for statistics: its front set's memory and
// the 64-bit collision estimate.
func (s *Store) Describe() statestore.Info {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return statestore.Info{
		Kind:          "disk",
		Bytes:         s.front.Describe().Bytes,
		CollisionProb: statestore.CollisionProb(s.count.Load()),
	}
}

// Lookups returns the number of fingerprints looked up in badger, for
// tests and statistics: 0 while the front set holds the whole visited set.
func (s *Store) Lookups() int64 { return s.lookups.Load() }

// Commit makes everything written so far durable together with the
// caller's checkpoint; see [statestore.Checkpointer].
func (s *Store) Commit(checkpoint []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.queue.flushBlock(); err != nil {
		return err
	}
	if err := s.parents.flushPartial(); err != nil {
		return err
	}
	if err := s.flush(); err != nil {
		return err
	}
	m := meta{
		Epoch:      s.epoch,
		Count:      s.count.Load(),
		Stale:      s.stale,
		Queue:      s.queue.st,
		Parents:    slices.Clone(s.parents.counts),
		Checkpoint: slices.Clone(checkpoint),
	}
	data, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("disk store: commit: %w", err)
	}
	err = s.db.Update(func(txn *badger.Txn) error {
		if err := txn.Set([]byte{keyMeta}, data); err != nil {
			return err
		}
		return txn.Set([]byte{keyStarted}, binary.BigEndian.AppendUint64(nil, s.epoch))
	})
	if err != nil {
		return fmt.Errorf("disk store: commit: %w", diskErr(err))
	}
	if err := s.queue.dropConsumed(); err != nil {
		return err
	}
	s.lastMeta = m
	s.epoch++
	s.started.Store(false)
	return nil
}

// Resumed returns the checkpoint of the run being resumed, or nil.
func (s *Store) Resumed() ([]byte, error) { return s.resumed, nil }

// Queue returns the store's disk queue, for [explore.Options.Queue]-like
// uses.
func (s *Store) Queue() statestore.Queue { return s.queue }

// Parents returns the store's disk parent log.
func (s *Store) Parents() statestore.ParentLog { return s.parents }

// Manifest returns the store's manifest.
func (s *Store) Manifest() Manifest { return s.manifest }

// Dir returns the store directory.
func (s *Store) Dir() string { return s.dir }

// Close flushes pending writes and closes the database. It does not
// commit: a run closed without a final Commit resumes from its last one.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.wb.Flush()
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("disk store: close: %w", diskErr(err))
	}
	return nil
}

var (
	_ statestore.Set           = (*Store)(nil)
	_ statestore.BatchInserter = (*Store)(nil)
	_ statestore.Prober        = (*Store)(nil)
	_ statestore.Describer     = (*Store)(nil)
	_ statestore.Checkpointer  = (*Store)(nil)
)
