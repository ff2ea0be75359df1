package statestore

import (
	"math"
	"math/bits"
	"sync/atomic"
)

// Bitstate is Holzmann's supertrace (bitstate hashing): a state sets k bits
// of a fixed bit array and counts as seen when all k are set already. It
// takes a fixed amount of memory whatever the state space, and a new state
// whose bits happen to be set by others is skipped, with its successors: a
// search through Bitstate can find violations but never proves their
// absence, so its [Info.Incomplete] is "bitstate".
//
// The k bits of a fingerprint lie in one 64-bit word (a blocked Bloom
// filter): one atomic OR sets them all, so exactly one of several
// concurrent inserters of a fingerprint sees a bit flip (the fresh one), and
// an insert touches one cache line. The price is a somewhat higher omission
// rate than k independent words at the same fill.
type Bitstate struct {
	words  []uint64
	nwords uint64
	k      int
	count  atomic.Int64
}

// DefaultBitstateHashes is the number of bits a state sets in [NewBitstate]
// (SPIN's default for -k is 3 as well).
const DefaultBitstateHashes = 3

// NewBitstate returns a bitstate set of the given number of bits (rounded
// up to a multiple of 64, at least 64) with [DefaultBitstateHashes] bits a
// state.
func NewBitstate(nbits uint64) *Bitstate { return NewBitstateK(nbits, DefaultBitstateHashes) }

// NewBitstateK is [NewBitstate] with k bits a state (clamped to 1..8).
func NewBitstateK(nbits uint64, k int) *Bitstate {
	nw := max((nbits+63)/64, 1)
	k = min(max(k, 1), 8)
	return &Bitstate{words: make([]uint64, nw), nwords: nw, k: k}
}

// slot returns the word index and the bit mask of fp. The word comes from
// the fingerprint's high bits (fastrange), the k bit positions from 6-bit
// fields of a remixed fingerprint, so they are independent of the word.
func (b *Bitstate) slot(fp Fingerprint) (uint64, uint64) {
	w, _ := bits.Mul64(uint64(fp), b.nwords)
	h := uint64(fp) * 0x9e3779b97f4a7c15
	h ^= h >> 29
	var mask uint64
	for i := 0; i < b.k; i++ {
		mask |= 1 << (h & 63)
		h >>= 6
	}
	return w, mask
}

// Insert sets fp's bits and reports whether any of them was clear.
func (b *Bitstate) Insert(fp Fingerprint) (bool, error) {
	w, mask := b.slot(fp)
	old := atomic.OrUint64(&b.words[w], mask)
	if old&mask == mask {
		return false, nil
	}
	b.count.Add(1)
	return true, nil
}

// Len returns the number of inserts that were reported fresh.
func (b *Bitstate) Len() int64 { return b.count.Load() }

// Close drops the bit array.
func (b *Bitstate) Close() error {
	b.words, b.nwords = make([]uint64, 1), 1
	return nil
}

// Describe reports the array size and the estimated probability that a new
// state is taken for a seen one: a new state is skipped when its k bits are
// all set already, which, in a word with c of 64 bits set, happens with
// probability about (c/64)^k. Describe averages that over up to 4096 words
// spread evenly over the array (a sample, so that it stays cheap).
func (b *Bitstate) Describe() Info {
	stride := max(b.nwords/4096, 1)
	var sum float64
	var samples int
	for w := uint64(0); w < b.nwords; w += stride {
		c := float64(bits.OnesCount64(atomic.LoadUint64(&b.words[w])))
		sum += math.Pow(c/64, float64(b.k))
		samples++
	}
	return Info{
		Kind:          "bitstate",
		Bytes:         b.nwords * 8,
		CollisionProb: sum / float64(samples),
		Incomplete:    "bitstate",
	}
}
