package statestore

import (
	"encoding/binary"
	"fmt"
)

// PackLink packs l into 64 bits (40 bits of parent rank, 24 of index); it
// fails with [ErrLinkRange] when a field does not fit.
func PackLink(l Link) (uint64, error) {
	if l.Parent > MaxLinkParent || l.Index > MaxLinkIndex {
		return 0, fmt.Errorf("%w: parent %d, index %d", ErrLinkRange, l.Parent, l.Index)
	}
	return l.Parent<<24 | uint64(l.Index), nil
}

// UnpackLink is the inverse of [PackLink].
func UnpackLink(v uint64) Link { return Link{Parent: v >> 24, Index: uint32(v & MaxLinkIndex)} }

// memLogChunk is the number of links in one chunk of a [MemParentLog]
// level: chunks keep a level from being copied as it grows.
const memLogChunk = 1 << 16

// MemParentLog is the in-memory [ParentLog]: 8 bytes a state, in chunks of
// 64K links per level.
type MemParentLog struct {
	levels [][][]uint64
}

// NewMemParentLog returns an empty in-memory parent log.
func NewMemParentLog() *MemParentLog { return &MemParentLog{} }

// Append adds the links of the next states of level, in rank order.
func (p *MemParentLog) Append(level int, links []Link) error {
	if level < 0 || level > len(p.levels) {
		return fmt.Errorf("parent log: append to level %d, have %d levels", level, len(p.levels))
	}
	if level == len(p.levels) {
		p.levels = append(p.levels, nil)
	}
	chunks := p.levels[level]
	for i, l := range links {
		v, err := PackLink(l)
		if err != nil {
			return fmt.Errorf("parent log: level %d: %w", level, err)
		}
		if len(chunks) == 0 || len(chunks[len(chunks)-1]) == memLogChunk {
			// A chunk starts small and grows by appending up to its full
			// size, so that a search with many narrow levels does not hold
			// a whole chunk a level.
			chunks = append(chunks, make([]uint64, 0, min(memLogChunk, max(16, len(links)-i))))
		}
		last := &chunks[len(chunks)-1]
		*last = append(*last, v)
	}
	p.levels[level] = chunks
	return nil
}

// Link returns the link of the state with the given rank in level.
func (p *MemParentLog) Link(level int, rank uint64) (Link, error) {
	if level < 0 || level >= len(p.levels) {
		return Link{}, fmt.Errorf("parent log: no level %d", level)
	}
	chunks := p.levels[level]
	c, i := rank/memLogChunk, rank%memLogChunk
	if c >= uint64(len(chunks)) || i >= uint64(len(chunks[c])) {
		return Link{}, fmt.Errorf("parent log: no rank %d in level %d", rank, level)
	}
	return UnpackLink(chunks[c][i]), nil
}

// Bytes returns the memory held by the links.
func (p *MemParentLog) Bytes() uint64 {
	var n uint64
	for _, l := range p.levels {
		for _, c := range l {
			n += uint64(cap(c)) * 8
		}
	}
	return n
}

// Close drops the links.
func (p *MemParentLog) Close() error {
	p.levels = nil
	return nil
}

// memQueueChunk is the size of one chunk of a [MemQueue].
const memQueueChunk = 1 << 20

// MemQueue is an in-memory [Queue] of length-prefixed records in 1 MiB
// chunks: pointer-free memory that the garbage collector does not scan. It
// serves tests of the queue path of a search and small runs.
type MemQueue struct {
	chunks [][]byte // chunks[0][off:] is the unread part
	off    int
	n      int64
	free   [][]byte
}

// NewMemQueue returns an empty in-memory queue.
func NewMemQueue() *MemQueue { return &MemQueue{} }

// Push appends a copy of rec.
func (q *MemQueue) Push(rec []byte) error {
	need := binary.MaxVarintLen64 + len(rec)
	if len(q.chunks) == 0 || cap(q.chunks[len(q.chunks)-1])-len(q.chunks[len(q.chunks)-1]) < need {
		var c []byte
		if k := len(q.free); k > 0 && cap(q.free[k-1]) >= need {
			c, q.free = q.free[k-1][:0], q.free[:k-1]
		} else {
			c = make([]byte, 0, max(memQueueChunk, need))
		}
		q.chunks = append(q.chunks, c)
	}
	last := &q.chunks[len(q.chunks)-1]
	*last = binary.AppendUvarint(*last, uint64(len(rec)))
	*last = append(*last, rec...)
	q.n++
	return nil
}

// Pop removes the oldest record and returns it appended to dst.
func (q *MemQueue) Pop(dst []byte) ([]byte, bool, error) {
	for len(q.chunks) > 0 && q.off == len(q.chunks[0]) {
		if len(q.free) < 4 {
			q.free = append(q.free, q.chunks[0])
		}
		q.chunks[0] = nil
		q.chunks = q.chunks[1:]
		q.off = 0
	}
	if len(q.chunks) == 0 {
		return dst, false, nil
	}
	c := q.chunks[0]
	n, w := binary.Uvarint(c[q.off:])
	if w <= 0 || uint64(len(c)-q.off-w) < n {
		return dst, false, fmt.Errorf("mem queue: corrupt record at offset %d", q.off)
	}
	start := q.off + w
	dst = append(dst, c[start:start+int(n)]...)
	q.off = start + int(n)
	q.n--
	return dst, true, nil
}

// Len returns the number of records in the queue.
func (q *MemQueue) Len() int64 { return q.n }

// Close drops the records.
func (q *MemQueue) Close() error {
	q.chunks, q.free, q.off, q.n = nil, nil, 0, 0
	return nil
}
