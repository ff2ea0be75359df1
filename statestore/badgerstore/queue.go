package badgerstore

import (
	"encoding/binary"
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
)

// queueBlock is the size at which a queue block is written.
const queueBlock = 1 << 20

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
// in-memory block, which is written as one badger entry when full (or when
// the reader catches up, or at a commit), and read back block by block.
type queue struct {
	s      *Store
	st     queueState
	wbuf   []byte
	rbuf   []byte
	loaded bool // rbuf holds block st.Head
}

func queueKey(i uint64) []byte { return binary.BigEndian.AppendUint64([]byte{prefixQueue}, i) }

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
	err := q.s.db.Update(func(txn *badger.Txn) error { return txn.Set(queueKey(q.st.Tail), q.wbuf) })
	if err != nil {
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
				return dst, false, fmt.Errorf("disk queue: corrupt record in block %d at %d", q.st.Head, q.st.Off)
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
	err := q.s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(queueKey(q.st.Head))
		if err != nil {
			return err
		}
		q.rbuf, err = item.ValueCopy(q.rbuf[:0])
		return err
	})
	if errors.Is(err, badger.ErrKeyNotFound) {
		return fmt.Errorf("disk queue: block %d is missing", q.st.Head)
	}
	if err != nil {
		return fmt.Errorf("disk queue: read block %d: %w", q.st.Head, err)
	}
	if q.st.Off > len(q.rbuf) {
		return fmt.Errorf("disk queue: offset %d past block %d of %d bytes", q.st.Off, q.st.Head, len(q.rbuf))
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
	err := q.s.db.Update(func(txn *badger.Txn) error {
		for i := q.st.Dropped; i < q.st.Head; i++ {
			if err := txn.Delete(queueKey(i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("disk queue: drop blocks: %w", diskErr(err))
	}
	q.st.Dropped = q.st.Head
	return nil
}

// Len returns the number of records in the queue.
func (q *queue) Len() int64 { return q.st.Len }

// Close does nothing: the queue lives as long as its [Store].
func (q *queue) Close() error { return nil }
