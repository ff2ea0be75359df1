package explore

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/mcgo-dev/mcgo/statestore"
)

// Sizes of the units of parallel BFS work. A job is a run of consecutive
// parents expanded by one worker (stateright uses batches of 1,500); a
// segment is the unit between two synchronisation points: its jobs are
// expanded in parallel, then its successors are inserted into the visited
// set and appended to the next level in canonical order. Bounding the
// segment bounds the memory taken by successors waiting for insertion.
// Results do not depend on these sizes nor on the number of workers.
const (
	jobParents     = 256
	segmentJobs    = 64
	segmentParents = jobParents * segmentJobs
)

// job is the output buffer of one job, reused from segment to segment so
// that the hot loop does not allocate.
type job[S any] struct {
	lo, hi int // parents [lo, hi) of the segment
	fps    []statestore.Fingerprint
	ri     []uint64 // parent rank << 24 | successor index
	kpos   []uint64 // key start << 32 | key length, into keys
	keys   []byte   // the successors' canonical encodings
	vals   []S      // the successors (values frontier only)
	fresh  []bool
	trans  int64
	found  bool
	viol   violation
	err    error
}

// offer keeps the smallest violation the job found.
func (j *job[S]) offer(k vkey, mon int, msg string) {
	if !j.found || k.less(j.viol.key) {
		j.found = true
		j.viol = violation{key: k, mon: mon, msg: msg}
	}
}

func (j *job[S]) key(c int) []byte {
	p := j.kpos[c]
	start := p >> 32
	return j.keys[start : start+p&0xffffffff]
}

// bfsWorker is one worker's state; its callbacks are created once, so
// passing them to Successors does not allocate.
type bfsWorker[S, L any] struct {
	b        *bfs[S, L]
	j        *job[S]
	from     S
	rank     uint64
	idx      int
	count    int
	yieldFn  func(L, S) bool
	yieldIdx func(int, L, S) bool
	decMem   any // the memory of the parent being expanded (ReusingDecoder)
	// insert phase scratch
	pfps   []statestore.Fingerprint
	ppos   []uint64 // job << 32 | candidate
	pfresh []bool
}

// bfs is a level-synchronous breadth-first search. See the package
// documentation for why its result does not depend on the number of
// workers.
type bfs[S, L any] struct {
	r       *runner[S, L]
	W       int
	encoded bool
	dec     Decoder[S]
	// With an encoded frontier a successor is dead once encoded, so the
	// system may build it in reused memory when it can.
	keyHint  atomic.Int64 // the most key bytes a job has needed
	tsys     TransientSystem[S, L]
	treducer TransientReducer[S, L]
	rdec     ReusingDecoder[S]
	q        statestore.Queue
	parents  statestore.ParentLog
	ckpt     statestore.Checkpointer

	cur, next []S // values frontier
	segVals   []S
	segKeys   []byte
	segOff    []int
	segBase   uint64

	jobs    []*job[S]
	njobs   int
	workers []*bfsWorker[S, L]
	nextJob atomic.Int64
	links   []statestore.Link
	keybuf  []byte

	inline                        bool // insert during expansion (one worker)
	level                         int
	expand                        bool
	curCount, consumed, nextCount int64
	best                          *violation
	cutStates                     bool
}

func runBFS[S, L any](r *runner[S, L]) (Result, error) {
	b := &bfs[S, L]{r: r, W: r.opt.Workers}
	if b.W <= 0 {
		b.W = runtime.NumCPU()
	}
	dec, hasDec := r.sys.(Decoder[S])
	switch r.opt.Frontier {
	case FrontierAuto:
		b.encoded = hasDec || r.opt.Queue != nil
	case FrontierValues:
		if r.opt.Queue != nil {
			return Result{}, errors.New("explore: Options.Queue holds encoded states: it cannot be used with FrontierValues")
		}
	case FrontierEncoded:
		b.encoded = true
	default:
		return Result{}, fmt.Errorf("explore: unknown frontier kind %d", int(r.opt.Frontier))
	}
	if b.encoded {
		if !hasDec {
			return Result{}, errors.New("explore: an encoded frontier (FrontierEncoded or Options.Queue) needs a system with DecodeKey")
		}
		b.dec = dec
		b.tsys, _ = r.sys.(TransientSystem[S, L])
		b.rdec, _ = r.sys.(ReusingDecoder[S])
		if r.reducer != nil {
			b.treducer, _ = r.reducer.(TransientReducer[S, L])
		}
		b.q = r.opt.Queue
		if b.q == nil {
			mq := statestore.NewMemQueue()
			defer mq.Close()
			b.q = mq
		}
	}
	b.parents = r.opt.Parents
	if b.parents == nil {
		pl := statestore.NewMemParentLog()
		defer pl.Close()
		b.parents = pl
	}
	if c, ok := r.set.(statestore.Checkpointer); ok && r.opt.Queue != nil && r.opt.Parents != nil {
		b.ckpt = c
	}
	b.inline = b.W == 1 && b.ckpt == nil
	b.jobs = make([]*job[S], segmentJobs)
	for i := range b.jobs {
		b.jobs[i] = &job[S]{}
	}
	b.workers = make([]*bfsWorker[S, L], b.W)
	for i := range b.workers {
		w := &bfsWorker[S, L]{b: b}
		w.yieldFn = w.yield
		w.yieldIdx = w.yieldIndexed
		b.workers[i] = w
	}

	resumed := false
	if b.ckpt != nil {
		data, err := b.ckpt.Resumed()
		if err != nil {
			return Result{}, fmt.Errorf("explore: resume: %w", err)
		}
		if data != nil {
			if err := b.restore(data); err != nil {
				return Result{}, err
			}
			resumed = true
		}
	}
	if !resumed {
		if err := b.initial(); err != nil {
			return Result{}, err
		}
		if b.cutStates {
			return Result{Verdict: Incomplete, Incomplete: "max-states"}, nil
		}
		if err := b.checkpoint(); err != nil {
			return Result{}, err
		}
	}
	return b.levels()
}

// initial makes level 0: the distinct initial states, in the order of
// Initial (a duplicate keeps its first position).
func (b *bfs[S, L]) initial() error {
	r := b.r
	b.links = b.links[:0]
	for i, s := range r.sys.Initial() {
		b.keybuf = r.sys.AppendKey(b.keybuf[:0], s)
		fresh, err := r.insertOne(b.keybuf)
		if err != nil {
			return fmt.Errorf("explore: insert initial state %d: %w", i, err)
		}
		if !fresh {
			continue
		}
		if r.opt.MaxStates > 0 && r.states.Load() >= r.opt.MaxStates {
			b.cutStates = true
			break
		}
		if i > statestore.MaxLinkIndex {
			return fmt.Errorf("explore: more than %d initial states", statestore.MaxLinkIndex+1)
		}
		b.links = append(b.links, statestore.Link{Index: uint32(i)})
		if err := b.push(s, b.keybuf); err != nil {
			return err
		}
		r.states.Add(1)
		b.curCount++
	}
	if err := b.parents.Append(0, b.links); err != nil {
		return fmt.Errorf("explore: parent log: %w", err)
	}
	b.r.queue.Store(b.curCount)
	// Level 0 is the current level: pushes so far went to cur.
	if !b.encoded {
		b.cur, b.next = b.next, b.cur[:0]
	}
	return nil
}

func (b *bfs[S, L]) push(s S, key []byte) error {
	if b.encoded {
		if err := b.q.Push(key); err != nil {
			return fmt.Errorf("explore: queue: %w", err)
		}
		return nil
	}
	b.next = append(b.next, s)
	return nil
}

// levels runs the level loop until the frontier is empty or the search
// stops.
func (b *bfs[S, L]) levels() (Result, error) {
	r := b.r
	for b.curCount > 0 {
		r.depth.Store(int64(b.level))
		b.expand = r.opt.MaxDepth <= 0 || b.level < r.opt.MaxDepth
		for b.consumed < b.curCount {
			n := min(int64(segmentParents), b.curCount-b.consumed)
			if err := b.segment(int(n)); err != nil {
				return Result{}, err
			}
			if r.stopped() {
				return b.stopResult(r.stopReason())
			}
			b.consumed += n
			r.queue.Store(b.curCount - b.consumed + b.nextCount)
			if b.cutStates {
				return b.stopResult("max-states")
			}
			if b.consumed < b.curCount {
				if err := b.checkpoint(); err != nil {
					return Result{}, err
				}
			}
		}
		if b.best != nil {
			return b.violationResult()
		}
		if !b.expand {
			return Result{Verdict: Incomplete, Incomplete: "max-depth"}, nil
		}
		b.advance()
		if err := b.checkpoint(); err != nil {
			return Result{}, err
		}
	}
	return Result{Verdict: Pass}, nil
}

func (b *bfs[S, L]) advance() {
	b.level++
	b.curCount, b.consumed, b.nextCount = b.nextCount, 0, 0
	if !b.encoded {
		clear(b.cur)
		b.cur, b.next = b.next, b.cur[:0]
	}
}

// stopResult ends a search cut short; a violation already found in the
// level wins over the reason to stop.
func (b *bfs[S, L]) stopResult(reason string) (Result, error) {
	if b.best != nil {
		return b.violationResult()
	}
	return Result{Verdict: Incomplete, Incomplete: reason}, nil
}

func (b *bfs[S, L]) violationResult() (Result, error) {
	v := b.best
	path, err := b.pathTo(v.key.plen-1, v.key.rank)
	if v.key.idx >= 0 {
		// A transition check: the source is at the previous level.
		path, err = b.pathTo(v.key.plen-2, v.key.rank)
		path = append(path, uint32(v.key.idx))
	}
	if err != nil {
		return Result{}, fmt.Errorf("explore: rebuild counterexample path: %w", err)
	}
	return b.r.violationResult(v, path), nil
}

// pathTo follows parent links from the state of the given rank at level
// back to its initial state.
func (b *bfs[S, L]) pathTo(level int, rank uint64) ([]uint32, error) {
	path := make([]uint32, level+1)
	for l := level; l >= 0; l-- {
		link, err := b.parents.Link(l, rank)
		if err != nil {
			return nil, err
		}
		path[l] = link.Index
		rank = link.Parent
	}
	return path, nil
}

// segment expands the next n parents of the current level, inserts their
// successors and appends the fresh ones to the next level.
func (b *bfs[S, L]) segment(n int) error {
	r := b.r
	b.segBase = uint64(b.consumed)
	if b.encoded {
		b.segKeys, b.segOff = b.segKeys[:0], append(b.segOff[:0], 0)
		for i := 0; i < n; i++ {
			var ok bool
			var err error
			b.segKeys, ok, err = b.q.Pop(b.segKeys)
			if err != nil {
				return fmt.Errorf("explore: queue: %w", err)
			}
			if !ok {
				return fmt.Errorf("explore: queue ended %d states early at level %d", n-i, b.level)
			}
			b.segOff = append(b.segOff, len(b.segKeys))
		}
	} else {
		b.segVals = b.cur[b.consumed : b.consumed+int64(n)]
	}
	b.njobs = (n + jobParents - 1) / jobParents
	for i := 0; i < b.njobs; i++ {
		j := b.jobs[i]
		j.lo, j.hi = i*jobParents, min((i+1)*jobParents, n)
	}

	b.nextJob.Store(0)
	b.parallel(func(w *bfsWorker[S, L]) {
		for !r.stopped() {
			ji := int(b.nextJob.Add(1) - 1)
			if ji >= b.njobs {
				return
			}
			w.expandJob(b.jobs[ji])
		}
	})
	for _, j := range b.jobs[:b.njobs] {
		if j.err != nil {
			return j.err
		}
	}
	if r.stopped() {
		return nil
	}
	for _, j := range b.jobs[:b.njobs] {
		r.transitions.Add(j.trans)
		if j.found && (b.best == nil || j.viol.key.less(b.best.key)) {
			v := j.viol
			b.best = &v
		}
	}
	if !b.expand {
		return nil
	}
	if err := b.insert(); err != nil {
		return err
	}
	return b.commit()
}

// parallel runs f on every worker and waits; with one worker it runs
// inline.
func (b *bfs[S, L]) parallel(f func(w *bfsWorker[S, L])) {
	if b.W == 1 {
		f(b.workers[0])
		return
	}
	var wg sync.WaitGroup
	for _, w := range b.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(w)
		}()
	}
	wg.Wait()
}

// parent returns parent p of the segment, for worker w to expand: a
// decoded parent lives in w's memory until w's next parent (its successors
// are encoded before that).
func (b *bfs[S, L]) parent(w *bfsWorker[S, L], p int) (S, error) {
	if !b.encoded {
		return b.segVals[p], nil
	}
	key := b.segKeys[b.segOff[p]:b.segOff[p+1]]
	var s S
	var err error
	if b.rdec != nil {
		s, err = b.rdec.DecodeKeyReusing(key, &w.decMem)
	} else {
		s, err = b.dec.DecodeKey(key)
	}
	if err != nil {
		return s, fmt.Errorf("explore: decode state %d of level %d: %w", b.segBase+uint64(p), b.level, err)
	}
	return s, nil
}

// expandJob checks and expands the parents of j, collecting their
// successors, and drops the successors the set is known to hold.
func (w *bfsWorker[S, L]) expandJob(j *job[S]) {
	b, r := w.b, w.b.r
	j.fps, j.ri, j.kpos, j.keys, j.fresh = j.fps[:0], j.ri[:0], j.kpos[:0], j.keys[:0], j.fresh[:0]
	if h := int(b.keyHint.Load()); cap(j.keys) < h {
		// Jobs grow alike: start at the largest size a job has needed
		// (and a quarter more) rather than double up to it again.
		j.keys = make([]byte, 0, h+h/4)
	}
	clear(j.vals)
	j.vals = j.vals[:0]
	j.trans, j.found, j.err = 0, false, nil
	w.j = j
	nmon := len(r.mons)
	plen := b.level + 1
	for p := j.lo; p < j.hi; p++ {
		s, err := b.parent(w, p)
		if err != nil {
			j.err = err
			return
		}
		rank := b.segBase + uint64(p)
		if m, msg := r.checkState(s); m >= 0 {
			j.offer(vkey{plen: plen, rank: rank, idx: -1, sub: kindState*nmon + m}, m, msg)
		}
		if !b.expand || r.truncated(s) {
			continue
		}
		w.from, w.rank, w.idx, w.count = s, rank, 0, 0
		switch {
		case b.treducer != nil:
			b.treducer.ReducedSuccessorsTransient(s, w.yieldIdx)
		case r.reducer != nil:
			r.reducer.ReducedSuccessors(s, w.yieldIdx)
		case b.tsys != nil:
			b.tsys.SuccessorsTransient(s, w.yieldFn)
		default:
			r.sys.Successors(s, w.yieldFn)
		}
		if j.err != nil || r.stopped() {
			return
		}
		if w.count == 0 {
			if m, msg := r.checkStuck(s); m >= 0 {
				j.offer(vkey{plen: plen, rank: rank, idx: -1, sub: kindStuck*nmon + m}, m, msg)
			}
		}
	}
	var zero S
	w.from = zero
	for n := int64(len(j.keys)); ; {
		h := b.keyHint.Load()
		if n <= h || b.keyHint.CompareAndSwap(h, n) {
			break
		}
	}
	if len(j.fps) == 0 {
		return
	}
	if b.inline {
		// One worker expands jobs in canonical order, so inserting each
		// job's successors right away is inserting in canonical order:
		// one probe of the set per transition, and no insert phase. (Not
		// with a checkpointing store: an abandoned segment must leave
		// the set untouched.)
		if err := w.insertAll(j); err != nil {
			j.err = err
		}
		return
	}
}

func (w *bfsWorker[S, L]) yield(label L, next S) bool {
	i := w.idx
	w.idx++
	w.count++
	return w.add(i, label, next)
}

func (w *bfsWorker[S, L]) yieldIndexed(i int, label L, next S) bool {
	w.count++
	return w.add(i, label, next)
}

// add records one transition: the monitors judge it, and the successor is
// encoded, fingerprinted and queued for insertion.
func (w *bfsWorker[S, L]) add(i int, label L, next S) bool {
	b, r, j := w.b, w.b.r, w.j
	if i < 0 || i > statestore.MaxLinkIndex {
		j.err = fmt.Errorf("explore: successor index %d out of range 0..%d", i, statestore.MaxLinkIndex)
		return false
	}
	j.trans++
	if m, msg := r.checkTransition(w.from, label, next); m >= 0 {
		j.offer(vkey{plen: b.level + 2, rank: w.rank, idx: int64(i), sub: kindTransition*len(r.mons) + m}, m, msg)
	}
	start := len(j.keys)
	j.keys = r.sys.AppendKey(j.keys, next)
	j.fps = append(j.fps, statestore.Hash(j.keys[start:]))
	j.ri = append(j.ri, w.rank<<24|uint64(i))
	j.kpos = append(j.kpos, uint64(start)<<32|uint64(len(j.keys)-start))
	if !b.encoded {
		j.vals = append(j.vals, next)
	}
	return !r.stopped()
}

// insert records the segment's successors in the visited set. The result
// must be that of inserting them one by one in canonical order, (parent
// rank, successor index): then a state reached several times keeps its
// smallest (rank, index). With several workers, each takes the successors
// whose fingerprints fall in its share of the 64-bit range, in canonical
// order, so equal fingerprints meet in one worker, in order.
func (b *bfs[S, L]) insert() error {
	if b.inline {
		return nil // done job by job in expandJob
	}
	for _, j := range b.jobs[:b.njobs] {
		if cap(j.fresh) < len(j.fps) {
			j.fresh = make([]bool, len(j.fps), 2*len(j.fps))
		}
		j.fresh = j.fresh[:len(j.fps)]
	}
	if b.W == 1 {
		// One share: the whole segment in one batch (a disk store looks
		// its misses up in key order, so larger batches are cheaper).
		return b.workers[0].insertShare()
	}
	errs := make([]error, b.W)
	b.parallel(func(w *bfsWorker[S, L]) {
		errs[w.index()] = w.insertShare()
	})
	return errors.Join(errs...)
}

func (w *bfsWorker[S, L]) index() int {
	for i, x := range w.b.workers {
		if x == w {
			return i
		}
	}
	return 0
}

func (w *bfsWorker[S, L]) insertAll(j *job[S]) error {
	r := w.b.r
	if cap(j.fresh) < len(j.fps) {
		j.fresh = make([]bool, len(j.fps), 2*len(j.fps))
	}
	j.fresh = j.fresh[:len(j.fps)]
	switch {
	case r.exact != nil:
		for c := range j.fps {
			f, err := r.exact.InsertKey(j.key(c))
			if err != nil {
				return fmt.Errorf("explore: insert: %w", err)
			}
			j.fresh[c] = f
		}
	case r.batch != nil:
		if err := r.batch.InsertBatch(j.fps, j.fresh); err != nil {
			return fmt.Errorf("explore: insert: %w", err)
		}
	default:
		for c, fp := range j.fps {
			f, err := r.set.Insert(fp)
			if err != nil {
				return fmt.Errorf("explore: insert: %w", err)
			}
			j.fresh[c] = f
		}
	}
	return nil
}

// insertShare inserts the successors whose fingerprints fall in this
// worker's share.
func (w *bfsWorker[S, L]) insertShare() error {
	b, r := w.b, w.b.r
	me := uint64(w.index())
	W := uint64(b.W)
	w.pfps, w.ppos = w.pfps[:0], w.ppos[:0]
	for ji, j := range b.jobs[:b.njobs] {
		for c, fp := range j.fps {
			if hi, _ := bits.Mul64(uint64(fp), W); hi == me {
				w.pfps = append(w.pfps, fp)
				w.ppos = append(w.ppos, uint64(ji)<<32|uint64(c))
			}
		}
	}
	if cap(w.pfresh) < len(w.pfps) {
		w.pfresh = make([]bool, len(w.pfps), 2*len(w.pfps))
	}
	w.pfresh = w.pfresh[:len(w.pfps)]
	switch {
	case r.exact != nil:
		for k, pos := range w.ppos {
			f, err := r.exact.InsertKey(b.jobs[pos>>32].key(int(pos & 0xffffffff)))
			if err != nil {
				return fmt.Errorf("explore: insert: %w", err)
			}
			w.pfresh[k] = f
		}
	case r.batch != nil:
		if err := r.batch.InsertBatch(w.pfps, w.pfresh); err != nil {
			return fmt.Errorf("explore: insert: %w", err)
		}
	default:
		for k, fp := range w.pfps {
			f, err := r.set.Insert(fp)
			if err != nil {
				return fmt.Errorf("explore: insert: %w", err)
			}
			w.pfresh[k] = f
		}
	}
	for k, pos := range w.ppos {
		b.jobs[pos>>32].fresh[pos&0xffffffff] = w.pfresh[k]
	}
	return nil
}

// commit appends the fresh successors to the next level in canonical order
// and records their parent links.
func (b *bfs[S, L]) commit() error {
	r := b.r
	b.links = b.links[:0]
	var added int64
	for _, j := range b.jobs[:b.njobs] {
		for c, fresh := range j.fresh {
			if !fresh {
				continue
			}
			if r.opt.MaxStates > 0 && r.states.Load()+added >= r.opt.MaxStates {
				b.cutStates = true
				break
			}
			ri := j.ri[c]
			b.links = append(b.links, statestore.Link{Parent: ri >> 24, Index: uint32(ri & statestore.MaxLinkIndex)})
			var s S
			if !b.encoded {
				s = j.vals[c]
			}
			if err := b.push(s, j.key(c)); err != nil {
				return err
			}
			added++
		}
		clear(j.vals)
		if b.cutStates {
			break
		}
	}
	r.states.Add(added)
	b.nextCount += added
	if err := b.parents.Append(b.level+1, b.links); err != nil {
		return fmt.Errorf("explore: parent log: %w", err)
	}
	return nil
}

// bfsCheckpoint is the search's position, stored by a [statestore.Checkpointer]
// with the data it describes, so that an interrupted search can resume.
type bfsCheckpoint struct {
	Version     int
	Level       int
	CurCount    int64
	Consumed    int64
	NextCount   int64
	States      int64
	Transitions int64
	Best        *bfsCheckpointViolation `json:",omitempty"`
}

type bfsCheckpointViolation struct {
	Plen int
	Rank uint64
	Idx  int64
	Sub  int
	Mon  int
	Msg  string
}

const bfsCheckpointVersion = 1

func (b *bfs[S, L]) checkpoint() error {
	if b.ckpt == nil {
		return nil
	}
	c := bfsCheckpoint{
		Version: bfsCheckpointVersion, Level: b.level,
		CurCount: b.curCount, Consumed: b.consumed, NextCount: b.nextCount,
		States: b.r.states.Load(), Transitions: b.r.transitions.Load(),
	}
	if v := b.best; v != nil {
		c.Best = &bfsCheckpointViolation{Plen: v.key.plen, Rank: v.key.rank, Idx: v.key.idx, Sub: v.key.sub, Mon: v.mon, Msg: v.msg}
	}
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("explore: checkpoint: %w", err)
	}
	if err := b.ckpt.Commit(data); err != nil {
		return fmt.Errorf("explore: checkpoint: %w", err)
	}
	return nil
}

func (b *bfs[S, L]) restore(data []byte) error {
	var c bfsCheckpoint
	if err := json.Unmarshal(data, &c); err != nil {
		return fmt.Errorf("explore: resume: corrupt checkpoint: %w", err)
	}
	if c.Version != bfsCheckpointVersion {
		return fmt.Errorf("explore: resume: checkpoint version %d, want %d", c.Version, bfsCheckpointVersion)
	}
	if c.Level < 0 || c.CurCount < 0 || c.Consumed < 0 || c.Consumed > c.CurCount || c.NextCount < 0 || c.States < 0 {
		return fmt.Errorf("explore: resume: inconsistent checkpoint %+v", c)
	}
	if q := b.q.Len(); q != c.CurCount-c.Consumed+c.NextCount {
		return fmt.Errorf("explore: resume: queue holds %d states, checkpoint says %d", q, c.CurCount-c.Consumed+c.NextCount)
	}
	b.level, b.curCount, b.consumed, b.nextCount = c.Level, c.CurCount, c.Consumed, c.NextCount
	b.r.states.Store(c.States)
	b.r.resumedStates = c.States
	b.r.transitions.Store(c.Transitions)
	b.r.queue.Store(b.q.Len())
	if v := c.Best; v != nil {
		if v.Mon < 0 || v.Mon >= len(b.r.mons) {
			return fmt.Errorf("explore: resume: checkpoint names monitor %d of %d", v.Mon, len(b.r.mons))
		}
		b.best = &violation{key: vkey{plen: v.Plen, rank: v.Rank, idx: v.Idx, sub: v.Sub}, mon: v.Mon, msg: v.Msg}
	}
	if b.consumed == b.curCount && b.curCount > 0 {
		if b.best != nil {
			return nil
		}
		b.advance()
	}
	return nil
}
