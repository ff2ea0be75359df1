package badgerstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/mcgo-dev/mcgo/statestore"
)

// queueBlock is the size at which a queue block is written.
const queueBlock = 1 << 20

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checkBlock checks the checksum that ends a queue block.
func checkBlock(b []byte) error {
	if len(b) < 4 {
		return fmt.Errorf("%d bytes, too short for a block", len(b))
	}
	body := b[:len(b)-4]
	if got, want := crc32.Checksum(body, castagnoli), binary.BigEndian.Uint32(b[len(body):]); got != want {
		return fmt.Errorf("checksum %08x, the block says %08x", got, want)
	}
	return nil
}

// queueState is the committed position of the queue: blocks [Head, Tail)
// are on disk, Off bytes of block Head are read, Dropped is the first
// block not yet deleted.
type queueState struct {
	Head, Tail, Dropped uint64
	Off                 int
	Len                 int64
}

func (st queueState) invalid() bool {
	return st.Head > st.Tail || st.Dropped > st.Head || st.Off < 0 || st.Len < 0
}

// queue is the disk FIFO of a [Store]: records are appended to an
// in-memory block, which is written as one file of the queue directory when
// full (or when the reader catches up, or at a commit), read back block by
// block, and removed once a commit has passed it.
//
// The blocks are files rather than badger entries because each is written
// once, read once and deleted: in badger's value log (where entries of
// 1 MiB go) the space of deleted blocks comes back only through value-log
// garbage collection, after compactions have noticed the deletions, and a
// long run filled the disk with consumed queue blocks (13 GB for 24
// million states, against 5 GB live).
type queue struct {
	s      *Store
	dir    string            // the block files; "" for an in-memory store
	mem    map[uint64][]byte // the blocks of an in-memory store
	st     queueState
	wbuf   []byte
	rbuf   []byte
	loaded bool // rbuf holds block st.Head
}

// queueDir is the directory of the queue's block files in a store.
const queueDir = "queue"

func newQueue(s *Store) (*queue, error) {
	q := &queue{s: s}
	if s.inMemory {
		q.mem = make(map[uint64][]byte)
		return q, nil
	}
	q.dir = filepath.Join(s.dir, queueDir)
	if err := os.MkdirAll(q.dir, 0o755); err != nil {
		return nil, fmt.Errorf("disk queue: %w", diskErr(err))
	}
	return q, nil
}

func (q *queue) path(i uint64) string { return filepath.Join(q.dir, fmt.Sprintf("%016x.blk", i)) }

// name names block i in messages: its file, or its number in memory.
func (q *queue) name(i uint64) string {
	if q.mem != nil {
		return fmt.Sprintf("block %d", i)
	}
	return q.path(i)
}

// Push appends a copy of rec.
func (q *queue) Push(rec []byte) error {
	q.wbuf = binary.AppendUvarint(q.wbuf, uint64(len(rec)))
	q.wbuf = append(q.wbuf, rec...)
	q.st.Len++
	if len(q.wbuf) >= queueBlock {
		return q.flushBlock()
	}
	return nil
}

// flushBlock writes the pending records as block Tail.
func (q *queue) flushBlock() error {
	if len(q.wbuf) == 0 {
		return nil
	}
	if err := q.s.checkSpace(uint64(len(q.wbuf))); err != nil {
		return err
	}
	// Each block ends with the CRC-32C of its records, so that a block
	// damaged on disk is found when it is read, not decoded as states.
	block := binary.BigEndian.AppendUint32(q.wbuf, crc32.Checksum(q.wbuf, castagnoli))
	if q.mem != nil {
		q.mem[q.st.Tail] = append([]byte(nil), block...)
	} else if err := os.WriteFile(q.path(q.st.Tail), block, 0o644); err != nil {
		return fmt.Errorf("disk queue: write block %d: %w", q.st.Tail, diskErr(err))
	}
	q.st.Tail++
	q.wbuf = q.wbuf[:0]
	return nil
}

// Pop removes the oldest record and returns it appended to dst.
func (q *queue) Pop(dst []byte) ([]byte, bool, error) {
	for {
		if q.loaded && q.st.Off < len(q.rbuf) {
			n, w := binary.Uvarint(q.rbuf[q.st.Off:])
			if w <= 0 || uint64(len(q.rbuf)-q.st.Off-w) < n {
				return dst, false, fmt.Errorf("disk queue: %w: %s: record at byte %d runs past the block's %d bytes", statestore.ErrCorrupt, q.name(q.st.Head), q.st.Off, len(q.rbuf))
			}
			start := q.st.Off + w
			dst = append(dst, q.rbuf[start:start+int(n)]...)
			q.st.Off = start + int(n)
			q.st.Len--
			return dst, true, nil
		}
		if q.loaded {
			q.st.Head++
			q.st.Off = 0
			q.loaded = false
		}
		if q.st.Head == q.st.Tail {
			if len(q.wbuf) == 0 {
				return dst, false, nil
			}
			if err := q.flushBlock(); err != nil {
				return dst, false, err
			}
		}
		if err := q.load(); err != nil {
			return dst, false, err
		}
	}
}

func (q *queue) load() error {
	if q.mem != nil {
		b, ok := q.mem[q.st.Head]
		if !ok {
			return fmt.Errorf("disk queue: %w: block %d is missing", statestore.ErrCorrupt, q.st.Head)
		}
		q.rbuf = append(q.rbuf[:0], b...)
	} else {
		b, err := os.ReadFile(q.path(q.st.Head))
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("disk queue: %w: %s is missing", statestore.ErrCorrupt, q.name(q.st.Head))
		}
		if err != nil {
			return fmt.Errorf("disk queue: read %s: %w", q.name(q.st.Head), err)
		}
		q.rbuf = b
	}
	if err := checkBlock(q.rbuf); err != nil {
		return fmt.Errorf("disk queue: %w: %s: %v", statestore.ErrCorrupt, q.name(q.st.Head), err)
	}
	q.rbuf = q.rbuf[:len(q.rbuf)-4]
	if q.st.Off > len(q.rbuf) {
		return fmt.Errorf("disk queue: %w: %s: read position %d is past its %d bytes", statestore.ErrCorrupt, q.name(q.st.Head), q.st.Off, len(q.rbuf))
	}
	q.loaded = true
	return nil
}

// reload starts reading at the committed position.
func (q *queue) reload() error {
	q.loaded = false
	q.wbuf = q.wbuf[:0]
	if q.st.Head < q.st.Tail {
		return q.load()
	}
	return nil
}

// dropConsumed deletes the blocks before the committed read position.
func (q *queue) dropConsumed() error {
	if q.st.Dropped >= q.st.Head {
		return nil
	}
	for i := q.st.Dropped; i < q.st.Head; i++ {
		if q.mem != nil {
			delete(q.mem, i)
		} else if err := os.Remove(q.path(i)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("disk queue: drop block %d: %w", i, diskErr(err))
		}
	}
	q.st.Dropped = q.st.Head
	return nil
}

// Len returns the number of records in the queue.
func (q *queue) Len() int64 { return q.st.Len }

// Close does nothing: the queue lives as long as its [Store].
func (q *queue) Close() error { return nil }
