package statestore

import (
	"errors"

	"github.com/cespare/xxhash/v2"
)

// Fingerprint identifies a state by a stable 64-bit hash of its canonical
// encoding. It is stable across processes and machines (no seed), so it can
// be stored on disk and compared between runs.
type Fingerprint uint64

// Hash returns the fingerprint of a canonical state encoding: xxhash64,
// seedless, so the same bytes give the same fingerprint in every run.
func Hash(key []byte) Fingerprint { return Fingerprint(xxhash.Sum64(key)) }

// Set is a visited set of fingerprints.
//
// Implementations are safe for concurrent use. Insert is a test-and-set in
// one call (TLC's put): of all the callers that insert the same fingerprint,
// exactly one is told it is fresh, which is what lets parallel workers share
// one set without a second lookup.
type Set interface {
	// Insert records fp and reports whether it was absent before.
	Insert(fp Fingerprint) (fresh bool, err error)
	// Len is the number of distinct fingerprints recorded (for Bitstate:
	// the number of inserts reported fresh).
	Len() int64
	// Close releases the set's resources; the set must not be used after.
	Close() error
}

// BatchInserter is an optional fast path of a [Set]: one call for many
// fingerprints lets a store amortise locking and counting, overlap memory
// accesses, and, on disk, visit its keys in order.
//
// InsertBatch has the meaning of calling Insert on fps[0], fps[1], ... in
// order: fresh[j] is true when fps[j] was absent before the call and differs
// from every fps[k] with k < j. len(fresh) must be at least len(fps).
type BatchInserter interface {
	InsertBatch(fps []Fingerprint, fresh []bool) error
}

// ExactSet is an optional exact mode of a [Set]: it is keyed by full
// canonical encodings, so two distinct states are never merged. A search
// uses InsertKey instead of Insert when the set has it.
type ExactSet interface {
	// InsertKey records key (the set keeps its own copy) and reports
	// whether it was absent before; exactly one of several concurrent
	// callers with equal keys is told fresh.
	InsertKey(key []byte) (fresh bool, err error)
}

// Info describes a store for the statistics a search reports.
type Info struct {
	// Kind names the store: "memory", "exact", "bitstate", "disk".
	Kind string
	// Bytes is the memory the store holds for the visited states (for a
	// disk store: its in-memory part).
	Bytes uint64
	// CollisionProb estimates the probability that the search merged two
	// distinct states or skipped a new one: n²/2⁶⁵ for n 64-bit
	// fingerprints, the per-state omission probability for Bitstate, 0 for
	// Exact.
	CollisionProb float64
	// Incomplete is non-empty ("bitstate") when a search through this store
	// can miss states even without a hash collision and so never proves
	// that a property holds.
	Incomplete string
}

// Describer is optional on a store: it reports [Info] for statistics.
// Describe must be cheap (it is called about once a second) and safe to
// call concurrently with inserts.
type Describer interface {
	Describe() Info
}

// Queue is a FIFO of byte records (encoded states) that may live on disk,
// so that the frontier of a breadth-first search need not fit in memory.
// A Queue is used by one goroutine at a time.
type Queue interface {
	// Push appends a copy of rec.
	Push(rec []byte) error
	// Pop removes the oldest record and returns it appended to dst;
	// ok is false when the queue is empty.
	Pop(dst []byte) (rec []byte, ok bool, err error)
	// Len is the number of records pushed and not yet popped.
	Len() int64
	// Close releases the queue's resources.
	Close() error
}

// Link is the parent link of a state found by a level-synchronous
// breadth-first search: the rank of its parent in the previous level (the
// parent's position in that level's canonical order) and the position of the
// transition among the parent's successors. For a level-0 state Parent is 0
// and Index is the position of the state in the list of initial states.
type Link struct {
	Parent uint64
	Index  uint32
}

// MaxLinkParent and MaxLinkIndex bound the fields of a [Link] that a
// [ParentLog] must accept: links are packed into 64 bits (40 bits of rank,
// 24 of successor index) so that a path costs 8 bytes a state.
const (
	MaxLinkParent = 1<<40 - 1
	MaxLinkIndex  = 1<<24 - 1
)

// ParentLog records, level by level, the [Link] of every state in rank
// order, so that the path to any state can be rebuilt at the end of a search
// by following links from its level back to level 0. It replaces a map from
// state to parent (which would cost far more than 8 bytes a state).
// A ParentLog is used by one goroutine at a time.
type ParentLog interface {
	// Append adds the links of the next states of level, in rank order:
	// the first link appended for a level belongs to rank 0.
	Append(level int, links []Link) error
	// Link returns the link of the state with the given rank in level.
	Link(level int, rank uint64) (Link, error)
	// Close releases the log's resources.
	Close() error
}

// Checkpointer is optional on a disk [Set] that also holds the search's
// [Queue] and [ParentLog]: it lets an interrupted breadth-first search be
// resumed. Commit makes every insert, push and append so far durable
// together with an opaque checkpoint (the search's position and counters);
// Resumed returns the checkpoint of the run being continued, or nil when the
// store was opened fresh.
type Checkpointer interface {
	Commit(checkpoint []byte) error
	Resumed() ([]byte, error)
}

// ErrDiskFull is wrapped by errors of disk stores that ran out of space, so
// that a search can end as incomplete ("disk") rather than fail.
var ErrDiskFull = errors.New("no space left on device")

// ErrCorrupt is wrapped by errors of disk stores whose files do not hold
// what the store wrote (a queue block cut short or missing, a record or
// key of the wrong size); the error names the file or directory. A corrupt
// store is bad input, not a failure of the search.
var ErrCorrupt = errors.New("corrupt store")

// ErrLinkRange is returned by a [ParentLog] for a link that does not fit
// its packed form (see [MaxLinkParent], [MaxLinkIndex]).
var ErrLinkRange = errors.New("parent link out of range")
