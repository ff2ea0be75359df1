package badgerstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/mcgo-dev/mcgo/statestore"
)

// parentBlock is the number of links in one parent-log block (64 KiB).
const parentBlock = 8192

// parentLog is the disk [statestore.ParentLog] of a [Store]: the links of a
// level in blocks of 8,192 packed links, written through the store's
// WriteBatch; the last, partial block of the newest level stays in memory
// until a commit.
type parentLog struct {
	s      *Store
	counts []int64 // links per level
	cur    []byte  // partial block of the newest level
	dirty  bool    // blocks written since the last flush
	cache  []byte  // last block read
	cLevel int
	cBlock int64
	cValid bool
}

func parentKey(level int, block int64) []byte {
	k := binary.BigEndian.AppendUint32([]byte{prefixParents}, uint32(level))
	return binary.BigEndian.AppendUint64(k, uint64(block))
}

// Append adds the links of the next states of level, in rank order.
func (p *parentLog) Append(level int, links []statestore.Link) error {
	switch {
	case level == len(p.counts):
		if err := p.writePartial(); err != nil {
			return err
		}
		p.counts = append(p.counts, 0)
		p.cur = p.cur[:0]
	case level != len(p.counts)-1:
		return fmt.Errorf("disk parent log: append to level %d, newest is %d", level, len(p.counts)-1)
	}
	for _, l := range links {
		v, err := statestore.PackLink(l)
		if err != nil {
			return fmt.Errorf("disk parent log: level %d: %w", level, err)
		}
		p.cur = binary.BigEndian.AppendUint64(p.cur, v)
		p.counts[level]++
		if len(p.cur) == parentBlock*8 {
			if err := p.write(level, (p.counts[level]-1)/parentBlock, p.cur); err != nil {
				return err
			}
			p.cur = p.cur[:0]
		}
	}
	return nil
}

// write hands a copy of a block to the store's WriteBatch.
func (p *parentLog) write(level int, block int64, data []byte) error {
	s := p.s
	s.wbMu.Lock()
	defer s.wbMu.Unlock()
	if err := s.wb.Set(parentKey(level, block), slices.Clone(data)); err != nil {
		return fmt.Errorf("disk parent log: write: %w", diskErr(err))
	}
	p.dirty = true
	if p.cValid && p.cLevel == level && p.cBlock == block {
		p.cValid = false
	}
	return nil
}

// writePartial writes the partial block of the newest level.
func (p *parentLog) writePartial() error {
	if len(p.counts) == 0 || len(p.cur) == 0 {
		return nil
	}
	last := len(p.counts) - 1
	return p.write(last, p.counts[last]/parentBlock, p.cur)
}

// flushPartial writes the partial block for a commit (it stays in memory
// too and is rewritten when it fills).
func (p *parentLog) flushPartial() error {
	if err := p.writePartial(); err != nil {
		return err
	}
	p.dirty = true
	return nil
}

// Link returns the link of the state with the given rank in level.
func (p *parentLog) Link(level int, rank uint64) (statestore.Link, error) {
	if level < 0 || level >= len(p.counts) || rank >= uint64(p.counts[level]) {
		return statestore.Link{}, fmt.Errorf("disk parent log: no rank %d in level %d", rank, level)
	}
	block, i := int64(rank/parentBlock), int(rank%parentBlock)
	last := len(p.counts) - 1
	if level == last && block == p.counts[last]/parentBlock {
		return statestore.UnpackLink(binary.BigEndian.Uint64(p.cur[8*i:])), nil
	}
	if !p.cValid || p.cLevel != level || p.cBlock != block {
		if p.dirty {
			if err := p.s.flush(); err != nil {
				return statestore.Link{}, err
			}
			p.dirty = false
		}
		data, err := p.read(level, block)
		if err != nil {
			return statestore.Link{}, err
		}
		p.cache, p.cLevel, p.cBlock, p.cValid = data, level, block, true
	}
	if 8*i+8 > len(p.cache) {
		return statestore.Link{}, fmt.Errorf("disk parent log: %w: %s: block %d of level %d is short", statestore.ErrCorrupt, p.s.dbDir(), block, level)
	}
	return statestore.UnpackLink(binary.BigEndian.Uint64(p.cache[8*i:])), nil
}

func (p *parentLog) read(level int, block int64) ([]byte, error) {
	var data []byte
	err := p.s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(parentKey(level, block))
		if err != nil {
			return err
		}
		data, err = item.ValueCopy(p.cache[:0])
		return err
	})
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, fmt.Errorf("disk parent log: %w: %s: block %d of level %d is missing", statestore.ErrCorrupt, p.s.dbDir(), block, level)
	}
	if err != nil {
		return nil, fmt.Errorf("disk parent log: read: %w", err)
	}
	return data, nil
}

// reload restores the committed level counts and the partial block.
func (p *parentLog) reload(counts []int64) error {
	p.counts = slices.Clone(counts)
	p.cur = p.cur[:0]
	p.cValid = false
	for _, c := range counts {
		if c < 0 {
			return fmt.Errorf("disk parent log: %w: %s: negative count", statestore.ErrCorrupt, p.s.dbDir())
		}
	}
	if len(counts) == 0 {
		return nil
	}
	last := len(counts) - 1
	if n := counts[last] % parentBlock; n != 0 {
		data, err := p.read(last, counts[last]/parentBlock)
		if err != nil {
			return err
		}
		if int64(len(data)) < 8*n {
			return fmt.Errorf("disk parent log: %w: %s: partial block of level %d is short", statestore.ErrCorrupt, p.s.dbDir(), last)
		}
		p.cur = append(p.cur, data[:8*n]...)
	}
	return nil
}

// Close does nothing: the log lives as long as its [Store].
func (p *parentLog) Close() error { return nil }
