package badgerstore

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
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

// Badger sizes that matter for disk space: badger writes its memtable logs
// and value log through memory maps of preallocated (sparse) files, and a
// write into a map that the file system cannot back kills the process
// (SIGBUS) instead of returning an error. So the store keeps spaceReserve
// bytes free and reports [statestore.ErrDiskFull] before it would dip into
// them.
const (
	memTableSize = 16 << 20
	numMemtables = 3
	vlogFileSize = 64 << 20
	spaceReserve = 2*vlogFileSize + 2*numMemtables*memTableSize + 64<<20
)

// checkSpace fails with [statestore.ErrDiskFull] when writing need more
// bytes would leave less than spaceReserve free. In-memory stores and
// systems where the free space is unknown always pass.
func (s *Store) checkSpace(need uint64) error {
	if s.inMemory {
		return nil
	}
	free, ok := freeSpace(s.dir)
	if !ok || free >= need+spaceReserve {
		return nil
	}
	if need == 0 {
		return fmt.Errorf("disk store %s: %d MiB free, it needs at least %d MiB free (kept for badger's files): %w",
			s.dir, free>>20, spaceReserve>>20, statestore.ErrDiskFull)
	}
	return fmt.Errorf("disk store %s: %d MiB free, it needs %d MiB: %d MiB to write and %d MiB kept for badger's files: %w",
		s.dir, free>>20, (need+spaceReserve+1<<20-1)>>20, (need+1<<20-1)>>20, spaceReserve>>20, statestore.ErrDiskFull)
}

// checkTables checks the footer of each badger table in dir: the lengths
// of its checksum and index must fit in the file. Badger opens its tables
// in goroutines of its own and reads these lengths unchecked: a table cut
// short or overwritten at its end makes it panic where no recover can
// catch it, killing mcgo with a goroutine dump. (The contents are then
// checked by badger against the checksum.)
func checkTables(dir string) error {
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	for _, name := range tables {
		if err := checkTable(name); err != nil {
			return fmt.Errorf("%w: %s: %v", statestore.ErrCorrupt, name, err)
		}
	}
	return nil
}

func checkTable(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	size := fi.Size()
	u32 := func(at int64) (int64, error) {
		var b [4]byte
		if at < 0 || at+4 > size {
			return 0, fmt.Errorf("table footer past the file's %d bytes", size)
		}
		if _, err := f.ReadAt(b[:], at); err != nil {
			return 0, err
		}
		return int64(binary.BigEndian.Uint32(b[:])), nil
	}
	// ... index | index length (4) | checksum | checksum length (4)
	sumLen, err := u32(size - 4)
	if err != nil {
		return err
	}
	idxLen, err := u32(size - 8 - sumLen)
	if err != nil {
		return fmt.Errorf("checksum of %d bytes does not fit: %v", sumLen, err)
	}
	if idxLen > size-8-sumLen {
		return fmt.Errorf("index of %d bytes does not fit in the file's %d bytes", idxLen, size)
	}
	return nil
}

// freeSpace is freeBytes; tests replace it.
var freeSpace = freeBytes

// Key prefixes; see the package documentation.
const (
	prefixJournal = 'r'
	prefixGen     = 'g'
	prefixParents = 'p'
	keyMeta       = 'm'
	keyStarted    = 'h'
)

// Sizes of the packed fingerprint entries.
const (
	genChunk     = 512     // fingerprints in one generation chunk (4 KiB)
	journalChunk = 1 << 17 // fingerprints in one journal entry (1 MiB)
)

// Store is a disk-backed [statestore.Set] with the queue and parent log of
// a breadth-first search. It is safe for concurrent inserts; its Queue and
// Parents are used by one goroutine, and Commit and Close by one goroutine
// while no insert runs.
type Store struct {
	dir      string
	inMemory bool
	db       *badger.DB
	manifest Manifest

	mu       sync.RWMutex // held shared by inserts, exclusively to close a generation
	front    *statestore.Memory
	maxFront int64
	count    atomic.Int64

	gens        []uint32 // generations on disk, valid in this process
	nextGen     uint32
	journalFrom uint64 // journals of older epochs are covered by generations

	jmu      sync.Mutex // guards epochBuf, journals
	epochBuf []uint64   // fresh values of the current epoch, not yet journaled
	jseq     uint32
	journals [][]byte // keys of journal entries written, for deletion

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
	Epoch       uint64       // last committed epoch
	Count       int64        // visited fingerprints at the commit
	Stale       []epochRange `json:",omitempty"`
	Gens        []uint32     `json:",omitempty"`
	JournalFrom uint64
	Queue       queueState
	Parents     []int64 // links per level
	Checkpoint  []byte  `json:",omitempty"`
}

// Open opens or creates a store in dir. A new store needs an empty or
// missing directory; an existing one is opened only with Options.Resume and
// a manifest equal to the stored one. A corrupt directory is an error.
func Open(dir string, opts Options) (*Store, error) {
	want := opts.Manifest
	want.FormatVersion = FormatVersion
	// made are the directories MkdirAll makes, innermost first.
	var made []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			break
		}
		made = append(made, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	// A new store refused after this point leaves nothing behind that
	// would make the next run's Open refuse the directory ("holds a
	// previous run"): what Open created is removed.
	fresh := false
	undo := func() {
		if !fresh {
			return
		}
		os.RemoveAll(filepath.Join(dir, "db"))
		os.RemoveAll(filepath.Join(dir, queueDir))
		os.Remove(filepath.Join(dir, ManifestFile+".tmp"))
		os.Remove(filepath.Join(dir, ManifestFile))
		for _, d := range made {
			os.Remove(d) // only if empty
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	hasManifest, others := false, 0
	for _, e := range entries {
		switch e.Name() {
		case ManifestFile:
			hasManifest = true
		case ManifestFile + ".tmp":
			// A run stopped while it wrote its manifest, before
			// anything else: nothing to keep.
		default:
			others++
		}
	}
	if !hasManifest && others == 0 && !opts.Resume {
		// A run stopped (kill -9) while it wrote its manifest did
		// nothing; what it left does not make the directory foreign.
		os.Remove(filepath.Join(dir, ManifestFile+".tmp"))
		entries = nil
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
		// The space first: a store refused for it leaves no manifest.
		fresh = true
		probe := &Store{dir: dir, inMemory: opts.InMemory}
		if err := probe.checkSpace(0); err != nil {
			undo()
			return nil, fmt.Errorf("open store: %w", err)
		}
		if err := writeManifest(dir, want); err != nil {
			undo()
			return nil, fmt.Errorf("open store: %w", err)
		}
	}

	// Tuned for this workload: few, large entries (packed blocks), no
	// transactions that read, no compression (fingerprints are random),
	// no fsync per write (a crash is handled by epochs, see the package
	// documentation).
	probe := &Store{dir: dir, inMemory: opts.InMemory}
	if err := probe.checkSpace(0); err != nil {
		undo()
		return nil, fmt.Errorf("open store: %w", err)
	}
	bopts := badger.DefaultOptions(filepath.Join(dir, "db")).
		WithLogger(nil).
		WithSyncWrites(false).
		WithDetectConflicts(false).
		WithNumVersionsToKeep(1).
		WithCompression(options.None).
		WithMemTableSize(memTableSize).
		WithNumMemtables(numMemtables).
		WithBlockCacheSize(64 << 20).
		WithIndexCacheSize(32 << 20).
		WithBloomFalsePositive(0.01).
		WithNumCompactors(2).
		WithValueLogFileSize(vlogFileSize)
	if opts.InMemory {
		bopts = bopts.WithInMemory(true).WithDir("").WithValueDir("")
	}
	if !opts.InMemory {
		if err := checkTables(filepath.Join(dir, "db")); err != nil {
			return nil, fmt.Errorf("open store %s: %w", dir, err)
		}
	}
	db, err := badger.Open(bopts)
	if err != nil {
		undo()
		return nil, fmt.Errorf("open store %s: %w", dir, diskErr(err))
	}
	s := &Store{dir: dir, inMemory: opts.InMemory, db: db, manifest: want, maxFront: opts.FrontStates}
	if s.maxFront <= 0 {
		s.maxFront = defaultFrontStates
	}
	s.front = statestore.NewMemory(0)
	if s.queue, err = newQueue(s); err != nil {
		db.Close()
		undo()
		return nil, err
	}
	s.parents = &parentLog{s: s}
	if err := s.load(opts.Resume); err != nil {
		db.Close()
		undo()
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
				return fmt.Errorf("%w: %s: meta: %v", statestore.ErrCorrupt, s.dbDir(), err)
			}
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		if it, err := txn.Get([]byte{keyStarted}); err == nil {
			return it.Value(func(v []byte) error {
				if len(v) != 8 {
					return fmt.Errorf("%w: %s: epoch record of %d bytes", statestore.ErrCorrupt, s.dbDir(), len(v))
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
	if resume && m.Epoch == 0 && !s.inMemory {
		// No committed run in the database. That is right for a run
		// stopped before its first commit (right after its initial
		// states), which wrote at most queue block 0 (the first commit
		// writes it, then the meta); with later blocks on disk, the
		// database lost what it had committed (badger drops damaged
		// tables), and resuming would silently start over.
		blocks, _ := filepath.Glob(filepath.Join(s.queue.dir, "*.blk"))
		blocks = slices.DeleteFunc(blocks, func(b string) bool { return b == s.queue.path(0) })
		if len(blocks) > 0 {
			return fmt.Errorf("open store %s: %w: %s holds no committed run, but %s holds %d queue blocks after the first", s.dir, statestore.ErrCorrupt, s.dbDir(), s.queue.dir, len(blocks))
		}
	}
	if m.Count < 0 || len(m.Parents) > 1<<20 || m.Queue.invalid() || m.JournalFrom > m.Epoch+1 {
		return fmt.Errorf("open store %s: %w: %s: meta out of range", s.dir, statestore.ErrCorrupt, s.dbDir())
	}
	if started > m.Epoch {
		m.Stale = append(m.Stale, epochRange{m.Epoch + 1, started})
	}
	s.stale = m.Stale
	s.epoch = max(started, m.Epoch) + 1
	s.count.Store(m.Count)
	s.gens = slices.Clone(m.Gens)
	for _, g := range s.gens {
		s.nextGen = max(s.nextGen, g+1)
	}
	s.journalFrom = m.JournalFrom
	s.lastMeta = m
	s.resumed = m.Checkpoint
	s.queue.st = m.Queue
	if err := s.queue.reload(); err != nil {
		return fmt.Errorf("open store %s: %w", s.dir, err)
	}
	if err := s.parents.reload(m.Parents); err != nil {
		return fmt.Errorf("open store %s: %w", s.dir, err)
	}
	if resume {
		if err := s.dropUncommittedGens(); err != nil {
			return fmt.Errorf("open store %s: %w", s.dir, err)
		}
		if err := s.warm(); err != nil {
			return fmt.Errorf("open store %s: %w", s.dir, err)
		}
	}
	return nil
}

// committed reports whether writes of epoch e are part of the committed
// run.
func (s *Store) committed(e uint64) bool {
	if e > s.lastMeta.Epoch {
		return false
	}
	for _, r := range s.stale {
		if e >= r.Lo && e <= r.Hi {
			return false
		}
	}
	return true
}

// warm loads the committed journals (the fingerprints since the last
// generation) into the front set and keeps their keys for deletion.
func (s *Store) warm() error {
	var stale [][]byte
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixJournal}, PrefetchValues: false})
		defer it.Close()
		var fps []statestore.Fingerprint
		var fresh []bool
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			k := item.KeyCopy(nil)
			if len(k) != 13 {
				return fmt.Errorf("%w: %s: journal key of %d bytes", statestore.ErrCorrupt, s.dbDir(), len(k))
			}
			e := binary.BigEndian.Uint64(k[1:])
			if !s.committed(e) {
				stale = append(stale, k) // a stopped run's epoch: never used again
				continue
			}
			s.journals = append(s.journals, k)
			if e < s.journalFrom {
				continue
			}
			err := item.Value(func(v []byte) error {
				if len(v)%8 != 0 {
					return fmt.Errorf("%w: %s: journal entry of %d bytes", statestore.ErrCorrupt, s.dbDir(), len(v))
				}
				fps = fps[:0]
				for i := 0; i < len(v); i += 8 {
					fps = append(fps, statestore.Fingerprint(binary.BigEndian.Uint64(v[i:])))
				}
				if cap(fresh) < len(fps) {
					fresh = make([]bool, len(fps))
				}
				return s.front.InsertBatch(fps, fresh[:len(fps)])
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.deleteKeys(stale); err != nil {
		return err
	}
	if len(s.gens) == 0 && s.front.Len() != s.count.Load() {
		return fmt.Errorf("%w: %s: visited set holds %d states, meta says %d", statestore.ErrCorrupt, s.dbDir(), s.front.Len(), s.count.Load())
	}
	return nil
}

// dropUncommittedGens deletes the chunks of generations written after the
// last commit (their numbers follow the committed ones).
func (s *Store) dropUncommittedGens() error {
	var keys [][]byte
	first := binary.BigEndian.AppendUint32([]byte{prefixGen}, s.nextGen)
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{prefixGen}, PrefetchValues: false})
		defer it.Close()
		for it.Seek(first); it.Valid(); it.Next() {
			keys = append(keys, it.Item().KeyCopy(nil))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.deleteKeys(keys)
}

func (s *Store) deleteKeys(keys [][]byte) error {
	if len(keys) == 0 {
		return nil
	}
	wb := s.db.NewWriteBatch()
	for _, k := range keys {
		if err := wb.Delete(k); err != nil {
			wb.Cancel()
			return diskErr(err)
		}
	}
	return diskErr(wb.Flush())
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

// startEpoch records, before the first write of an epoch, that the epoch
// started, so that a crash before its commit makes its writes stale.
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

// Insert records fp; see [statestore.Set]. Searches should prefer
// InsertBatch, which looks misses up in key order.
func (s *Store) Insert(fp statestore.Fingerprint) (bool, error) {
	fps := [1]statestore.Fingerprint{fp}
	var fresh [1]bool
	err := s.InsertBatch(fps[:], fresh[:])
	return fresh[0], err
}

type pending struct {
	v   uint64 // statestore.MemoryValue of the fingerprint
	idx int
}

// InsertBatch inserts fps in order; see [statestore.BatchInserter]. The
// front set decides first; while no generation has been written to disk it
// decides alone, and the fresh fingerprints are only appended to the
// epoch's journal.
func (s *Store) InsertBatch(fps []statestore.Fingerprint, fresh []bool) error {
	if err := s.startEpoch(); err != nil {
		return err
	}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return errors.New("disk store: closed")
	}
	if err := s.front.InsertBatch(fps, fresh); err != nil {
		s.mu.RUnlock()
		return err
	}
	if len(s.gens) > 0 {
		if err := s.lookup(fps, fresh); err != nil {
			s.mu.RUnlock()
			return err
		}
	}
	added := 0
	s.jmu.Lock()
	for j, fp := range fps {
		if fresh[j] {
			s.epochBuf = append(s.epochBuf, statestore.MemoryValue(fp))
			added++
		}
	}
	var err error
	if len(s.epochBuf) >= journalChunk {
		err = s.writeJournal()
	}
	s.jmu.Unlock()
	s.count.Add(int64(added))
	overfull := s.front.Len() >= 2*s.maxFront
	s.mu.RUnlock()
	if err != nil {
		return err
	}
	if overfull {
		// Only reachable without commits (DFS, random walks): a
		// checkpointing search closes generations in Commit.
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.front.Len() >= 2*s.maxFront {
			return s.closeGen(false)
		}
	}
	return nil
}

// writeJournal writes the epoch's buffered fingerprints as one entry
// (jmu held).
func (s *Store) writeJournal() error {
	if len(s.epochBuf) == 0 {
		return nil
	}
	if err := s.checkSpace(8 * uint64(len(s.epochBuf))); err != nil {
		return err
	}
	key := binary.BigEndian.AppendUint64([]byte{prefixJournal}, s.epoch)
	key = binary.BigEndian.AppendUint32(key, s.jseq)
	val := make([]byte, 0, 8*len(s.epochBuf))
	for _, v := range s.epochBuf {
		val = binary.BigEndian.AppendUint64(val, v)
	}
	err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(key, val) })
	if err != nil {
		return fmt.Errorf("disk store: write journal: %w", diskErr(err))
	}
	s.jseq++
	s.journals = append(s.journals, key)
	s.epochBuf = s.epochBuf[:0]
	return nil
}

// closeGen writes the front set as a new generation, a sorted run of
// chunks keyed by their last value, and starts an empty front set (mu held
// exclusively). atCommit says whether the epoch's inserts are all in the
// generation (closing at a commit) or more may follow.
func (s *Store) closeGen(atCommit bool) error {
	if err := s.checkSpace(8 * uint64(s.front.Len())); err != nil {
		return err
	}
	vals := s.front.Drain()
	gen := s.nextGen
	wb := s.db.NewWriteBatch()
	for i := 0; i < len(vals); i += genChunk {
		chunk := vals[i:min(i+genChunk, len(vals))]
		key := binary.BigEndian.AppendUint32([]byte{prefixGen}, gen)
		key = binary.BigEndian.AppendUint64(key, chunk[len(chunk)-1])
		val := make([]byte, 0, 8*len(chunk))
		for _, v := range chunk {
			val = binary.BigEndian.AppendUint64(val, v)
		}
		if err := wb.Set(key, val); err != nil {
			wb.Cancel()
			return fmt.Errorf("disk store: write generation: %w", diskErr(err))
		}
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("disk store: write generation: %w", diskErr(err))
	}
	s.front = statestore.NewMemory(0)
	s.gens = append(s.gens, gen)
	s.nextGen++
	s.journalFrom = s.epoch
	if atCommit {
		s.journalFrom = s.epoch + 1
	}
	return nil
}

// lookup clears fresh[j] for the fingerprints that missed the front set but
// are in a generation on disk. The misses are sorted, so each generation is
// read forward with one iterator, one chunk per distinct miss at most.
func (s *Store) lookup(fps []statestore.Fingerprint, fresh []bool) error {
	var miss []pending
	for j, fp := range fps {
		if fresh[j] {
			miss = append(miss, pending{statestore.MemoryValue(fp), j})
		}
	}
	if len(miss) == 0 {
		return nil
	}
	slices.SortFunc(miss, func(a, b pending) int { return cmp.Compare(a.v, b.v) })
	s.lookups.Add(int64(len(miss)))
	return s.db.View(func(txn *badger.Txn) error {
		var chunk []byte
		seek := make([]byte, 0, 13)
		for _, gen := range s.gens {
			prefix := binary.BigEndian.AppendUint32([]byte{prefixGen}, gen)
			it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
			last := uint64(0)
			loaded := false
			for _, p := range miss {
				if !fresh[p.idx] {
					continue
				}
				if !loaded || p.v > last {
					seek = binary.BigEndian.AppendUint64(append(seek[:0], prefix...), p.v)
					it.Seek(seek)
					if !it.Valid() {
						break // every remaining miss is past this generation's end
					}
					item := it.Item()
					k := item.Key()
					if len(k) != 13 {
						it.Close()
						return fmt.Errorf("disk store: %w: %s: generation key of %d bytes", statestore.ErrCorrupt, s.dbDir(), len(k))
					}
					last = binary.BigEndian.Uint64(k[5:])
					var err error
					if chunk, err = item.ValueCopy(chunk[:0]); err != nil || len(chunk)%8 != 0 || len(chunk) == 0 {
						it.Close()
						return fmt.Errorf("disk store: %w: %s: generation chunk of %d bytes (%v)", statestore.ErrCorrupt, s.dbDir(), len(chunk), err)
					}
					loaded = true
				}
				n := len(chunk) / 8
				i := sort.Search(n, func(i int) bool { return binary.BigEndian.Uint64(chunk[8*i:]) >= p.v })
				if i < n && binary.BigEndian.Uint64(chunk[8*i:]) == p.v {
					fresh[p.idx] = false
				}
			}
			it.Close()
		}
		return nil
	})
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

// Len returns the number of distinct fingerprints.
func (s *Store) Len() int64 { return s.count.Load() }

// Generations returns the number of generations written to disk.
func (s *Store) Generations() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.gens)
}

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

// Lookups returns the number of fingerprints looked up on disk, for tests
// and statistics: 0 until the front set first overflows.
func (s *Store) Lookups() int64 { return s.lookups.Load() }

// Commit makes everything written so far durable together with the
// caller's checkpoint; see [statestore.Checkpointer]. When the front set
// has reached its bound, Commit first writes it as a generation.
func (s *Store) Commit(checkpoint []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkSpace(0); err != nil {
		return err
	}
	if err := s.startEpoch(); err != nil {
		return err
	}
	s.jmu.Lock()
	err := s.writeJournal()
	s.jmu.Unlock()
	if err != nil {
		return err
	}
	if err := s.queue.flushBlock(); err != nil {
		return err
	}
	if err := s.parents.flushPartial(); err != nil {
		return err
	}
	if err := s.flush(); err != nil {
		return err
	}
	if s.front.Len() >= s.maxFront {
		if err := s.closeGen(true); err != nil {
			return err
		}
	}
	m := meta{
		Epoch:       s.epoch,
		Count:       s.count.Load(),
		Stale:       s.stale,
		Gens:        slices.Clone(s.gens),
		JournalFrom: s.journalFrom,
		Queue:       s.queue.st,
		Parents:     slices.Clone(s.parents.counts),
		Checkpoint:  slices.Clone(checkpoint),
	}
	data, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("disk store: commit: %w", err)
	}
	err = s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte{keyMeta}, data) })
	if err != nil {
		return fmt.Errorf("disk store: commit: %w", diskErr(err))
	}
	s.lastMeta = m
	if err := s.queue.dropConsumed(); err != nil {
		return err
	}
	// Journals older than the newest generation are covered by it.
	var old [][]byte
	keep := s.journals[:0]
	for _, k := range s.journals {
		if binary.BigEndian.Uint64(k[1:]) < s.journalFrom {
			old = append(old, k)
		} else {
			keep = append(keep, k)
		}
	}
	s.journals = keep
	if err := s.deleteKeys(old); err != nil {
		return fmt.Errorf("disk store: drop journals: %w", err)
	}
	s.epoch++
	s.jseq = 0
	s.started.Store(false)
	return nil
}

// Resumed returns the checkpoint of the run being resumed, or nil.
func (s *Store) Resumed() ([]byte, error) { return s.resumed, nil }

// Queue returns the store's disk queue, to hold a breadth-first search's
// frontier (the explorer's Options.Queue). It is committed and resumed with
// the store.
func (s *Store) Queue() statestore.Queue { return s.queue }

// Parents returns the store's disk parent log (the explorer's
// Options.Parents), committed and resumed with the store.
func (s *Store) Parents() statestore.ParentLog { return s.parents }

// Manifest returns the store's manifest.
func (s *Store) Manifest() Manifest { return s.manifest }

// dbDir names the badger database of the store in messages.
func (s *Store) dbDir() string {
	if s.inMemory {
		return "the in-memory database"
	}
	return filepath.Join(s.dir, "db")
}

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
	// Writes since the last commit are of an uncommitted epoch, stale on
	// resume: the epoch's journal is not worth writing.
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
	_ statestore.Describer     = (*Store)(nil)
	_ statestore.Checkpointer  = (*Store)(nil)
)
